package no.studietur.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The pieces of the local platform keep their data across a restart, and the inbox shows what arrived. */
class LocalStackTest {

    @Test
    void theBrokerKeepsTopicsAndRecordsAcrossARestart(@TempDir Path data) throws Exception {
        try (LocalKafka kafka = LocalKafka.start(data, 0, 0)) {
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                producer.send(new ProducerRecord<>("kept", "tour-1", "before the restart")).get();
            }
        }
        try (LocalKafka kafka = LocalKafka.start(data, 0, 0)) {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader");
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            try (var consumer = new KafkaConsumer<String, String>(config)) {
                consumer.subscribe(List.of("kept"));
                String value = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (value == null && System.nanoTime() < deadline) {
                    for (var record : consumer.poll(Duration.ofMillis(500))) {
                        value = record.value();
                    }
                }
                assertThat(value).isEqualTo("before the restart");
            }
        }
    }

    @Test
    void theStoreKeepsDocumentsAndUniqueIndexesOnDiskAcrossARestart(@TempDir Path data) {
        Path file = data.resolve("store.mv");
        Document tour = new Document("_id", "aalborg").append("seats", 30).append("taken", 12L)
                .append("price", new Decimal128(new BigDecimal("10990.00"))).append("share", 0.25)
                .append("start", new Date(1_800_000_000_000L)).append("open", true).append("note", null)
                .append("ref", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("logo", new Binary(new byte[] {1, 2, 3}))
                .append("days", List.of(new Document("day", 1).append("venues", List.of("Rådhuset", "Plejecenter Ø"))));
        try (LocalMongo mongo = LocalMongo.onDisk(file, 0); var client = MongoClients.create(mongo.uri("kept"))) {
            client.getDatabase("kept").getCollection("tours").insertOne(tour);
            var invoices = client.getDatabase("kept").getCollection("invoices");
            invoices.createIndex(new Document("registrationId", 1), new IndexOptions().unique(true));
            for (int i = 0; i < 500; i++) {
                invoices.insertOne(new Document("_id", "inv-" + i).append("registrationId", "reg-" + i));
            }
        }
        try (LocalMongo mongo = LocalMongo.onDisk(file, 0); var client = MongoClients.create(mongo.uri("kept"))) {
            assertThat(client.getDatabase("kept").getCollection("tours").find(new Document("_id", "aalborg")).first())
                    .isEqualTo(tour);
            var invoices = client.getDatabase("kept").getCollection("invoices");
            assertThat(invoices.find(new Document("_id", "inv-317")).first()).containsEntry("registrationId", "reg-317");
            assertThatThrownBy(() -> invoices.insertOne(new Document("_id", "inv-x").append("registrationId", "reg-42")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(invoices.countDocuments()).isEqualTo(500);
        }
    }

    @Test
    void theStoreCommitsOnTheWritingThreadWithoutH2sBackgroundThreadsAndCompactsOnItsOwn(@TempDir Path data) {
        try (LocalMongo mongo = LocalMongo.onDisk(data.resolve("store.mv"), 0);
             var client = MongoClients.create(mongo.uri("threads"))) {
            var documents = client.getDatabase("threads").getCollection("documents");
            for (int i = 0; i < 50; i++) {
                documents.insertOne(new Document("_id", "doc-" + i));
            }

            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .noneMatch(name -> name.startsWith("H2-") || name.startsWith("MVStore background writer"))
                    .contains("store-compaction");
            assertThat(documents.countDocuments()).isEqualTo(50);
        }
    }

    @Test
    void theStoreReportsItsCommandsPerCollectionAndKindAsMongoDbsTopDoes(@TempDir Path data) {
        try (LocalMongo mongo = LocalMongo.onDisk(data.resolve("store.mv"), 0);
             var client = MongoClients.create(mongo.uri("counted"))) {
            var documents = client.getDatabase("counted").getCollection("documents");
            documents.insertOne(new Document("_id", "a"));
            documents.insertOne(new Document("_id", "b"));
            documents.find(Filters.eq("_id", "a")).first();
            documents.updateOne(Filters.eq("_id", "b"), new Document("$set", new Document("seen", true)));
            documents.deleteOne(Filters.eq("_id", "a"));
            documents.insertMany(List.of(new Document("_id", "c"), new Document("_id", "d"), new Document("_id", "e")));
            assertThat(documents.find().batchSize(2).into(new ArrayList<>())).hasSize(4);
            client.getDatabase("counted").runCommand(new Document("ping", 1));

            Document totals = client.getDatabase("admin").runCommand(new Document("top", 1)).get("totals", Document.class);

            Document counted = totals.get("counted.documents", Document.class);
            assertThat(counted.keySet()).containsExactly("getmore", "insert", "queries", "remove", "total", "update");
            assertThat(List.of("insert", "queries", "getmore", "update", "remove", "total")).extracting(
                    kind -> counted.get(kind, Document.class).get("count", Number.class).longValue())
                    .containsExactly(3L, 2L, 1L, 1L, 1L, 8L);
            assertThat(counted.get("total", Document.class).get("time", Number.class).longValue()).isPositive();
            assertThat(totals.keySet()).containsExactly("note", "counted.documents");
        }
    }

    @Test
    void aStoreFileInTheEarlierFormatIsRefusedWithAMessageSayingWhatToDo(@TempDir Path data) {
        Path file = data.resolve("store.mv");
        MVStore earlier = MVStore.open(file.toString());
        earlier.openMap("databases.kept.tours").put(1L, "a document in Java serialisation");
        earlier.close();

        assertThatThrownBy(() -> LocalMongo.onDisk(file, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("earlier version").hasMessageContaining("Delete it");
    }

    @Test
    void aKilledStoreProcessKeepsEveryWriteItAcknowledged(@TempDir Path data) throws Exception {
        Path file = data.resolve("store.mv");
        int port = FreePorts.orFree(0);
        Process store = startStoreProcess(file, port);
        try (var client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            var registrations = client.getDatabase("kept").getCollection("registrations");
            for (int i = 0; i < 50; i++) {
                registrations.insertOne(new Document("_id", "r-" + i));
            }
            registrations.updateOne(new Document("_id", "r-49"), new Document("$set", new Document("status", "CONFIRMED")));
        }
        store.destroyForcibly().waitFor();   // SIGKILL, right after the last acknowledged write

        Process restarted = startStoreProcess(file, port);
        try (var client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            var registrations = client.getDatabase("kept").getCollection("registrations");
            assertThat(registrations.countDocuments()).isEqualTo(50);
            assertThat(registrations.find(new Document("_id", "r-49")).first()).containsEntry("status", "CONFIRMED");
        } finally {
            restarted.destroy();
            restarted.waitFor();
        }
    }

    private static Process startStoreProcess(Path file, int port) throws Exception {
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "-Dlogback.configurationFile=local-stack-logback.xml",
                LocalMongo.class.getName(), file.toString(), String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (var socket = new Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("The store process did not open port " + port);
    }

    @Test
    void aQueryByIdWithFurtherConditionsFindsExactlyWhatMongoDbWould() {
        try (LocalMongo mongo = LocalMongo.inMemory(); var client = MongoClients.create(mongo.uri("ids"))) {
            var documents = client.getDatabase("ids").getCollection("documents");
            for (int i = 0; i < 50; i++) {
                documents.insertOne(new Document("_id", "doc-" + i).append("version", i % 3).append("status", "PENDING"));
            }

            assertThat(documents.find(new Document("_id", "doc-7").append("version", 1)).into(new ArrayList<>()))
                    .extracting(document -> document.get("_id")).containsExactly("doc-7");
            assertThat(documents.find(new Document("_id", "doc-7").append("version", 2)).first()).isNull();
            assertThat(documents.find(new Document("_id", "doc-missing").append("version", 1)).first()).isNull();
            // the conditional update of an optimistic lock: applies once, then the version no longer matches
            var guard = new Document("_id", "doc-8").append("version", 2).append("status", new Document("$in",
                    List.of("PENDING", "CONFIRMED")));
            var bump = new Document("$inc", new Document("version", 1)).append("$set", new Document("status", "CONFIRMED"));
            assertThat(documents.updateOne(guard, bump).getModifiedCount()).isEqualTo(1);
            assertThat(documents.updateOne(guard, bump).getModifiedCount()).isZero();
            assertThat(documents.findOneAndUpdate(new Document("_id", "doc-9").append("status", "PENDING"),
                    new Document("$set", new Document("status", "SENT")))).isNotNull();
            assertThat(documents.countDocuments(new Document("status", "PENDING"))).isEqualTo(48);
            // the same conditions as the driver's Filters.and renders them: {$and: [{_id: x}, {version: ...}]}
            assertThat(documents.find(Filters.and(Filters.eq("_id", "doc-4"), Filters.lt("version", 2))).first())
                    .extracting(document -> document.get("_id")).isEqualTo("doc-4");
            assertThat(documents.find(Filters.and(Filters.eq("_id", "doc-5"), Filters.lt("version", 2))).first()).isNull();
            assertThat(documents.find(Filters.and(Filters.eq("_id", "doc-4"), Filters.eq("_id", "doc-5"))).first()).isNull();
            // the copy of a newer state, never over a newer one: replaces an older document, adds a missing one...
            var olderOrAbsent = Filters.and(Filters.eq("_id", "doc-10"), Filters.lt("version", 5));
            var newer = new Document("_id", "doc-10").append("version", 5).append("status", "COPIED");
            assertThat(documents.replaceOne(olderOrAbsent, newer, new ReplaceOptions().upsert(true)).getModifiedCount())
                    .isEqualTo(1);
            assertThat(documents.replaceOne(Filters.and(Filters.eq("_id", "doc-new"), Filters.lt("version", 5)),
                    new Document("_id", "doc-new").append("version", 5), new ReplaceOptions().upsert(true))
                    .getUpsertedId()).isNotNull();
            // ...and an older copy arriving late finds no match and may not insert a second doc-10
            assertThatThrownBy(() -> documents.replaceOne(Filters.and(Filters.eq("_id", "doc-10"), Filters.lt("version", 4)),
                    new Document("_id", "doc-10").append("version", 4), new ReplaceOptions().upsert(true)))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(documents.find(Filters.eq("_id", "doc-10")).first()).containsEntry("status", "COPIED");
            // other shapes still go the general way
            assertThat(documents.countDocuments(new Document("_id", new Document("$in", List.of("doc-1", "doc-2")))
                    .append("version", 1))).isEqualTo(1);
        }
    }

    @Test
    void theInboxListsWhatArrivedAndEscapesIt() throws Exception {
        try (LocalMail mail = LocalMail.start(0, 0)) {
            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", mail.smtpHost());
            smtp.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
            MimeMessage message = new MimeMessage(Session.getInstance(smtp));
            message.setFrom(new InternetAddress("post@studietur.example"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("ola@example.no"));
            message.setSubject("<b>Påmelding</b> bekreftet", "UTF-8");
            message.setText("Hei Ola", "UTF-8");
            Transport.send(message);

            HttpClient http = HttpClient.newHttpClient();
            String api = http.send(HttpRequest.newBuilder(URI.create(mail.inboxUrl() + "api/messages?to=ola@example.no"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            String page = http.send(HttpRequest.newBuilder(URI.create(mail.inboxUrl())).build(),
                    HttpResponse.BodyHandlers.ofString()).body();

            assertThat(api).contains("\"subject\":\"<b>Påmelding</b> bekreftet\"", "\"text\":\"Hei Ola\"");
            assertThat(page).contains("&lt;b&gt;Påmelding&lt;/b&gt; bekreftet").doesNotContain("<b>Påmelding");
            assertThat(mail.messages()).singleElement().satisfies(received ->
                    assertThat(received.to()).containsExactly("ola@example.no"));
        }
    }

    @Test
    void anSmtpOutageRefusesMailAndKeepsWhatArrivedBefore() throws Exception {
        try (LocalMail mail = LocalMail.start(0, 0)) {
            HttpClient http = HttpClient.newHttpClient();
            send(mail, "before");
            http.send(HttpRequest.newBuilder(URI.create(mail.inboxUrl() + "api/smtp/stop"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());

            assertThatThrownBy(() -> send(mail, "during")).isInstanceOf(MessagingException.class);

            http.send(HttpRequest.newBuilder(URI.create(mail.inboxUrl() + "api/smtp/start"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            send(mail, "after");
            assertThat(mail.messages()).extracting(ReceivedMail::messageId).containsExactly("before", "after");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(mail.inboxUrl() + "api/message-ids")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("[\"before\",\"after\"]");
        }
    }

    @Test
    void theInboxKeepsEveryMessageIdButSummariesOfTheNewestOnly() throws Exception {
        try (LocalMail mail = LocalMail.start(0, -1, 2)) {
            send(mail, "first");
            assertThat(mail.messageIds()).containsExactly("first");
            send(mail, "second");
            send(mail, "third");

            // each message is taken out of GreenMail once, however often the inbox looks
            assertThat(mail.messageIds()).containsExactly("first", "second", "third");
            assertThat(mail.messages()).extracting(ReceivedMail::id, ReceivedMail::messageId)
                    .containsExactly(tuple("2", "second"), tuple("3", "third"));
        }
    }

    private static void send(LocalMail mail, String messageId) throws MessagingException {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", mail.smtpHost());
        smtp.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        smtp.put("mail.smtp.connectiontimeout", "2000");
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("post@studietur.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("ola@example.no"));
        message.setSubject("Outage " + messageId, "UTF-8");
        message.setHeader(ReceivedMail.MESSAGE_ID_HEADER, messageId);
        message.setText("Hei", "UTF-8");
        Transport.send(message);
    }
}
