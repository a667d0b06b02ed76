package no.studietur.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;

import no.studietur.localstack.ReceivedMail;

/**
 * Kafka, MongoDB and an SMTP server for tests, started once per test JVM and shared by every test in it.
 * Containers are used when a Docker engine answers, the embedded stack otherwise; the environment variable
 * {@code STUDIETUR_TEST_INFRA=embedded|containers} forces one. Tests never see the difference.
 */
public interface TestInfrastructure {

    /** The operator's name and password in tests, as in local mode. */
    String OPERATOR = "operator";

    String kafkaBootstrapServers();

    String mongoUri(String database);

    String smtpHost();

    int smtpPort();

    List<ReceivedMail> receivedMail();

    /** The e-mails received so far with a recipient address containing {@code address}. */
    default List<ReceivedMail> receivedMailTo(String address) {
        return receivedMail().stream().filter(mail -> mail.to().stream().anyMatch(to -> to.contains(address))).toList();
    }

    void clearMail();

    /** The shared instance, started on first use. */
    static TestInfrastructure get() {
        return Holder.INSTANCE;
    }

    /** Spring properties that point a service at this infrastructure, with its own database. */
    default Map<String, String> springProperties(String database) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", mongoUri(database));
        properties.put("spring.mail.host", smtpHost());
        properties.put("spring.mail.port", String.valueOf(smtpPort()));
        properties.put("studietur.access.operator-username", OPERATOR);
        properties.put("studietur.access.operator-password", OPERATOR);
        // Tests that dead-letter on purpose would otherwise bury real failures under the binder's stack traces.
        properties.put("logging.level.org.springframework.integration.handler.LoggingHandler", "off");
        return properties;
    }

    /** For {@code @DynamicPropertySource}. */
    static void register(DynamicPropertyRegistry registry, String database) {
        get().springProperties(database).forEach((key, value) -> registry.add(key, () -> value));
    }

    final class Holder {
        private static final TestInfrastructure INSTANCE = start();

        private Holder() {
        }

        private static TestInfrastructure start() {
            String forced = System.getenv("STUDIETUR_TEST_INFRA");
            boolean containers = forced != null ? forced.equals("containers") : dockerAnswers();
            TestInfrastructure infrastructure = containers ? new ContainerInfrastructure() : new EmbeddedInfrastructure();
            System.out.println("Test infrastructure: " + infrastructure);
            return infrastructure;
        }

        private static boolean dockerAnswers() {
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
    }
}
