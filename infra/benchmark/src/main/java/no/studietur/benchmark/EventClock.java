package no.studietur.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import no.studietur.benchmark.SagaSteps.Mark;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Watches the platform's topics and notes, per registration, when it was confirmed or waitlisted and when its
 * first e-mail was sent, in the benchmark's own clock (the moment the record arrived here), so latencies are
 * measured from the client's POST to an observable outcome.
 */
final class EventClock implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Map<String, Long> confirmedAt = new ConcurrentHashMap<>();
    final Map<String, Integer> waitlistPosition = new ConcurrentHashMap<>();
    final Map<String, Long> waitlistedAt = new ConcurrentHashMap<>();
    final Map<String, Long> firstMailAt = new ConcurrentHashMap<>();
    /** Per tour, everything seen, including registrations whose POST timed out at the client but did arrive. */
    final Map<String, Set<String>> confirmedOnTour = new ConcurrentHashMap<>();
    final Map<String, List<Integer>> positionsOnTour = new ConcurrentHashMap<>();
    final SagaSteps steps = new SagaSteps();
    final AtomicLong placedEvents = new AtomicLong();
    final AtomicLong mailsSent = new AtomicLong();
    /** E-mails with an invoice: one PDF rendered for each. */
    final AtomicLong invoiceMailsSent = new AtomicLong();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread poller;
    private volatile boolean running = true;

    EventClock(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of("registrations", "seats", "notifications"));
        poller = Thread.ofPlatform().name("benchmark-events").daemon().start(this::poll);
    }

    /** Waits until the consumer has its partitions, so nothing published after this is missed. */
    void awaitAssignment() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!assigned && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    private volatile boolean assigned;

    private void poll() {
        while (running) {
            var records = consumer.poll(Duration.ofMillis(100));
            assigned = assigned || !consumer.assignment().isEmpty();
            long now = System.nanoTime();
            long wallNow = System.currentTimeMillis();
            for (ConsumerRecord<String, byte[]> record : records) {
                String type = header(record, "ce_type");
                if (type == null) {
                    continue;
                }
                JsonNode data = JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
                String registrationId = data.path("registrationId").asString();
                long written = Instant.parse(header(record, "ce_time")).toEpochMilli();
                if (type.contains(".RegistrationPlaced.")) {
                    placedEvents.incrementAndGet();
                    steps.note(registrationId, Mark.PLACED_WRITTEN, written);
                    steps.note(registrationId, Mark.PLACED_PUBLISHED, record.timestamp());
                } else if (type.contains(".SeatsReserved.")) {
                    steps.note(registrationId, Mark.SEATS_DECIDED, written);
                    steps.note(registrationId, Mark.SEATS_PUBLISHED, record.timestamp());
                } else if (type.contains(".RegistrationConfirmed.")) {
                    confirmedAt.putIfAbsent(registrationId, now);
                    steps.note(registrationId, Mark.CONFIRMED_WRITTEN, written);
                    steps.note(registrationId, Mark.CONFIRMED_PUBLISHED, record.timestamp());
                    steps.note(registrationId, Mark.CONFIRMED_SEEN, wallNow);
                    confirmedOnTour.computeIfAbsent(record.key(), tour -> ConcurrentHashMap.newKeySet()).add(registrationId);
                } else if (type.contains(".RegistrationWaitlisted.")) {
                    waitlistedAt.putIfAbsent(registrationId, now);
                    if (waitlistPosition.putIfAbsent(registrationId, data.path("position").asInt()) == null) {
                        positionsOnTour.computeIfAbsent(record.key(), tour -> new CopyOnWriteArrayList<>())
                                .add(data.path("position").asInt());
                    }
                } else if (type.contains(".MessageSent.")) {
                    mailsSent.incrementAndGet();
                    firstMailAt.putIfAbsent(registrationId, now);
                    if ("invoice-issued".equals(data.path("messageKind").asString())) {
                        invoiceMailsSent.incrementAndGet();
                    }
                    if ("registration-received".equals(data.path("messageKind").asString())) {
                        steps.note(registrationId, Mark.RECEIVED_MAIL_SENT, written);
                        steps.note(registrationId, Mark.RECEIVED_MAIL_PUBLISHED, record.timestamp());
                        steps.note(registrationId, Mark.RECEIVED_MAIL_SEEN, wallNow);
                    }
                }
            }
        }
        consumer.close();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join();
    }
}
