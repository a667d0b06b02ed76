package no.studietur.localplatform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * How a service is started: from its extracted jar with a JVM AOT cache (JEP 483/514) when the JDK has one,
 * else from the executable jar. The cache holds the classes the service loaded and linked during a training run
 * (Spring's {@code spring.context.exit=onRefresh}: the context is built, nothing connects), so a start skips that
 * work. It is made once per content of the jar (every build repackages it, so its date says nothing), beside it
 * in {@code target/aot}, and takes about half a minute.
 */
record ServiceLaunch(Path jar, List<String> cacheOptions) {

    /**
     * C1 only: four JVMs compiling at once on a small machine start twice as fast, and C1 code is ample here. The
     * heap starts small and grows only as far as it must (the services keep 30–40 MB live): by default the JVM
     * would commit and touch all 256 MB, a third of it young generation, which is most of a service's memory.
     * Native memory freed by the C library (PDF compression, zip reads) goes back to the system every 10 s instead
     * of staying in its arenas: 17 MB of the notification service's after a load.
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms32m",
            "-Xmx256m", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40", "-Xss512k",
            "-XX:TrimNativeHeapInterval=10000", "-XX:+ExitOnOutOfMemoryError");
    private static final int FIRST_JDK_WITH_ONE_STEP_CACHE = 25;

    static ServiceLaunch prepare(String name, Path executableJar, String javaCommand) {
        if (Runtime.version().feature() < FIRST_JDK_WITH_ONE_STEP_CACHE) {
            return new ServiceLaunch(executableJar, List.of());
        }
        Path folder = executableJar.resolveSibling("aot");
        Path extracted = folder.resolve(executableJar.getFileName());
        Path cache = folder.resolve(name + ".aot");
        Path trainedOn = folder.resolve(name + ".sha256");
        try {
            String jarDigest = sha256(executableJar);
            if (!Files.exists(cache) || !Files.exists(trainedOn) || !Files.readString(trainedOn).equals(jarDigest)) {
                deleteRecursively(folder);
                run(folder.getParent(), List.of(javaCommand, "-Djarmode=tools", "-jar", executableJar.toString(),
                        "extract", "--destination", folder.toString()), folder.resolveSibling("aot-extract.log"));
                List<String> training = new ArrayList<>(List.of(javaCommand));
                training.addAll(JVM_OPTIONS);
                training.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar",
                        extracted.toString(), "--spring.profiles.active=local"));
                run(folder, training, folder.resolve("training.log"));
                Files.writeString(trainedOn, jarDigest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(cache)) {
            throw new IllegalStateException("No AOT cache for " + name + "; see " + folder.resolve("training.log"));
        }
        return new ServiceLaunch(extracted, List.of("-XX:AOTCache=" + cache));
    }

    private static String sha256(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(Path directory, List<String> command, Path log) throws IOException {
        Files.createDirectories(directory);
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + exit + "); see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing " + command, e);
        }
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
