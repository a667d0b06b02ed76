package no.studietur.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import no.studietur.localstack.ReceivedMail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Kafka, MongoDB and Mailpit in containers; the mail is read over Mailpit's HTTP API. */
final class ContainerInfrastructure implements TestInfrastructure {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAILPIT_SMTP = 1025;
    private static final int MAILPIT_HTTP = 8025;

    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
    private final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
    private final GenericContainer<?> mailpit = new GenericContainer<>("axllent/mailpit:v1.27")
            .withExposedPorts(MAILPIT_SMTP, MAILPIT_HTTP)
            .waitingFor(Wait.forHttp("/livez").forPort(MAILPIT_HTTP));
    private final HttpClient http = HttpClient.newHttpClient();

    ContainerInfrastructure() {
        kafka.start();
        mongo.start();
        mailpit.start();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri(String database) {
        return mongo.getReplicaSetUrl(database);
    }

    @Override
    public String smtpHost() {
        return mailpit.getHost();
    }

    @Override
    public int smtpPort() {
        return mailpit.getMappedPort(MAILPIT_SMTP);
    }

    @Override
    public List<ReceivedMail> receivedMail() {
        List<ReceivedMail> messages = new ArrayList<>();
        for (JsonNode summary : get("/api/v1/messages?limit=1000").path("messages")) {
            JsonNode message = get("/api/v1/message/" + summary.path("ID").asString());
            JsonNode messageId = get("/api/v1/message/" + summary.path("ID").asString() + "/headers")
                    .path(ReceivedMail.MESSAGE_ID_HEADER).path(0);
            List<String> to = new ArrayList<>();
            message.path("To").forEach(address -> to.add(address.path("Address").asString()));
            List<String> attachments = new ArrayList<>();
            message.path("Attachments").forEach(attachment -> attachments.add(attachment.path("FileName").asString()));
            messages.add(new ReceivedMail(summary.path("ID").asString(), messageId.isMissingNode() ? null
                    : messageId.asString(), message.path("From").path("Address").asString(),
                    to, message.path("Subject").asString(), Instant.parse(message.path("Date").asString()),
                    message.path("Text").asString(), message.path("HTML").asString(), attachments));
        }
        return messages.reversed();
    }

    @Override
    public void clearMail() {
        send(HttpRequest.newBuilder(mailpitUri("/api/v1/messages")).DELETE().build());
    }

    private JsonNode get(String path) {
        return JSON.readTree(send(HttpRequest.newBuilder(mailpitUri(path)).GET().build()));
    }

    private String send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI mailpitUri(String path) {
        return URI.create("http://" + mailpit.getHost() + ":" + mailpit.getMappedPort(MAILPIT_HTTP) + path);
    }

    @Override
    public String toString() {
        return "containers (Kafka, MongoDB, Mailpit)";
    }
}
