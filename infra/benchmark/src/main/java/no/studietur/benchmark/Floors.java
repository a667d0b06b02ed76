package no.studietur.benchmark;

import static no.studietur.benchmark.PlatformCalls.registration;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import no.studietur.contracts.Topics;

/**
 * What the operations a registration's saga is made of cost this machine when done plainly: the same tools against
 * the same local stack, with no code of ours around them. Each is measured as the CPU its processes spent per
 * operation, the load generator's included, while nothing else ran. Multiplied by how many of each a registration
 * took in the sustained load, they give the least CPU that load could have cost as the saga is designed: how far
 * our own code is above it, and how many registrations a second the machine could carry at best.
 */
final class Floors {

    /** The plain operations, each measured against the part of the platform that does it. */
    enum Operation {
        POST("POST", "the plain Boot endpoint"),
        STORE_INSERT("store insert", "MongoDB driver, a registration-sized document"),
        STORE_UPDATE("store update", "MongoDB driver, by id"),
        STORE_READ("store read", "MongoDB driver, by id"),
        RECORD_PRODUCED("Kafka record produced", "plain KafkaProducer, batched"),
        RECORD_CONSUMED("Kafka record consumed", "plain KafkaConsumer"),
        EMAIL("e-mail", "Jakarta Mail, plain text over a kept connection"),
        INVOICE_PDF("invoice PDF", "rendered in a JVM with the services' collector and JIT");

        final String label;
        final String how;

        Operation(String label, String how) {
            this.label = label;
            this.how = how;
        }
    }

    /** {@code operations} done in {@code window} for {@code cpuMillis} of CPU in the processes that did them. */
    record Floor(long operations, Duration window, double cpuMillis) {

        double perSecond() {
            return operations / (window.toNanos() / 1e9);
        }

        double cpuMillisEach() {
            return cpuMillis / operations;
        }
    }

    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration WINDOW = Duration.ofSeconds(5);
    /** The sender threads of the notification service. */
    private static final int SMTP_CONNECTIONS = 4;
    private static final String MAIL_TEXT = "Takk for påmeldingen til studieturen. ".repeat(50);

    private final Map<Operation, Floor> measured = new EnumMap<>(Operation.class);
    private final Map<String, Long> pids;
    private final int callers;

    Floors(Map<String, Long> pids, int callers) {
        this.pids = pids;
        this.callers = callers;
    }

    long pid(String process) {
        return pids.get(process);
    }

    void record(Operation operation, Floor floor) {
        measured.put(operation, floor);
    }

    /** One caller's connection and its next operation. */
    interface Caller extends AutoCloseable {
        void once() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Store operations from {@code callers} callers, on a throw-away database dropped afterwards. */
    void measureStore(String uri) throws Exception {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> documents = client.getDatabase("floors").getCollection("registrations");
            Document registration = Document.parse(registration("floor-tour", "floor", 1));
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            measure(Operation.STORE_INSERT, callers, "store", () -> () -> {
                String id = UUID.randomUUID().toString();
                documents.insertOne(new Document(registration).append("_id", id));
                ids.add(id);
            });
            List<String> stored = List.copyOf(ids);
            measure(Operation.STORE_UPDATE, callers, "store", () -> () -> documents.updateOne(
                    Filters.eq("_id", any(stored)), Updates.combine(Updates.set("status", "CONFIRMED"),
                            Updates.inc("version", 1))));
            measure(Operation.STORE_READ, callers, "store", () -> () -> documents.find(
                    Filters.eq("_id", any(stored))).first());
            client.getDatabase("floors").drop();
        }
    }

    /** E-mails over as many kept connections as the notification service's sender threads use. */
    void measureEmail(int smtpPort) throws Exception {
        Properties settings = new Properties();
        settings.put("mail.smtp.host", "127.0.0.1");
        settings.put("mail.smtp.port", String.valueOf(smtpPort));
        Session session = Session.getInstance(settings);
        measure(Operation.EMAIL, SMTP_CONNECTIONS, "smtp", () -> {
            Transport transport = session.getTransport("smtp");
            transport.connect();
            return new Caller() {
                @Override
                public void once() throws Exception {
                    MimeMessage message = new MimeMessage(session);
                    message.setFrom(new InternetAddress("post@studietur.example"));
                    message.setRecipient(Message.RecipientType.TO, new InternetAddress("floor@load.example"));
                    message.setSubject("Påmelding mottatt", "UTF-8");
                    message.setText(MAIL_TEXT, "UTF-8");
                    message.saveChanges();
                    transport.sendMessage(message, message.getAllRecipients());
                }

                @Override
                public void close() throws Exception {
                    transport.close();
                }
            };
        });
    }

    /**
     * An invoice the platform issued, its PDF rendered over and over by {@link PdfFloor} in a JVM with the services'
     * collector and JIT (and their options given to this run, e.g. the full JIT); one rendering at a time.
     */
    void measureInvoicePdf(String broker, List<String> jvmOptions, Path workFolder) throws Exception {
        Path invoice = workFolder.resolve("floor-invoice.json");
        Files.write(invoice, anIssuedInvoice(broker));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PdfFloor.class.getName(),
                invoice.toString(), String.valueOf(WARM_UP.toSeconds()), String.valueOf(WINDOW.toSeconds())));
        Process rendering = new ProcessBuilder(command).redirectError(workFolder.resolve("pdf-floor.log").toFile())
                .start();
        String[] figures = new String(rendering.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()
                .lines().reduce((first, last) -> last).orElse("").split(" ");
        if (rendering.waitFor() != 0 || figures.length != 3) {
            throw new IllegalStateException("The PDF floor failed; see " + workFolder.resolve("pdf-floor.log"));
        }
        record(Operation.INVOICE_PDF, new Floor(Long.parseLong(figures[0]), Duration.ofNanos(Long.parseLong(figures[1])),
                Long.parseLong(figures[2]) / 1e6));
    }

    /** The data of the first {@code InvoiceIssued} on the billing topic. */
    private static byte[] anIssuedInvoice(String broker) {
        try (KafkaConsumer<byte[], byte[]> consumer = fromStart(broker, Topics.BILLING, new ByteArrayDeserializer())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header type = record.headers().lastHeader("ce_type");
                    if (type != null && new String(type.value(), StandardCharsets.UTF_8).contains("InvoiceIssued")) {
                        return record.value();
                    }
                }
            }
        }
        throw new IllegalStateException("No InvoiceIssued on the billing topic");
    }

    /** A plain consumer reading a topic from its start until it has {@code count} records (or for a minute). */
    void measureRecordsConsumed(String broker, String topic, long count) throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = fromStart(broker, topic, new StringDeserializer())) {
            long[] read = {0};
            long started = System.nanoTime();
            double cpu = ProcessCpu.millisWhile(Map.of("kafka", pid("kafka")), () -> {
                while (read[0] < count && System.nanoTime() - started < Duration.ofMinutes(1).toNanos()) {
                    read[0] += consumer.poll(Duration.ofMillis(200)).count();
                }
            });
            record(Operation.RECORD_CONSUMED, new Floor(read[0], Duration.ofNanos(System.nanoTime() - started), cpu));
        }
    }

    /** A consumer of every partition of the topic, outside any group, at the start of each. */
    private static <K> KafkaConsumer<K, byte[]> fromStart(String broker, String topic, Deserializer<K> keys) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker);
        KafkaConsumer<K, byte[]> consumer = new KafkaConsumer<>(config, keys, new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(partition -> new TopicPartition(topic, partition.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /**
     * The callers' operations for a while unmeasured, so that their code is compiled and their caches filled as
     * they are in a running platform, then for {@link #WINDOW} with their processes' CPU read around it.
     */
    private void measure(Operation operation, int callerCount, String process, Callable<Caller> newCaller)
            throws Exception {
        List<Caller> connected = new ArrayList<>();
        for (int i = 0; i < callerCount; i++) {
            connected.add(newCaller.call());
        }
        try {
            runFor(connected, WARM_UP, operation);
            long[] done = {0};
            long started = System.nanoTime();
            double cpu = ProcessCpu.millisWhile(Map.of(process, pid(process)),
                    () -> done[0] = runFor(connected, WINDOW, operation));
            record(operation, new Floor(done[0], Duration.ofNanos(System.nanoTime() - started), cpu));
        } finally {
            for (Caller caller : connected) {
                caller.close();
            }
        }
    }

    /** Each caller on its own thread, one operation after another; how many were done. */
    private static long runFor(List<Caller> callers, Duration duration, Operation operation)
            throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = callers.stream().map(caller -> Thread.ofPlatform().start(() -> {
            try {
                while (System.nanoTime() < end) {
                    caller.once();
                    done.incrementAndGet();
                }
            } catch (Exception failed) {
                failure.compareAndSet(null, failed);
            }
        })).toList();
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(operation.label + " failed", failure.get());
        }
        return done.get();
    }

    private static String any(List<String> ids) {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    /** A row per measured operation: its rate and its CPU each. */
    Map<String, String> rows() {
        Map<String, String> rows = new LinkedHashMap<>();
        measured.forEach((operation, floor) -> rows.put("floor: " + operation.label + " (" + operation.how + ")",
                "%.0f/s, %.3f ms of CPU each".formatted(floor.perSecond(), floor.cpuMillisEach())));
        return rows;
    }

    /**
     * The least CPU a registration could cost as the saga is designed, its operations at their plain cost; the most
     * registrations a second {@code cores} could then carry; and how the measured CPU compares.
     */
    String ceiling(Map<Operation, Double> perRegistration, double measuredMillis, int cores) {
        if (perRegistration.isEmpty()) {
            return "nothing was accepted";
        }
        double floorMillis = 0;
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Operation, Double> each : perRegistration.entrySet()) {
            Floor floor = measured.get(each.getKey());
            if (floor == null) {
                parts.add("%s %.1f × not measured".formatted(each.getKey().label, each.getValue()));
                continue;
            }
            double millis = each.getValue() * floor.cpuMillisEach();
            floorMillis += millis;
            parts.add("%s %.1f × %.3f = %.2f".formatted(each.getKey().label, each.getValue(), floor.cpuMillisEach(),
                    millis));
        }
        return ("%.1f ms of CPU per registration (%s): at most %.0f registrations/s on %d cores; measured %.0f ms, "
                + "%.1f × this floor").formatted(floorMillis, String.join(", ", parts), cores * 1000 / floorMillis,
                cores, measuredMillis, measuredMillis / floorMillis);
    }
}
