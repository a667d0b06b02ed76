package no.studietur.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkReadingsTest {

    private static final long MILLIS = 1_000_000;

    @Test
    void theTailOfEachTenthOfTheLoadIsReadApartSoAColdStartShowsAsSuch() {
        long started = 7_000 * MILLIS;
        Map<String, Long> postedAt = new HashMap<>();
        Map<String, Long> observedAt = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            long posted = started + i * 100 * MILLIS;
            postedAt.put("r" + i, posted);
            observedAt.put("r" + i, posted + (i < 10 ? 5_000 : 100) * MILLIS);
        }
        postedAt.put("posted as the load ended", started + 10_000 * MILLIS);
        observedAt.put("posted as the load ended", started + 10_300 * MILLIS);
        postedAt.put("never confirmed", started + 5_000 * MILLIS);

        assertThat(Benchmark.p99PerTenth(postedAt, observedAt, started, 10.0))
                .isEqualTo("[5000 ms, 100 ms, 100 ms, 100 ms, 100 ms, 100 ms, 100 ms, 100 ms, 100 ms, 300 ms]");
    }

    @Test
    void connectionErrorsAreCountedWithWhatTheyWereAndWhenMostFrequentFirst() {
        long phaseStart = 5_000 * MILLIS;
        List<LoadClient.Outcome> outcomes = List.of(new LoadClient.Outcome(phaseStart, 1, 202, "{}"),
                new LoadClient.Outcome(phaseStart, 1, 429, "{}"), new LoadClient.Outcome(phaseStart, 1, 0, "timed out"),
                new LoadClient.Outcome(phaseStart + 200 * MILLIS, 3_000 * MILLIS, -1, "java.net.ConnectException"),
                new LoadClient.Outcome(phaseStart + 1_200 * MILLIS, 5 * MILLIS, -1, "java.io.IOException: connection reset"),
                new LoadClient.Outcome(phaseStart + 3_400 * MILLIS, 40 * MILLIS, -1, "java.io.IOException: connection reset"));

        assertThat(Benchmark.failures(outcomes)).isEqualTo("1 × 429, 0 × 5xx, 0 other 4xx, 1 timeouts (10 s), "
                + "3 connection errors: 2 × java.io.IOException: connection reset (sent 1.2–3.4 s into the phase, "
                + "failed after 5–40 ms); 1 × java.net.ConnectException (sent 0.2–0.2 s into the phase, failed after "
                + "3000–3000 ms)");
        assertThat(Benchmark.failures(outcomes.subList(0, 3))).endsWith("0 connection errors");
    }

    @Test
    void serverErrorsConnectionErrorsAndTimeoutsAreUnexpectedSoOnlyTheyKeepTheLogs() {
        assertThat(List.of(202, 400, 429).stream().map(status -> new LoadClient.Outcome(0, 1, status, "")))
                .noneMatch(LoadClient.Outcome::unexpected);
        assertThat(List.of(500, 503, LoadClient.Outcome.CONNECTION_ERROR, LoadClient.Outcome.TIMED_OUT).stream()
                .map(status -> new LoadClient.Outcome(0, 1, status, ""))).allMatch(LoadClient.Outcome::unexpected);
    }

    @Test
    void theLogsAreCopiedToAFolderNamedByTheTimeOfTheRun(@TempDir Path temp) throws Exception {
        Path logs = Files.createDirectories(temp.resolve("data/logs"));
        Files.writeString(logs.resolve("registration-service.log"), "Started RegistrationApplication");
        Files.writeString(logs.resolve("store.log"), "listening");

        Path kept = Benchmark.copyLogs(logs, temp.resolve("target"), Instant.parse("2026-12-06T10:55:01.250Z"));

        assertThat(kept).isEqualTo(temp.resolve("target/logs-2026-12-06T10-55-01Z"));
        assertThat(kept.resolve("registration-service.log")).hasContent("Started RegistrationApplication");
        assertThat(kept.resolve("store.log")).hasContent("listening");
    }

    @Test
    void theCpuOfARegistrationIsSharedOutByProcessMostFirstLeavingOutAProcessRestartedMeanwhile() {
        Map<String, Duration> before = Map.of("store", Duration.ofSeconds(10), "notification-service",
                Duration.ofSeconds(20), "billing-service", Duration.ofSeconds(5));
        Map<String, Duration> after = new LinkedHashMap<>();
        after.put("store", Duration.ofSeconds(30));
        after.put("notification-service", Duration.ofSeconds(50));
        after.put("load generator", Duration.ofSeconds(4));

        assertThat(Benchmark.cpuPerRegistration(before, after, 1000))
                .isEqualTo("50 ms: notification-service 30.0, store 20.0");
        assertThat(Benchmark.cpuPerRegistration(before, after, 0)).isEqualTo("nothing was accepted");
    }

    @Test
    void residentMemoryIsReadNowAndAtItsPeak() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 3953408 kB", "VmHWM:\t  401232 kB",
                "VmRSS:\t  355092 kB", "RssAnon:\t  310688 kB");

        assertThat(Benchmark.statusKib(status, "VmRSS:")).isEqualTo(355_092);
        assertThat(Benchmark.statusKib(status, "VmHWM:")).isEqualTo(401_232);
        assertThat(Benchmark.statusKib(status, "VmSwap:")).isZero();
    }
}
