package no.studietur.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.cloud.stream.binder.kafka.support.ConsumerConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** What every service gets: the relay, its producer, the topics it writes and readiness for broker and store. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    static final int STORE_CONNECTIONS_KEPT_OPEN = 32;
    static final int STORE_CONNECTIONS_OPENED_AT_ONCE = 8;

    /**
     * The one source of "now", so that tests can move time. Millisecond ticks: the store keeps milliseconds, so an
     * instant in an event equals the same instant read back from a document.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaProperties kafka, MessagingProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // Idempotent, fully acknowledged sends keep each tour's events in order even when a send is retried.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, properties.source().replace("/", "") + "-outbox");
        return new OutboxRelay(mongo, new KafkaProducer<>(config), properties);
    }

    @Bean
    KafkaAdmin.NewTopics producedTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(properties.producedTopics().stream()
                .map(topic -> TopicBuilder.name(topic).partitions(properties.partitions()).build())
                .toArray(NewTopic[]::new));
    }

    @Bean(destroyMethod = "close")
    Admin readinessAdmin(KafkaProperties kafka) {
        return Admin.create(kafka.buildAdminProperties());
    }

    @Bean
    BrokerHealthIndicator brokerHealthIndicator(Admin readinessAdmin) {
        return new BrokerHealthIndicator(readinessAdmin);
    }

    /**
     * Connections to the store opened before they are needed, and more of them at once when a burst needs more. The
     * driver's defaults (none kept open, two opened at a time) made the first seconds of a load wait: in a profile
     * of the benchmark, registration's event consumer spent 10 s of its first 20 s waiting for a connection to be
     * opened while the busy store answered each handshake in about 0.7 s. Kept open: enough for the registration
     * service's API requests in flight (16) beside the consumers, the relay and the schedulers, so that none is
     * opened under load. With 16 and up to 64 requests in flight, thread dumps showed the event consumer and the
     * relay waiting for a connection to be opened while the requests held the rest: for up to 19 s nothing was
     * published or confirmed, and requests timed out.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer storeConnectionsReady() {
        return settings -> settings.applyToConnectionPoolSettings(pool -> pool.minSize(STORE_CONNECTIONS_KEPT_OPEN)
                .maxConnecting(STORE_CONNECTIONS_OPENED_AT_ONCE));
    }

    @Bean
    StoreHealthIndicator storeHealthIndicator(MongoTemplate mongo) {
        return new StoreHealthIndicator(mongo);
    }

    /**
     * Kafka static membership when the instance has a stable name: a killed instance that comes back within the
     * session timeout takes its partitions back at once. Without it the group waits for the dead member's session
     * to expire (45 s) before anyone consumes those partitions again.
     */
    @Bean
    @ConditionalOnProperty("studietur.messaging.instance-id")
    ConsumerConfigCustomizer staticGroupMembership(MessagingProperties properties,
                                                   @Value("${spring.application.name}") String application) {
        return (config, binding, destination) -> config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                String.join("-", application, properties.instanceId(), binding, destination));
    }
}
