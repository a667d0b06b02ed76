package no.studietur.benchmark;

import static no.studietur.benchmark.PlatformCalls.BROKER;
import static no.studietur.benchmark.PlatformCalls.REGISTRATIONS;
import static no.studietur.benchmark.PlatformCalls.SMTP;
import static no.studietur.benchmark.PlatformCalls.STORE;
import static no.studietur.benchmark.PlatformCalls.awaitAll;
import static no.studietur.benchmark.PlatformCalls.createTour;
import static no.studietur.benchmark.PlatformCalls.registration;
import static no.studietur.benchmark.PlatformCalls.shortId;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import no.studietur.localplatform.LocalPlatform;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the whole platform on fresh data, drives it (sustained load, a rush on a small tour, baselines), reads
 * the memory of every process, prints a table and appends it to docs/benchmarks.md. Run by {@code ./mvnw
 * -Pbenchmark}; settings as system properties (see the README).
 */
public final class Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PLAIN_PORT = 8099;
    private static final String BASELINE_TOPIC = "benchmark-baseline";
    /** What a registration's saga goes through after the door. */
    private static final List<String> DOWNSTREAM = List.of("tour-catalog-service", "billing-service",
            "notification-service");
    /** 64 tours take 6 400 registrations before their bounds refuse any: more than the door takes in 5 s. */
    private static final Duration DOOR_ALONE_WINDOW = Duration.ofSeconds(5);
    private static final int TOUR_CAPACITY = 10_000;
    private static final int ACCEPT_SPREAD_TOURS = 64;

    private final Path root;
    /** The services' JVM options beyond the platform's own, which the PDF floor's JVM takes too. */
    private final List<String> serviceJvmOptions;
    private final LoadClient client = new LoadClient();
    private final Map<String, String> results = new LinkedHashMap<>();
    private final int rate = Integer.getInteger("benchmark.rate", 100);
    private final int seconds = Integer.getInteger("benchmark.seconds", 30);
    private final int rushAttempts = Integer.getInteger("benchmark.rush.attempts", 5000);
    private final int rushSeconds = Integer.getInteger("benchmark.rush.seconds", 5);
    private final int rushSeats = Integer.getInteger("benchmark.rush.seats", 40);
    private final int callers = Integer.getInteger("benchmark.callers", 16);
    /** Whether any request met a 5xx, a connection error or a timeout: the run then keeps the platform's logs. */
    private boolean unexpectedAnswers;
    /** The plain endpoint's requests a second, once measured. */
    private double plainPerSecond;

    private Benchmark(Path root, List<String> serviceJvmOptions) {
        this.root = root;
        this.serviceJvmOptions = serviceJvmOptions;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        Path data = Files.createTempDirectory("studietur-benchmark");
        // The per-address limit protects the public API from one client; the benchmark is one client by design.
        // The local platform runs its services C1-only to start fast; -Dbenchmark.jit=full measures them with C2.
        List<String> jvmOptions = "full".equals(System.getProperty("benchmark.jit")) ? List.of("-XX:TieredStopAtLevel=4")
                : List.of();
        // Each service logs every request with the moments Tomcat began and ended it, beside its own log: when a
        // request times out at the load generator, the kept logs say whether the server was slow or never got to it.
        LocalPlatform platform = new LocalPlatform(root, args[1], data, jvmOptions,
                List.of("--studietur.registration.rate-limit.address-per-second=1000000",
                        "--server.tomcat.accesslog.enabled=true",
                        "--server.tomcat.accesslog.directory=" + data.resolve("logs"),
                        "--server.tomcat.accesslog.prefix=${spring.application.name}-access",
                        "--server.tomcat.accesslog.pattern=%{begin:msec}t %{end:msec}t %s %r"));
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop));
        try {
            platform.start();
            new Benchmark(root, jvmOptions).run(platform);
        } finally {
            platform.stop();
        }
        platform.deleteData();
        System.exit(0);
    }

    private void run(LocalPlatform platform) throws Exception {
        platform.readyTimes().forEach((service, ready) -> results.put("ready: " + service + ", all four at once",
                "%.1f s".formatted(ready.toMillis() / 1000.0)));
        // The same service started alone, as after a crash or a rolling deploy: its own start-up, not its siblings'.
        for (String service : LocalPlatform.serviceNames()) {
            platform.kill(service);
            results.put("ready: " + service + ", alone (restarted)",
                    "%.1f s".formatted(platform.restart(service).toMillis() / 1000.0));
        }
        // A tour holds at most 10 000 seats, and a popular season has many tours: the load is spread over several.
        List<String> sustainedTours = new ArrayList<>();
        for (int i = 0; i < Math.max(4, (rate * seconds + TOUR_CAPACITY - 1) / TOUR_CAPACITY); i++) {
            sustainedTours.add(createTour(client, "bench-sustained-" + shortId(), TOUR_CAPACITY));
        }
        String baselineTour = createTour(client, "bench-baseline-" + shortId(), TOUR_CAPACITY);
        // Each takes at most its bound of undecided registrations (100) at once: 64 take 640 a second over the
        // 10 s window, so the door, not the bound, sets the rate; the row's 429 count shows if that ever changes.
        List<String> spreadTours = new ArrayList<>();
        for (int i = 0; i < ACCEPT_SPREAD_TOURS; i++) {
            spreadTours.add(createTour(client, "bench-spread-" + shortId(), TOUR_CAPACITY));
        }
        List<String> aloneTours = new ArrayList<>();
        for (int i = 0; i < ACCEPT_SPREAD_TOURS; i++) {
            aloneTours.add(createTour(client, "bench-alone-" + shortId(), TOUR_CAPACITY));
        }
        String rushTour = createTour(client, "bench-rush-" + shortId(), rushSeats);
        Floors floors = new Floors(platform.pids(), callers);
        try (EventClock events = new EventClock(BROKER)) {
            events.awaitAssignment();
            SustainedLoad load = sustainedLoad(platform, sustainedTours, events);
            rush(rushTour, events);
            awaitQuiet(events, "rush");
            acceptBaseline(platform, baselineTour, spreadTours, events, floors);
            producerBaseline(floors);
            memory(platform);
            // Near the end: the store's, the SMTP server's and the broker's extra work leaves the readings above alone.
            floors.measureStore(STORE);
            floors.measureEmail(SMTP);
            floors.measureInvoicePdf(BROKER, serviceJvmOptions, root.resolve("infra/benchmark/target"));
            results.putAll(floors.rows());
            results.put("ceiling: the sustained load's operations at their floors' cost", floors.ceiling(
                    load.operationsPerRegistration(), load.cpuMillisPerRegistration(),
                    Runtime.getRuntime().availableProcessors()));
            // Last: the saga behind the door is left with thousands of registrations when the platform stops.
            doorAlone(platform, aloneTours, events);
        }
        keepLogsAfterUnexpectedAnswers(platform);
        report();
    }

    /** What the sustained load cost per registration: the CPU in all, and how many of each plain operation. */
    private record SustainedLoad(double cpuMillisPerRegistration, Map<Floors.Operation, Double> operationsPerRegistration) {
    }

    /** The sustained load, until the platform is quiet again, with what it cost. */
    private SustainedLoad sustainedLoad(LocalPlatform platform, List<String> tours, EventClock events)
            throws Exception {
        Map<String, Duration> cpuBefore = ProcessCpu.now(platform.pids());
        StoreLoad storeBefore = StoreLoad.read(STORE);
        KafkaRecords recordsBefore = KafkaRecords.read(BROKER);
        long placedBefore = events.placedEvents.get();
        long mailsBefore = events.mailsSent.get();
        long invoiceMailsBefore = events.invoiceMailsSent.get();
        sustained(tours, events);
        // Each scenario on a platform that has finished the previous one's e-mails, as the issue states them.
        awaitQuiet(events, "sustained load");
        // What the platform stored, as its events say: a POST the client gave up on may have been stored too.
        long placed = events.placedEvents.get() - placedBefore;
        Map<String, Duration> cpuAfter = ProcessCpu.now(platform.pids());
        results.put("sustained: CPU per registration placed, load start to quiet",
                cpuPerRegistration(cpuBefore, cpuAfter, placed));
        StoreLoad store = StoreLoad.read(STORE).since(storeBefore);
        storeCommands(store, placed);
        if (placed == 0) {
            return new SustainedLoad(0, Map.of());
        }
        return new SustainedLoad(ProcessCpu.totalMillisBetween(cpuBefore, cpuAfter) / placed,
                operationsPerRegistration(store, KafkaRecords.read(BROKER).since(recordsBefore),
                        events.mailsSent.get() - mailsBefore, events.invoiceMailsSent.get() - invoiceMailsBefore,
                        placed));
    }

    private void noteUnexpected(List<LoadClient.Outcome> outcomes) {
        unexpectedAnswers |= outcomes.stream().anyMatch(LoadClient.Outcome::unexpected);
    }

    /**
     * The platform's logs go with its data at the end of a run; a run with 5xx answers, connection errors or
     * timeouts keeps a copy, so what the services logged meanwhile can still be read.
     */
    private void keepLogsAfterUnexpectedAnswers(LocalPlatform platform) throws IOException {
        if (!unexpectedAnswers) {
            return;
        }
        Path kept = copyLogs(platform.logsFolder(), root.resolve("infra/benchmark/target"), Instant.now());
        results.put("logs kept (5xx, connection errors or timeouts)", root.relativize(kept).toString());
    }

    /** Copies every log to a new folder under {@code target}, named by {@code now}; returns that folder. */
    static Path copyLogs(Path logs, Path target, Instant now) throws IOException {
        Path kept = target.resolve("logs-" + now.truncatedTo(ChronoUnit.SECONDS).toString().replace(':', '-'));
        Files.createDirectories(kept);
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()));
            }
        }
        return kept;
    }

    /** Drives the sustained load and reads it. */
    private void sustained(List<String> tours, EventClock events) throws Exception {
        int count = rate * seconds;
        long started = System.nanoTime();
        List<Long> outstanding = new ArrayList<>();
        Thread sampler = Thread.ofVirtual().start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1000);
                    outstanding.add(events.placedEvents.get() - events.confirmedAt.size());
                }
            } catch (InterruptedException done) {
                Thread.currentThread().interrupt();
            }
        });
        List<LoadClient.Outcome> outcomes = client.atRate(REGISTRATIONS, count, Duration.ofSeconds(seconds),
                index -> registration(tours.get(index % tours.size()), "s" + index, 1));
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        noteUnexpected(outcomes);
        Map<String, Long> postedAt = accepted(outcomes);
        awaitAll(() -> postedAt.keySet().stream().allMatch(id -> events.confirmedAt.containsKey(id)
                && events.firstMailAt.containsKey(id)), Duration.ofSeconds(600));
        long lastConfirmed = postedAt.keySet().stream().map(events.confirmedAt::get).filter(Objects::nonNull)
                .mapToLong(Long::longValue).max().orElse(started);
        results.put("sustained: offered", "%d registrations at %d/s for %d s over %d tours".formatted(count, rate,
                seconds, tours.size()));
        results.put("sustained: accepted/s", "%.1f (%d × 2xx; %s)".formatted(postedAt.size() / loadSeconds,
                postedAt.size(), failures(outcomes)));
        results.put("sustained: confirmed/s", "%.1f".formatted(
                confirmedCount(postedAt.keySet(), events) / ((lastConfirmed - started) / 1e9)));
        results.put("sustained: e-mails/s", "%.1f (%d sent)".formatted(events.mailsSent.get()
                / Math.max(1e-9, (System.nanoTime() - started) / 1e9), events.mailsSent.get()));
        results.put("sustained: POST latency p50/p95/p99", percentiles(outcomes.stream()
                .filter(LoadClient.Outcome::accepted).map(LoadClient.Outcome::latencyNanos).toList()));
        results.put("sustained: POST → CONFIRMED p50/p95/p99", percentiles(since(postedAt, events.confirmedAt)));
        results.put("sustained: POST → e-mail p50/p95/p99", percentiles(since(postedAt, events.firstMailAt)));
        results.put("sustained: POST → CONFIRMED p99 per tenth of the load", p99PerTenth(postedAt,
                events.confirmedAt, started, loadSeconds));
        results.put("sustained: POST → e-mail p99 per tenth of the load", p99PerTenth(postedAt,
                events.firstMailAt, started, loadSeconds));
        results.put("sustained: steps to CONFIRMED, p50 / p99 each",
                events.steps.percentiles(postedAt.keySet(), SagaSteps.TO_CONFIRMED));
        results.put("sustained: steps to the first e-mail (registration received), p50 / p99 each",
                events.steps.percentiles(postedAt.keySet(), SagaSteps.TO_RECEIVED_MAIL));
        results.put("sustained: backlog (placed − confirmed) per second", outstanding + " — "
                + (keptUp(outstanding, postedAt.size(), count) ? "flat" : "growing or shed"));
    }

    /** The store's commands per registration placed: per service, and per collection and kind. */
    private void storeCommands(StoreLoad load, long registrations) {
        if (registrations == 0) {
            return;
        }
        results.put("sustained: store commands per registration placed, load start to quiet",
                load.perRegistrationByService(registrations));
        results.put("sustained: store commands per registration, by collection and kind (mean time each)",
                load.perRegistrationByCollectionAndKind(registrations));
    }

    /**
     * Where the machine's CPU went per registration: the whole saga's cost, each process's share, most first. A
     * process missing from either reading (restarted meanwhile) is left out.
     */
    static String cpuPerRegistration(Map<String, Duration> before, Map<String, Duration> after, long registrations) {
        if (registrations == 0) {
            return "nothing was accepted";
        }
        Map<String, Double> millis = ProcessCpu.millisBetween(before, after);
        return "%.0f ms: ".formatted(ProcessCpu.totalMillisBetween(before, after) / registrations)
                + millis.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(share -> "%s %.1f".formatted(share.getKey(), share.getValue() / registrations))
                .collect(Collectors.joining(", "));
    }

    /**
     * How many of each plain operation a registration took: the store's commands by kind (a bulk write counts as
     * one, as it is one round trip), the records produced to and consumed from Kafka, the e-mails and invoice PDFs.
     */
    static Map<Floors.Operation, Double> operationsPerRegistration(StoreLoad store, KafkaRecords records, long mails,
                                                                   long invoiceMails, long registrations) {
        Map<Floors.Operation, Double> operations = new EnumMap<>(Floors.Operation.class);
        operations.put(Floors.Operation.POST, 1.0);
        operations.put(Floors.Operation.STORE_INSERT, (double) store.count("insert") / registrations);
        operations.put(Floors.Operation.STORE_UPDATE, (double) store.count("update", "remove") / registrations);
        operations.put(Floors.Operation.STORE_READ, (double) store.count("queries", "getmore") / registrations);
        operations.put(Floors.Operation.RECORD_PRODUCED, (double) records.produced() / registrations);
        operations.put(Floors.Operation.RECORD_CONSUMED, (double) records.consumed() / registrations);
        operations.put(Floors.Operation.EMAIL, (double) mails / registrations);
        operations.put(Floors.Operation.INVOICE_PDF, (double) invoiceMails / registrations);
        return operations;
    }

    /**
     * The platform kept up when it accepted (nearly) everything offered and the backlog at the end is no larger
     * than at the start plus about a second's load.
     */
    private boolean keptUp(List<Long> outstanding, int accepted, int offered) {
        if (outstanding.isEmpty() || accepted < 0.95 * offered) {
            return false;
        }
        int third = Math.max(1, outstanding.size() / 3);
        long early = outstanding.subList(0, third).stream().mapToLong(Long::longValue).max().orElse(0);
        long late = outstanding.subList(outstanding.size() - third, outstanding.size()).stream()
                .mapToLong(Long::longValue).max().orElse(0);
        return late <= early + rate;
    }

    private void rush(String tourId, EventClock events) throws Exception {
        long started = System.nanoTime();
        List<LoadClient.Outcome> outcomes = client.atRate(REGISTRATIONS, rushAttempts, Duration.ofSeconds(rushSeconds),
                index -> registration(tourId, "r" + index, 1));
        noteUnexpected(outcomes);
        Map<String, Long> postedAt = accepted(outcomes);
        boolean settled = awaitAll(() -> postedAt.keySet().stream().allMatch(id -> events.confirmedAt.containsKey(id)
                || events.waitlistedAt.containsKey(id)), Duration.ofSeconds(600));
        long settledAt = postedAt.keySet().stream().mapToLong(id -> Math.max(
                events.confirmedAt.getOrDefault(id, 0L), events.waitlistedAt.getOrDefault(id, 0L))).max().orElse(started);
        Thread.sleep(2000); // registrations whose POST timed out may still be settling
        long confirmed = events.confirmedOnTour.getOrDefault(tourId, Set.of()).size();
        List<Integer> positions = events.positionsOnTour.getOrDefault(tourId, List.of()).stream().sorted().toList();
        boolean inOrder = positions.equals(IntStream.rangeClosed(1, positions.size()).boxed().toList());
        results.put("rush: attempts", "%d in %d s on %d seats".formatted(rushAttempts, rushSeconds, rushSeats));
        results.put("rush: answers", "%d × 2xx; %s".formatted(postedAt.size(), failures(outcomes)));
        results.put("rush: confirmed", "%d (must be %d)".formatted(confirmed, Math.min(rushSeats, rushAttempts)));
        results.put("rush: waiting list", "%d, positions %s".formatted(positions.size(),
                inOrder ? "1.." + positions.size() + " without gaps or repeats" : "NOT contiguous"));
        results.put("rush: all settled after", postedAt.isEmpty() ? "nothing was accepted"
                : settled ? "%.1f s".formatted((settledAt - started) / 1e9) : "not within 600 s");
    }

    /**
     * Waits until the platform has finished the e-mails of the earlier phases (none sent for 5 s): the rush then
     * starts on an idle platform, and the accept rate is compared with the plain endpoint's on an otherwise idle
     * machine, as the plain endpoint is measured. How long that took is reported.
     */
    private void awaitQuiet(EventClock events, String phase) throws InterruptedException {
        long started = System.nanoTime();
        long last = -1;
        while (events.mailsSent.get() != last && System.nanoTime() - started < Duration.ofMinutes(10).toNanos()) {
            last = events.mailsSent.get();
            Thread.sleep(5_000);
        }
        results.put("quiet again after the " + phase, "%.0f s".formatted((System.nanoTime() - started) / 1e9));
    }

    /**
     * Our POST accept rate and event publish rate against a plain Boot endpoint, same client and callers. Ours is
     * measured twice: on one tour, where the tour's bound of registrations waiting for their seat decision soon
     * turns the callers away with 429, so the catalog's decisions set the rate; and spread over enough tours that
     * none reaches its bound, which measures the door itself (taking, checking and storing a registration), as
     * the plain endpoint measures Spring Boot's.
     */
    private void acceptBaseline(LocalPlatform platform, String oneTour, List<String> manyTours, EventClock events,
                                Floors floors) throws Exception {
        Duration window = Duration.ofSeconds(10);
        AcceptRate one = acceptRate(List.of(oneTour), "b", window, events, platform);
        AcceptRate spread = acceptRate(manyTours, "m", window, events, platform);
        // The plain endpoint on a machine as idle as ours found it, not beside the saga of what ours accepted.
        awaitQuiet(events, "accept rate over %d tours".formatted(manyTours.size()));
        Process plain = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                PlainEndpoint.class.getName(), "--server.port=" + PLAIN_PORT, "--spring.main.banner-mode=off")
                .redirectOutput(root.resolve("infra/benchmark/target/plain-endpoint.log").toFile())
                .redirectErrorStream(true).start();
        try {
            URI plainUri = URI.create("http://127.0.0.1:" + PLAIN_PORT + "/api/registrations");
            awaitAll(() -> client.send(plainUri, "{}").join().status() == 202, Duration.ofSeconds(60));
            client.closed(plainUri, callers, Duration.ofSeconds(3), index -> registration(oneTour, "w" + index, 1));
            Map<String, Long> plainProcess = Map.of("plain endpoint", plain.pid());
            Map<String, Duration> cpuBefore = ProcessCpu.now(plainProcess);
            List<LoadClient.Outcome> baseline = client.closed(plainUri, callers, window,
                    index -> registration(oneTour, "p" + index, 1));
            double cpu = ProcessCpu.totalMillisBetween(cpuBefore, ProcessCpu.now(plainProcess));
            long plainAccepted = baseline.stream().filter(LoadClient.Outcome::accepted).count();
            floors.record(Floors.Operation.POST, new Floors.Floor(plainAccepted, window, cpu));
            plainPerSecond = (double) plainAccepted / window.toSeconds();
            results.put("baseline: plain Boot endpoint", "%.0f requests/s (%d callers)".formatted(plainPerSecond, callers));
            results.put("ours: POST /api/registrations accepted, one tour", one.against(plainPerSecond));
            results.put("ours: POST /api/registrations accepted, over %d tours".formatted(manyTours.size()),
                    spread.against(plainPerSecond));
            results.put("ours: CPU per POST accepted over %d tours".formatted(manyTours.size()), spread.cpu());
            results.put("ours: RegistrationPlaced published", "%.0f events/s".formatted(spread.published()));
        } finally {
            plain.destroy();
        }
    }

    /**
     * The door as the plain endpoint is measured, with nothing else running: what comes after it (the catalog's
     * seat decisions, billing, notification) is paused meanwhile, and goes on afterwards.
     */
    private void doorAlone(LocalPlatform platform, List<String> tours, EventClock events) throws Exception {
        for (String service : DOWNSTREAM) {
            platform.pause(service);
        }
        AcceptRate alone;
        try {
            alone = acceptRate(tours, "d", DOOR_ALONE_WINDOW, events, platform);
        } finally {
            for (String service : DOWNSTREAM) {
                platform.resume(service);
            }
        }
        results.put("ours: POST /api/registrations accepted over %d tours, the door alone (%s paused)"
                .formatted(tours.size(), String.join(", ", DOWNSTREAM)), alone.against(plainPerSecond));
        results.put("ours: CPU per POST accepted, the door alone", alone.cpu());
    }

    private record AcceptRate(double accepted, double published, String refusals, String cpu) {
        String against(double plainPerSecond) {
            return "%.0f/s = %.2f × plain (%s)".formatted(accepted, accepted / plainPerSecond, refusals);
        }
    }

    /**
     * POSTs from the callers for the window, round the tours, and the CPU every process spent meanwhile; then how
     * soon their RegistrationPlaced were out.
     */
    private AcceptRate acceptRate(List<String> tours, String keyPrefix, Duration window, EventClock events,
                                  LocalPlatform platform) throws Exception {
        long placedBefore = events.placedEvents.get();
        long started = System.nanoTime();
        Map<String, Duration> cpuBefore = ProcessCpu.now(platform.pids());
        List<LoadClient.Outcome> outcomes = client.closed(REGISTRATIONS, callers, window,
                index -> registration(tours.get(index % tours.size()), keyPrefix + index, 1));
        Map<String, Duration> cpuAfter = ProcessCpu.now(platform.pids());
        long accepted = outcomes.stream().filter(LoadClient.Outcome::accepted).count();
        awaitAll(() -> events.placedEvents.get() - placedBefore >= accepted, Duration.ofSeconds(60));
        double published = (events.placedEvents.get() - placedBefore) / ((System.nanoTime() - started) / 1e9);
        noteUnexpected(outcomes);
        return new AcceptRate((double) accepted / window.toSeconds(), published, failures(outcomes),
                cpuPerRegistration(cpuBefore, cpuAfter, accepted));
    }

    /**
     * A plain producer's send rate, the baseline of our publish rate; then the same records read back by a plain
     * consumer. The CPU of both, the broker's included, are the floors of a record produced and consumed.
     */
    private void producerBaseline(Floors floors) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        byte[] payload = registration("bench-baseline", "k", 1).getBytes();
        int count = 50_000;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(BASELINE_TOPIC, "warm-up", payload));
            producer.flush();
            long started = System.nanoTime();
            double cpu = ProcessCpu.millisWhile(Map.of("kafka", floors.pid("kafka")), () -> {
                for (int i = 0; i < count; i++) {
                    producer.send(new ProducerRecord<>(BASELINE_TOPIC, "tour-" + (i % 64), payload));
                }
                producer.flush();
            });
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            floors.record(Floors.Operation.RECORD_PRODUCED, new Floors.Floor(count, took, cpu));
            double perSecond = count / (took.toNanos() / 1e9);
            results.put("baseline: plain KafkaProducer (acks=all, idempotent)", "%.0f records/s of %d bytes"
                    .formatted(perSecond, payload.length));
            String ours = results.get("ours: RegistrationPlaced published");
            if (ours != null) {
                double oursPerSecond = Double.parseDouble(ours.split(" ")[0]);
                results.put("ours: RegistrationPlaced published", "%s = %.3f × plain producer".formatted(ours,
                        oursPerSecond / perSecond));
            }
        }
        floors.measureRecordsConsumed(BROKER, BASELINE_TOPIC, count + 1);
    }

    /**
     * Each process's resident memory now, at the end of the run, and the most it held since it started (the
     * kernel's high-water mark): a service's heap grows under load and the end of a run may catch it either way.
     * Then the store's file: it grows with every commit unless its sparse chunks are rewritten.
     */
    private void memory(LocalPlatform platform) throws Exception {
        long total = 0;
        long totalPeak = 0;
        for (Map.Entry<String, Long> process : platform.pids().entrySet()) {
            List<String> status = Files.readAllLines(Path.of("/proc/" + process.getValue() + "/status"));
            long kib = statusKib(status, "VmRSS:");
            long peakKib = statusKib(status, "VmHWM:");
            total += kib;
            totalPeak += peakKib;
            results.put("RSS: " + process.getKey(), "%d MiB (peak %d MiB)".formatted(kib / 1024, peakKib / 1024));
        }
        results.put("RSS: whole stack", "%d MiB (sum of the peaks %d MiB)".formatted(total / 1024, totalPeak / 1024));
        results.put("store: data file", "%d MiB".formatted(Files.size(platform.storeFile()) >> 20));
    }

    /** A size field of {@code /proc/<pid>/status}, in KiB; 0 when it is absent. */
    static long statusKib(List<String> status, String field) {
        return status.stream().filter(line -> line.startsWith(field)).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).orElse(0L);
    }

    private void report() throws Exception {
        StringBuilder table = new StringBuilder();
        table.append("\n## Benchmark run %s\n\n".formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        table.append("Command: `./mvnw -Pbenchmark %s` on %d cores (load generator on the same machine).\n\n".formatted(
                String.join(" ", settings()), Runtime.getRuntime().availableProcessors()));
        table.append("| measure | value |\n|---|---|\n");
        results.forEach((measure, value) -> table.append("| %s | %s |\n".formatted(measure, value)));
        System.out.println(table);
        Files.writeString(root.resolve("docs/benchmarks.md"), table, StandardOpenOption.APPEND);
    }

    private List<String> settings() {
        return List.of("-Dbenchmark.jit=" + System.getProperty("benchmark.jit", "c1"), "-Dbenchmark.rate=" + rate, "-Dbenchmark.seconds=" + seconds,
                "-Dbenchmark.rush.attempts=" + rushAttempts, "-Dbenchmark.rush.seconds=" + rushSeconds,
                "-Dbenchmark.rush.seats=" + rushSeats, "-Dbenchmark.callers=" + callers);
    }

    private static Map<String, Long> accepted(List<LoadClient.Outcome> outcomes) {
        Map<String, Long> postedAt = new LinkedHashMap<>();
        for (LoadClient.Outcome outcome : outcomes) {
            if (outcome.accepted()) {
                postedAt.put(JSON.readTree(outcome.body()).path("id").asString(), outcome.sentAt());
            }
        }
        return postedAt;
    }

    private static long confirmedCount(Collection<String> ids, EventClock events) {
        return ids.stream().filter(events.confirmedAt::containsKey).count();
    }

    private static List<Long> since(Map<String, Long> postedAt, Map<String, Long> observedAt) {
        return postedAt.entrySet().stream().filter(entry -> observedAt.containsKey(entry.getKey()))
                .map(entry -> observedAt.get(entry.getKey()) - entry.getValue()).toList();
    }

    /**
     * The p99 of the registrations posted in each tenth of the load, in order: shows whether a tail is a cold start,
     * a stall at one moment, or a queue that keeps growing.
     */
    static String p99PerTenth(Map<String, Long> postedAt, Map<String, Long> observedAt, long started,
                              double loadSeconds) {
        long tenth = Math.max(1, (long) (loadSeconds * 1e9 / 10));
        Map<Long, List<Long>> byTenth = new TreeMap<>();
        postedAt.forEach((id, posted) -> {
            if (observedAt.containsKey(id)) {
                byTenth.computeIfAbsent(Math.min(9, (posted - started) / tenth), ignored -> new ArrayList<>())
                        .add(observedAt.get(id) - posted);
            }
        });
        return byTenth.values().stream().map(latencies -> ms(latencies.stream().sorted().toList(), 0.99))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static String failures(List<LoadClient.Outcome> outcomes) {
        long phaseStart = outcomes.stream().mapToLong(LoadClient.Outcome::sentAt).min().orElse(0);
        Map<String, List<LoadClient.Outcome>> connectionErrors = outcomes.stream()
                .filter(LoadClient.Outcome::connectionError).collect(Collectors.groupingBy(LoadClient.Outcome::body));
        return "%d × 429, %d × 5xx, %d other 4xx, %d timeouts (10 s), %d connection errors%s".formatted(
                outcomes.stream().filter(outcome -> outcome.status() == 429).count(),
                outcomes.stream().filter(outcome -> outcome.status() >= 500).count(),
                outcomes.stream().filter(outcome -> outcome.status() >= 400 && outcome.status() < 500
                        && outcome.status() != 429).count(),
                outcomes.stream().filter(LoadClient.Outcome::timedOut).count(),
                connectionErrors.values().stream().mapToLong(List::size).sum(),
                kindsMostFrequentFirst(connectionErrors, phaseStart));
    }

    /**
     * What the connection errors were, and when: a count alone cannot tell a reset from a refusal, nor a burst at
     * the phase's first requests (connections the server had closed while they sat in the client's pool) from
     * errors spread over it.
     */
    private static String kindsMostFrequentFirst(Map<String, List<LoadClient.Outcome>> errorsByKind, long phaseStart) {
        return errorsByKind.isEmpty() ? "" : errorsByKind.entrySet().stream()
                .sorted(Comparator.comparingInt(
                        (Map.Entry<String, List<LoadClient.Outcome>> kind) -> kind.getValue().size()).reversed())
                .map(kind -> "%d × %s (sent %s s into the phase, failed after %s ms)".formatted(kind.getValue().size(),
                        kind.getKey(), range(kind.getValue(), outcome -> (outcome.sentAt() - phaseStart) / 1e9, "%.1f"),
                        range(kind.getValue(), outcome -> outcome.latencyNanos() / 1e6, "%.0f")))
                .collect(Collectors.joining("; ", ": ", ""));
    }

    private static String range(List<LoadClient.Outcome> outcomes, ToDoubleFunction<LoadClient.Outcome> value,
                                String format) {
        DoubleSummaryStatistics values = outcomes.stream().mapToDouble(value).summaryStatistics();
        return format.formatted(values.getMin()) + "–" + format.formatted(values.getMax());
    }

    private static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "–";
        }
        List<Long> sorted = nanos.stream().sorted().toList();
        return "%s / %s / %s (n=%d)".formatted(ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted.size());
    }

    private static String ms(List<Long> sorted, double quantile) {
        return "%.0f ms".formatted(SagaSteps.quantile(sorted, quantile) / 1e6);
    }
}
