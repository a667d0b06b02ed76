package no.studietur.benchmark;

import static no.studietur.benchmark.PlatformCalls.BROKER;
import static no.studietur.benchmark.PlatformCalls.INBOX;
import static no.studietur.benchmark.PlatformCalls.INVOICES;
import static no.studietur.benchmark.PlatformCalls.MESSAGES;
import static no.studietur.benchmark.PlatformCalls.OPERATOR;
import static no.studietur.benchmark.PlatformCalls.REGISTRATIONS;
import static no.studietur.benchmark.PlatformCalls.TOURS;
import static no.studietur.benchmark.PlatformCalls.createTour;
import static no.studietur.benchmark.PlatformCalls.registration;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import no.studietur.localplatform.LocalPlatform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers municipalities at the local platform while breaking it on a seeded schedule: each service is killed
 * with SIGKILL at a random moment and started again, the broker and the store are killed and restarted, and the
 * SMTP server goes away for a while. Customers behave like a careful partner client: they retry with the same
 * Idempotency-Key until accepted, and some cancel once confirmed. When the load and the faults are over the run
 * waits for the platform to settle and checks that nothing was lost or doubled: every registration final, no tour
 * oversold, one invoice per confirmed registration and one credit note per cancellation, every e-mail recorded
 * once and delivered (twice only within the documented crash window), nothing dead-lettered.
 *
 * <p>{@code ./mvnw -Pfaults} runs the full form and appends its report to docs/fault-runs.md; {@code FaultRunTest}
 * runs a reduced form in the test suite.
 */
public final class FaultRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SERVICES = LocalPlatform.serviceNames();
    /** notification-service's sender threads: at most this many messages can be on the wire when it is killed. */
    private static final int SENDER_THREADS = 4;
    private static final int SMALL_TOUR_SEATS = 12;
    private static final int LARGE_TOUR_SEATS = 10_000;
    private static final Duration ROUND = Duration.ofSeconds(3);
    /** The notification service's page of messages. */
    private static final int MESSAGES_PAGE = 1000;

    /** The knobs of one run; the same seed gives the same schedule, customers and choices. */
    public record Settings(long seed, int perSecond, int minimumRegistrations, Duration smtpOutage,
                           Duration settleTimeout) {

        static Settings fromSystemProperties() {
            return new Settings(Long.getLong("faults.seed", System.currentTimeMillis() % 100_000),
                    Integer.getInteger("faults.rate", 5), Integer.getInteger("faults.registrations", 1000),
                    Duration.ofSeconds(Integer.getInteger("faults.smtp-outage-seconds", 60)),
                    Duration.ofMinutes(Integer.getInteger("faults.settle-minutes", 15)));
        }

        String command() {
            return "./mvnw -Pfaults -Dfaults.seed=%d -Dfaults.rate=%d -Dfaults.registrations=%d "
                    .formatted(seed, perSecond, minimumRegistrations)
                    + "-Dfaults.smtp-outage-seconds=%d -Dfaults.settle-minutes=%d"
                    .formatted(smtpOutage.toSeconds(), settleTimeout.toMinutes());
        }
    }

    /** One fault: what, when it struck and how long the thing was away (seconds since the load began). */
    public record Fault(String what, double struckAt, double awayFor) {
    }

    public record Report(Settings settings, List<Fault> faults, int registrations, int cancellations,
                         Map<String, Long> finalStatuses, Map<String, Long> answers, int duplicateMails,
                         double settledAfter, List<String> violations) {

        String markdown() {
            StringBuilder out = new StringBuilder("\n### Fault run %s\n\nCommand: `%s` on %d cores.\n\n"
                    .formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), settings.command(),
                            Runtime.getRuntime().availableProcessors()));
            out.append("| fault | struck at | away for |\n|---|---|---|\n");
            faults.forEach(fault -> out.append("| %s | %.1f s | %.1f s |\n".formatted(fault.what(), fault.struckAt(),
                    fault.awayFor())));
            out.append("\n| measure | value |\n|---|---|\n");
            out.append("| registrations accepted | %d (%d cancelled by the customer once confirmed) |\n"
                    .formatted(registrations, cancellations));
            out.append("| final states | %s |\n".formatted(finalStatuses));
            out.append("| answers to the customers' attempts | %s |\n".formatted(answers));
            out.append("| e-mails delivered twice (allowed: %d per notification kill) | %d |\n"
                    .formatted(SENDER_THREADS, duplicateMails));
            out.append("| settled after the last fault | %.1f s |\n".formatted(settledAfter));
            out.append("| violations | %s |\n".formatted(violations.isEmpty() ? "none"
                    : violations.size() + ": " + String.join("; ", violations.subList(0, Math.min(20, violations.size())))));
            return out.toString();
        }
    }

    private final Settings settings;
    private final Random random;
    private final LoadClient client = new LoadClient();
    private final List<Customer> customers = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private final long started = System.nanoTime();
    private final Map<String, Integer> capacities = new HashMap<>();
    /** The last answer of the registration service for each settled registration, by id. */
    private final Map<String, JsonNode> registrations = new ConcurrentHashMap<>();

    private FaultRun(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        Report report = run(root, args[1], Settings.fromSystemProperties());
        String markdown = report.markdown();
        System.out.println(markdown);
        Files.writeString(root.resolve("docs/fault-runs.md"), markdown, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        System.exit(report.violations().isEmpty() ? 0 : 1);
    }

    /** Starts the platform on fresh data, runs the load and the faults, checks, stops the platform. */
    public static Report run(Path root, String version, Settings settings) throws Exception {
        LocalPlatform platform = new LocalPlatform(root, version, Files.createTempDirectory("studietur-faults"),
                List.of(), List.of("--studietur.registration.rate-limit.address-per-second=1000000"));
        Report report;
        try {
            platform.start();
            report = new FaultRun(settings).run(platform);
        } finally {
            platform.stop();
        }
        if (report.violations().isEmpty()) {
            platform.deleteData();
        } else {
            System.out.println("Logs and data of the failed run: " + platform.dataFolder());
        }
        return report;
    }

    private Report run(LocalPlatform platform) throws Exception {
        String small = createTour(client, "faults-small-" + PlatformCalls.shortId(), SMALL_TOUR_SEATS);
        String large = createTour(client, "faults-large-" + PlatformCalls.shortId(), LARGE_TOUR_SEATS);
        capacities.put(small, SMALL_TOUR_SEATS);
        capacities.put(large, LARGE_TOUR_SEATS);
        List<Runnable> schedule = schedule(platform);
        Thread breaker = Thread.ofPlatform().name("faults").start(() -> schedule.forEach(Runnable::run));

        List<Thread> running = new ArrayList<>();
        long interval = 1_000_000_000L / settings.perSecond();
        for (int i = 0; breaker.isAlive() || i < settings.minimumRegistrations(); i++) {
            // Every choice is drawn here, in order, so the seed decides them whatever the threads do.
            Customer customer = new Customer("fault-" + settings.seed() + "-" + i,
                    random.nextInt(3) == 0 ? small : large, 1 + random.nextInt(2), random.nextInt(5) == 0);
            customers.add(customer);
            running.add(Thread.ofVirtual().start(customer::register));
            long next = started + (i + 1) * interval;
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
        }
        breaker.join();
        double lastFault = seconds();
        for (Thread customer : running) {
            customer.join();
        }
        List<String> violations = settle();
        double settledAfter = seconds() - lastFault;
        int duplicates = duplicateMails(violations);
        violations.addAll(deadLetters());
        violations.addAll(refusals);
        answers.keySet().stream().filter(status -> status.startsWith("5") && !status.equals("503"))
                .forEach(status -> violations.add(answers.get(status).sum() + " answers " + status));
        long notificationKills = faults.stream().filter(fault -> fault.what().contains("notification-service")).count();
        if (duplicates > notificationKills * SENDER_THREADS) {
            violations.add(duplicates + " e-mails delivered twice, more than the crash window allows");
        }
        return new Report(settings, List.copyOf(faults), (int) customers.stream().filter(c -> c.id != null).count(),
                (int) customers.stream().filter(c -> c.cancelled).count(), finalStatuses(),
                new TreeMap<>(answers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        entry -> entry.getValue().sum()))), duplicates, settledAfter, violations);
    }

    /** Every service killed and restarted, the broker and the store killed and restarted, SMTP away: shuffled. */
    private List<Runnable> schedule(LocalPlatform platform) {
        List<String> order = new ArrayList<>(SERVICES);
        order.addAll(List.of("kafka", "store", "smtp"));
        Collections.shuffle(order, random);
        List<Runnable> steps = new ArrayList<>();
        for (String target : order) {
            long calmMillis = 3_000 + random.nextInt(5_000);
            long downMillis = 500 + random.nextInt(2_500);
            steps.add(() -> {
                sleep(calmMillis);
                double struck = seconds();
                if (target.equals("smtp")) {
                    inbox("smtp/stop");
                    sleep(settings.smtpOutage().toMillis());
                    inbox("smtp/start");
                    faults.add(new Fault("SMTP server stopped", struck, seconds() - struck));
                } else {
                    try {
                        platform.kill(target);
                        sleep(downMillis);
                        platform.restart(target);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    faults.add(new Fault("kill -9 " + target + ", restart", struck, seconds() - struck));
                }
            });
        }
        return steps;
    }

    /** One municipality: registers until accepted, and if it is one that cancels, cancels once confirmed. */
    private final class Customer {
        final String key;
        final String tourId;
        final int participants;
        final boolean cancels;
        volatile String id;
        volatile boolean cancelled;

        Customer(String key, String tourId, int participants, boolean cancels) {
            this.key = key;
            this.tourId = tourId;
            this.participants = participants;
            this.cancels = cancels;
        }

        void register() {
            JsonNode accepted = postUntilAnswered(REGISTRATIONS, registration(tourId, key, participants), false,
                    "Idempotency-Key", key);
            if (accepted == null) {
                return;
            }
            id = accepted.path("id").asString();
            if (cancels && "CONFIRMED".equals(awaitDecision())) {
                // 409 after an attempt that timed out: that attempt got through, which the final check confirms
                postUntilAnswered(URI.create(REGISTRATIONS + "/" + id + "/cancellation"), "{}", true);
                cancelled = true;
            }
        }

        private String awaitDecision() {
            long deadline = System.nanoTime() + settings.settleTimeout().toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode registration = get(URI.create(REGISTRATIONS + "/" + id), false);
                String status = registration == null ? "PENDING" : registration.path("status").asString();
                if (!"PENDING".equals(status)) {
                    return status;
                }
                sleep(2_000);
            }
            return "PENDING";
        }

        /**
         * The answer's body once 2xx; null on a refusal (recorded) or, where an earlier attempt may have done it
         * already, a 409; retries anything else.
         */
        private JsonNode postUntilAnswered(URI uri, String body, boolean conflictMeansDone, String... headers) {
            long deadline = System.nanoTime() + settings.settleTimeout().toNanos();
            long pause = 500;
            while (System.nanoTime() < deadline) {
                LoadClient.Outcome outcome = client.send(uri, body, headers).join();
                String answer = switch (outcome.status()) {
                    case 0 -> "timeout";
                    case -1 -> "no connection";
                    default -> String.valueOf(outcome.status());
                };
                answers.computeIfAbsent(answer, ignored -> new LongAdder()).increment();
                if (outcome.accepted()) {
                    return JSON.readTree(outcome.body());
                }
                if (outcome.status() == 409 && conflictMeansDone) {
                    return null;
                }
                if (outcome.status() >= 400 && outcome.status() < 500 && outcome.status() != 429) {
                    refusals.add(key + " refused " + outcome.status() + ": " + outcome.body());
                    return null;
                }
                sleep(pause);
                pause = Math.min(5_000, pause * 2);
            }
            refusals.add(key + " never accepted by " + uri);
            return null;
        }
    }

    /**
     * Waits, stage by stage, for the platform to catch up; returns what is still wrong when a stage runs out of
     * time (an empty list when everything settled).
     */
    private List<String> settle() throws InterruptedException {
        List<Customer> accepted = customers.stream().filter(customer -> customer.id != null).toList();
        List<Supplier<List<String>>> stages = List.of(
                () -> registrationsFinal(accepted),
                () -> afterFreshStatuses(accepted, this::seatsAddUp),
                () -> afterFreshStatuses(accepted, this::billingMatches),
                () -> afterFreshStatuses(accepted, this::messagesMatch));
        long deadline = System.nanoTime() + settings.settleTimeout().toNanos();
        for (Supplier<List<String>> stage : stages) {
            List<String> open = new ArrayList<>(List.of("not checked yet"));
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                try {
                    open = stage.get();
                } catch (RuntimeException unreachable) {
                    open = List.of(unreachable.toString());
                }
                if (!open.isEmpty()) {
                    Thread.sleep(ROUND);
                }
            }
            if (!open.isEmpty()) {
                return new ArrayList<>(open);
            }
        }
        return new ArrayList<>();
    }

    /** A cancellation may still promote someone from a waiting list: later stages look at today's statuses. */
    private List<String> afterFreshStatuses(List<Customer> accepted, Function<List<Customer>, List<String>> stage) {
        List<String> open = registrationsFinal(accepted);
        return open.isEmpty() ? stage.apply(accepted) : open;
    }

    private List<String> registrationsFinal(List<Customer> accepted) {
        List<String> open = new ArrayList<>();
        for (Customer customer : accepted) {
            JsonNode registration = get(URI.create(REGISTRATIONS + "/" + customer.id), false);
            String status = registration == null ? "UNKNOWN" : registration.path("status").asString();
            if (customer.cancelled ? !status.equals("CANCELLED")
                    : !List.of("CONFIRMED", "WAITLISTED", "REJECTED").contains(status)) {
                open.add(customer.key + " is " + status);
            } else {
                registrations.put(customer.id, registration);
            }
        }
        return open;
    }

    private List<String> seatsAddUp(List<Customer> accepted) {
        List<String> wrong = new ArrayList<>();
        capacities.forEach((tourId, capacity) -> {
            int confirmed = accepted.stream().filter(customer -> customer.tourId.equals(tourId))
                    .filter(customer -> status(customer).equals("CONFIRMED"))
                    .mapToInt(customer -> customer.participants).sum();
            int seatsLeft = get(URI.create(TOURS + "/" + tourId), false).path("seatsLeft").asInt();
            if (confirmed > capacity) {
                wrong.add("tour " + tourId + " oversold: " + confirmed + " confirmed on " + capacity + " seats");
            }
            if (seatsLeft != capacity - confirmed) {
                wrong.add("tour " + tourId + ": catalog has " + seatsLeft + " seats left, registrations say "
                        + (capacity - confirmed));
            }
        });
        return wrong;
    }

    private List<String> billingMatches(List<Customer> accepted) {
        List<String> wrong = new ArrayList<>();
        for (Customer customer : accepted) {
            JsonNode invoices = get(URI.create(INVOICES + "?registrationId=" + customer.id), true);
            int expectedInvoices = everConfirmed(customer) ? 1 : 0;
            if (invoices.size() != expectedInvoices) {
                wrong.add(customer.key + " (" + status(customer) + ") has " + invoices.size() + " invoices");
            } else if (expectedInvoices == 1 && invoices.get(0).path("creditNotes").size() != (customer.cancelled ? 1 : 0)) {
                wrong.add(customer.key + " has " + invoices.get(0).path("creditNotes").size() + " credit notes");
            }
        }
        return wrong;
    }

    /** Every message recorded once per kind and recipient, all sent, and the ones each outcome calls for there. */
    private List<String> messagesMatch(List<Customer> accepted) {
        List<String> wrong = new ArrayList<>();
        Map<String, List<JsonNode>> recorded = messagesByRegistration();
        for (Customer customer : accepted) {
            List<JsonNode> messages = recorded.getOrDefault(customer.id, List.of());
            Map<String, Long> perKindAndRecipient = messages.stream().collect(Collectors.groupingBy(
                    message -> message.path("kind").asString() + " to " + message.path("recipient").asString(),
                    Collectors.counting()));
            perKindAndRecipient.forEach((what, count) -> {
                if (count > 1) {
                    wrong.add(customer.key + ": " + count + " × " + what);
                }
            });
            messages.stream().filter(message -> !message.path("status").asString().equals("SENT"))
                    .forEach(message -> wrong.add(customer.key + ": " + message.path("kind").asString() + " "
                            + message.path("status").asString()));
            Map<String, Long> kinds = messages.stream().collect(Collectors.groupingBy(
                    message -> message.path("kind").asString().replaceFirst("^(promoted|registration-confirmed)-",
                            "confirmed-"), Collectors.counting()));
            Map<String, Integer> expected = new TreeMap<>(Map.of("registration-received", 1));
            if (everConfirmed(customer)) {
                expected.putAll(Map.of("confirmed-contact", 1, "confirmed-participant", customer.participants,
                        "invoice-issued", 1));
            }
            if (customer.cancelled) {
                expected.put("cancellation-confirmed", 1 + customer.participants);
            }
            if (status(customer).equals("WAITLISTED")) {
                expected.put("registration-waitlisted", 1 + customer.participants);
            }
            expected.forEach((kind, count) -> {
                if (kinds.getOrDefault(kind, 0L) != count.longValue()) {
                    wrong.add(customer.key + ": " + kinds.getOrDefault(kind, 0L) + " × " + kind + ", expected " + count);
                }
            });
        }
        return wrong;
    }

    /** Every message the notification service recorded, by registration: a query per page, not per registration. */
    private Map<String, List<JsonNode>> messagesByRegistration() {
        Map<String, List<JsonNode>> byRegistration = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode messages = get(URI.create(MESSAGES + "?page=" + page), true);
            messages.forEach(message -> byRegistration.computeIfAbsent(message.path("registrationId").asString(),
                    ignored -> new ArrayList<>()).add(message));
            if (messages.size() < MESSAGES_PAGE) {
                return byRegistration;
            }
        }
    }

    /**
     * Counts e-mails that arrived more than once (by the sender's message id) and notes messages recorded as
     * sent that never arrived.
     */
    private int duplicateMails(List<String> violations) {
        Map<String, Long> arrived = new HashMap<>();
        JsonNode messageIds = get(URI.create(INBOX + "message-ids"), false);
        if (messageIds == null) {
            violations.add("the SMTP server's inbox could not be read");
            return 0;
        }
        messageIds.forEach(messageId -> arrived.merge(messageId.asString(), 1L, Long::sum));
        messagesByRegistration().values().stream().flatMap(List::stream)
                .filter(message -> message.path("status").asString().equals("SENT"))
                .filter(message -> !arrived.containsKey(message.path("id").asString()))
                .forEach(message -> violations.add("registration " + message.path("registrationId").asString() + ": "
                        + message.path("kind").asString() + " recorded as sent, never arrived"));
        return (int) arrived.values().stream().mapToLong(count -> count - 1).sum();
    }

    /** Records in any dead-letter topic: there should be none, since every customer sent well-formed requests. */
    private List<String> deadLetters() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER);
        try (Admin admin = Admin.create(config)) {
            List<String> topics = admin.listTopics().names().get().stream().filter(name -> name.endsWith(".dlq")).toList();
            if (topics.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition()))).toList();
            var earliest = admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(),
                    partition -> OffsetSpec.earliest()))).all().get();
            var latest = admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(),
                    partition -> OffsetSpec.latest()))).all().get();
            Map<String, Long> counts = new TreeMap<>();
            partitions.forEach(partition -> counts.merge(partition.topic(),
                    latest.get(partition).offset() - earliest.get(partition).offset(), Long::sum));
            return counts.entrySet().stream().filter(entry -> entry.getValue() > 0)
                    .map(entry -> entry.getValue() + " records in " + entry.getKey()).toList();
        }
    }

    private boolean everConfirmed(Customer customer) {
        return customer.cancelled || status(customer).equals("CONFIRMED");
    }

    private String status(Customer customer) {
        JsonNode registration = registrations.get(customer.id);
        return registration == null ? "UNKNOWN" : registration.path("status").asString();
    }

    private Map<String, Long> finalStatuses() {
        return new TreeMap<>(customers.stream().filter(customer -> customer.id != null)
                .collect(Collectors.groupingBy(this::status, Collectors.counting())));
    }

    private JsonNode get(URI uri, boolean asOperator) {
        String body = getText(uri, asOperator);
        return body == null ? null : JSON.readTree(body);
    }

    private String getText(URI uri, boolean asOperator) {
        try {
            return asOperator ? client.get(uri, OPERATOR, OPERATOR) : client.get(uri, null, null);
        } catch (Exception unreachable) {
            return null;
        }
    }

    private void inbox(String action) {
        try {
            client.post(URI.create(INBOX + action), "", OPERATOR, OPERATOR);
        } catch (Exception e) {
            throw new IllegalStateException("The local SMTP server did not take " + action, e);
        }
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
