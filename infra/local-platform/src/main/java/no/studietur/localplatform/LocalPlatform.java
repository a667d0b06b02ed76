package no.studietur.localplatform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform on one machine: a Kafka broker, the store and the mail server, then the four services, each
 * its own process, with data and logs under {@code infra/local-platform/data}. Prints the URLs when everything is
 * ready; Ctrl-C stops the services first and the infrastructure last. A second start reuses the data.
 */
public final class LocalPlatform {

    static final int KAFKA = 9092;
    static final int KAFKA_CONTROLLER = 9093;
    static final int MONGO = 27017;
    static final int SMTP = 2525;
    static final int INBOX = 8025;
    static final List<Service> SERVICES = List.of(
            new Service("registration-service", 8080, "public web pages and registration API", List.of()),
            new Service("tour-catalog-service", 8081, "tours, cases, seats", List.of()),
            new Service("billing-service", 8082, "invoices (operator)", List.of()),
            // Under load most of what it promotes to the old generation is messages and documents already sent:
            // dead by the next full collection, which then finds little live and may size the heap close to it.
            // With the shared ratios its heap grew to 94-135 MB committed for 45-65 MB live (docs/benchmarks.md).
            new Service("notification-service", 8083, "sent messages (operator)",
                    List.of("-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20")));
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    /** A service, and its JVM options beyond {@link ServiceLaunch#JVM_OPTIONS} (later ones win). */
    record Service(String name, int port, String what, List<String> jvmOptions) {
    }

    private final Path root;
    private final String version;
    private final Path data;
    private final List<String> extraServiceArguments;
    private final List<String> serviceJvmOptions;
    private final Map<String, Process> infrastructure = new LinkedHashMap<>();
    private final Map<String, Process> services = new LinkedHashMap<>();
    private final Map<String, List<String>> commands = new ConcurrentHashMap<>();
    private final Map<String, Integer> infrastructurePorts = Map.of("kafka", KAFKA, "store", MONGO, "smtp", SMTP);
    private final Map<String, Duration> readyTimes = new ConcurrentHashMap<>();
    private final String javaCommand = ProcessHandle.current().info().command().orElse("java");
    private final String classpath = System.getProperty("java.class.path");

    /**
     * @param data                  where the infrastructure keeps its data and every process its log
     * @param serviceJvmOptions     JVM options after the defaults (a later option wins), e.g. the full JIT
     * @param extraServiceArguments appended to every service's command line (e.g. a property the benchmark sets)
     */
    public LocalPlatform(Path root, String version, Path data, List<String> serviceJvmOptions,
                         List<String> extraServiceArguments) {
        this.root = root;
        this.version = version;
        this.data = data;
        this.serviceJvmOptions = List.copyOf(serviceJvmOptions);
        this.extraServiceArguments = List.copyOf(extraServiceArguments);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        LocalPlatform platform = new LocalPlatform(root, args[1], root.resolve("infra/local-platform/data"), List.of(),
                List.of());
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "local-platform-shutdown"));
        platform.start();
        Thread.currentThread().join();
    }

    public static List<String> serviceNames() {
        return SERVICES.stream().map(Service::name).toList();
    }

    public void start() throws Exception {
        long started = System.nanoTime();
        requireFreePorts();
        Files.createDirectories(logsFolder());
        for (Service service : SERVICES) {
            Path jar = jar(service);
            if (!Files.exists(jar)) {
                throw new IllegalStateException("Missing " + jar + ": build with ./mvnw -Plocal from the repository root");
            }
        }
        infrastructure.put("kafka", launch("kafka", infrastructureCommand(List.of("-Xmx512m"),
                "no.studietur.localstack.LocalKafka", data.resolve("kafka").toString(), String.valueOf(KAFKA),
                String.valueOf(KAFKA_CONTROLLER))));
        infrastructure.put("store", launch("store", infrastructureCommand(List.of("-Xmx512m"),
                "no.studietur.localstack.LocalMongo", storeFile().toString(), String.valueOf(MONGO))));
        // C1 only: with C2 as well, compiling took 42 % of its CPU in the second and third minute after a start
        // (async-profiler, docs/benchmarks.md), for work that is a small share of the platform's at any time.
        infrastructure.put("smtp", launch("smtp", infrastructureCommand(List.of("-Xmx128m", "-XX:TieredStopAtLevel=1"),
                "no.studietur.localstack.LocalMail", String.valueOf(SMTP), String.valueOf(INBOX))));
        for (String name : infrastructure.keySet()) {
            awaitPort(name, infrastructurePorts.get(name));
        }
        long infrastructureReady = System.nanoTime();
        Map<Service, ServiceLaunch> launches = new ConcurrentHashMap<>();
        CompletableFuture.allOf(SERVICES.stream().map(service -> CompletableFuture.runAsync(
                () -> launches.put(service, ServiceLaunch.prepare(service.name(), jar(service), javaCommand)))
        ).toArray(CompletableFuture[]::new)).join();
        long servicesLaunched = System.nanoTime();
        for (Service service : SERVICES) {
            services.put(service.name(), launch(service.name(), serviceCommand(service, launches.get(service))));
        }
        CompletableFuture.allOf(SERVICES.stream().map(service -> CompletableFuture.runAsync(() -> {
            awaitReady(service);
            readyTimes.put(service.name(), Duration.ofNanos(System.nanoTime() - servicesLaunched));
        })).toArray(CompletableFuture[]::new)).join();
        printReady(Duration.ofNanos(infrastructureReady - started), Duration.ofNanos(System.nanoTime() - started));
    }

    private List<String> serviceCommand(Service service, ServiceLaunch launch) {
        List<String> command = new ArrayList<>(List.of(javaCommand));
        command.addAll(ServiceLaunch.JVM_OPTIONS);
        command.addAll(service.jvmOptions());
        command.addAll(launch.cacheOptions());
        command.addAll(serviceJvmOptions);
        command.addAll(List.of("-jar", launch.jar().toString(), "--spring.profiles.active=local",
                // One JSON object per line, with the registration and event ids from the log context.
                "--logging.structured.format.console=ecs",
                // One instance per service: a stable name lets a restarted one resume its partitions at once.
                "--studietur.messaging.instance-id=local"));
        command.addAll(extraServiceArguments);
        return command;
    }

    /** An occupied port would make us talk to someone else's process, e.g. a platform already running. */
    private static void requireFreePorts() {
        List<Integer> ports = new ArrayList<>(List.of(KAFKA, KAFKA_CONTROLLER, MONGO, SMTP, INBOX));
        SERVICES.forEach(service -> ports.add(service.port()));
        for (int port : ports) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException inUse) {
                throw new IllegalStateException("Port " + port + " is in use: is the platform already running? "
                        + "The local platform needs ports " + ports);
            }
        }
    }

    private List<String> infrastructureCommand(List<String> jvmOptions, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(javaCommand, "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dlogback.configurationFile=local-stack-logback.xml", "-cp", classpath, mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    /** Ends a process the hard way (SIGKILL: no shutdown hook, nothing flushed), as a crash would. */
    public void kill(String name) throws InterruptedException {
        Process process = process(name);
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * Stops a process where it stands (SIGSTOP): it keeps its connections and state, and its consumers keep their
     * partitions for the broker's session timeout (45 s) while it stands still.
     */
    public void pause(String name) throws IOException, InterruptedException {
        signal(name, "-STOP");
    }

    /** Lets a paused process go on (SIGCONT). */
    public void resume(String name) throws IOException, InterruptedException {
        signal(name, "-CONT");
    }

    private void signal(String name, String signal) throws IOException, InterruptedException {
        if (new ProcessBuilder("kill", signal, String.valueOf(process(name).pid())).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("Could not send " + signal + " to " + name);
        }
    }

    /** Starts a process again with the command it was started with and returns once it is ready. */
    public Duration restart(String name) throws InterruptedException {
        if (process(name).isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        long started = System.nanoTime();
        Process process = launch(name, commands.get(name));
        if (infrastructure.containsKey(name)) {
            infrastructure.put(name, process);
            awaitPort(name, infrastructurePorts.get(name));
        } else {
            services.put(name, process);
            awaitReady(SERVICES.stream().filter(service -> service.name().equals(name)).findFirst().orElseThrow());
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private Process process(String name) {
        Process process = infrastructure.containsKey(name) ? infrastructure.get(name) : services.get(name);
        if (process == null) {
            throw new IllegalArgumentException("No process " + name + "; known: " + pids().keySet());
        }
        return process;
    }

    /** The file the store keeps its data in. */
    public Path storeFile() {
        return data.resolve("mongo/studietur.mv");
    }

    /** Where each process's output goes, one file per process. */
    public Path logsFolder() {
        return data.resolve("logs");
    }

    /** Each service's time from launch to ready (the four start at once and share the machine). */
    public Map<String, Duration> readyTimes() {
        return Map.copyOf(readyTimes);
    }

    /** The process id of everything the platform runs, infrastructure first. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        infrastructure.forEach((name, process) -> pids.put(name, process.pid()));
        services.forEach((name, process) -> pids.put(name, process.pid()));
        return pids;
    }

    public void stop() {
        stopAll(services.values());
        stopAll(infrastructure.values());
    }

    public Path dataFolder() {
        return data;
    }

    /** Removes the data and logs of a stopped platform (a benchmark or fault run's throw-away folder). */
    public void deleteData() throws IOException {
        if (pids().keySet().stream().map(this::process).anyMatch(Process::isAlive)) {
            throw new IllegalStateException("Stop the platform before deleting its data");
        }
        ServiceLaunch.deleteRecursively(data);
    }

    private static void stopAll(Collection<Process> processes) {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Path jar(Service service) {
        return root.resolve(service.name()).resolve("target").resolve(service.name() + "-" + version + "-exec.jar");
    }

    private Process launch(String name, List<String> command) {
        commands.put(name, List.copyOf(command));
        try {
            Path log = logsFolder().resolve(name + ".log");
            return new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitPort(String what, int port) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            failIfStopped(what);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(what + " did not open port " + port + "; see infra/local-platform/data/logs");
    }

    private void awaitReady(Service service) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest readiness = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.port() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            failIfStopped(service.name());
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(service.name() + " did not become ready; see infra/local-platform/data/logs/"
                + service.name() + ".log");
    }

    /**
     * A process that stopped while we wait for it will not become ready: say so at once, with the reason its log
     * gives, instead of waiting out the timeout in silence.
     */
    private void failIfStopped(String name) {
        Process process = process(name);
        if (!process.isAlive()) {
            Path log = logsFolder().resolve(name + ".log");
            throw new IllegalStateException(name + " stopped before it was ready (exit " + process.exitValue() + "): "
                    + lastWords(log) + "; its log: " + log);
        }
    }

    /** The log's last exception line, which names the reason, else its last line. */
    private static String lastWords(Path log) {
        try {
            List<String> lines = Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
            return lines.reversed().stream().filter(line -> line.contains("Exception")).findFirst()
                    .orElse(lines.isEmpty() ? "(empty log)" : lines.getLast());
        } catch (IOException unreadable) {
            return "(log unreadable: " + unreadable.getMessage() + ")";
        }
    }

    private void printReady(Duration infrastructureReady, Duration allReady) {
        StringBuilder out = new StringBuilder("\nStudietur is running (infrastructure ready in %.1f s, everything in %.1f s)\n\n"
                .formatted(infrastructureReady.toMillis() / 1000.0, allReady.toMillis() / 1000.0));
        for (Service service : SERVICES) {
            out.append("  %-22s http://localhost:%d  (%s; ready in %.1f s)%n".formatted(service.name(), service.port(),
                    service.what(), readyTimes.get(service.name()).toMillis() / 1000.0));
        }
        out.append("  %-22s http://localhost:%d%n".formatted("mail inbox", INBOX));
        out.append("  %-22s localhost:%d%n".formatted("kafka", KAFKA));
        out.append("  %-22s mongodb://localhost:%d%n".formatted("mongodb", MONGO));
        out.append("  %-22s localhost:%d%n".formatted("smtp", SMTP));
        out.append("\n  Operator login (local only): operator / operator\n");
        out.append("  Tours: curl http://localhost:8081/api/tours\n");
        out.append("  Logs and data: " + (data.startsWith(root) ? root.relativize(data) : data) + "\n  Stop: Ctrl-C\n");
        System.out.println(out);
    }
}
