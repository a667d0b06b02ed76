package no.studietur.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.EventJson;
import no.studietur.contracts.EventType;

/**
 * Reads what was published on topics, from the beginning, and sends raw CloudEvents records, so tests can
 * check the wire and inject duplicates or poison records the way a broker would deliver them.
 */
public final class TopicProbe implements AutoCloseable {

    /** A record as it arrived: key, CloudEvents headers and the JSON data as text. */
    public record Received(String topic, String key, Map<String, String> headers, String data) {

        public String type() {
            return headers.get("ce_type");
        }

        public String id() {
            return headers.get("ce_id");
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new ArrayList<>();

    public TopicProbe(String... topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(topics));
    }

    /** Waits until a record matches, and returns it. */
    public Received await(Predicate<Received> matching, Duration timeout) {
        return awaitCount(matching, 1, timeout).getFirst();
    }

    /** Waits until at least {@code count} records match, and returns all that match. */
    public List<Received> awaitCount(Predicate<Received> matching, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Received> matches = received.stream().filter(matching).toList();
            if (matches.size() >= count) {
                return matches;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Expected " + count + " matching record(s) within " + timeout + ", saw "
                        + matches.size() + " of " + received.size() + ": " + received);
            }
            poll(Duration.ofMillis(200));
        }
    }

    /** Everything that arrived until the topics stayed quiet for {@code quiet}. */
    public List<Received> drain(Duration quiet) {
        int before;
        do {
            before = received.size();
            poll(quiet);
        } while (received.size() > before);
        return List.copyOf(received);
    }

    private void poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            received.add(new Received(record.topic(), record.key(), headers,
                    record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8)));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** One producer for every test of the JVM, like a real client's. */
    private static final class SharedProducer {
        private static final KafkaProducer<String, byte[]> INSTANCE = create();

        private static KafkaProducer<String, byte[]> create() {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config);
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "test-producer-close"));
            return producer;
        }
    }

    /** Sends an event as its producer would (topic and ce_type from its type, keyed by tour); returns its id. */
    public static String send(DomainEvent event) {
        String eventId = UUID.randomUUID().toString();
        send(event, eventId);
        return eventId;
    }

    /** Sends an event under a given id: the same id again is a redelivery. */
    public static void send(DomainEvent event, String eventId) {
        EventType type = EventType.of(event);
        send(type.topic(), event.tourId(), eventId, type.ceType(), new String(EventJson.write(event),
                StandardCharsets.UTF_8));
    }

    /** Sends one CloudEvents record in binary mode, exactly as given (a duplicate keeps its ce_id). */
    public static void send(String topic, String key, String ceId, String ceType, String data) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(ceId));
        headers.add("ce_type", bytes(ceType));
        headers.add("ce_source", bytes("/test"));
        headers.add("ce_subject", bytes(key));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("content-type", bytes("application/json"));
        try {
            SharedProducer.INSTANCE.send(new ProducerRecord<>(topic, null, key, bytes(data), headers)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
