package no.studietur.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.util.FileSystemUtils;

import no.studietur.localstack.LocalKafka;
import no.studietur.localstack.LocalMail;
import no.studietur.localstack.LocalMongo;
import no.studietur.localstack.ReceivedMail;

/** The local stack inside the test JVM: a KRaft broker in a temporary folder, an in-memory store, GreenMail. */
final class EmbeddedInfrastructure implements TestInfrastructure {

    /** Well within Surefire's 30 s for the JVM to exit; a context's close takes about a second. */
    private static final Duration CONTEXTS_CLOSING = Duration.ofSeconds(15);

    private final LocalKafka kafka;
    private final LocalMongo mongo;
    private final LocalMail mail;

    EmbeddedInfrastructure() {
        Path kafkaData;
        try {
            kafkaData = Files.createTempDirectory("studietur-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = LocalKafka.start(kafkaData, 0, 0);
        mongo = LocalMongo.inMemory();
        mail = LocalMail.start(0, -1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OpenTestContexts.awaitClosed(CONTEXTS_CLOSING);
            mail.close();
            mongo.close();
            kafka.close();
            deleteQuietly(kafkaData);
        }, "test-infrastructure-shutdown"));
    }

    private static void deleteQuietly(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            System.err.println("Could not delete the test broker's folder " + folder + ": " + e);
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String mongoUri(String database) {
        return mongo.uri(database);
    }

    @Override
    public String smtpHost() {
        return mail.smtpHost();
    }

    @Override
    public int smtpPort() {
        return mail.smtpPort();
    }

    @Override
    public List<ReceivedMail> receivedMail() {
        return mail.messages();
    }

    @Override
    public void clearMail() {
        mail.clear();
    }

    @Override
    public String toString() {
        return "embedded (Kafka " + kafka.bootstrapServers() + ", " + mongo.uri("") + ", SMTP " + smtpPort() + ")";
    }
}
