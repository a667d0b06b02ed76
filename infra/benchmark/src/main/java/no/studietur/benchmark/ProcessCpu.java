package no.studietur.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** CPU time used so far by processes of the platform, by name, and by this one, the load generator. */
final class ProcessCpu {

    static final String LOAD_GENERATOR = "load generator";

    private ProcessCpu() {
    }

    /** A process that has ended (restarted meanwhile) is left out. */
    static Map<String, Duration> now(Map<String, Long> pids) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ProcessHandle.of(pid)
                .flatMap(process -> process.info().totalCpuDuration()).ifPresent(time -> cpu.put(name, time)));
        ProcessHandle.current().info().totalCpuDuration().ifPresent(time -> cpu.put(LOAD_GENERATOR, time));
        return cpu;
    }

    /** Each process's CPU between the readings, in ms; one missing from either (restarted meanwhile) is left out. */
    static Map<String, Double> millisBetween(Map<String, Duration> before, Map<String, Duration> after) {
        Map<String, Double> millis = new LinkedHashMap<>();
        after.forEach((name, time) -> {
            if (before.containsKey(name)) {
                millis.put(name, time.minus(before.get(name)).toNanos() / 1e6);
            }
        });
        return millis;
    }

    /** All the processes' CPU between the readings, in ms. */
    static double totalMillisBetween(Map<String, Duration> before, Map<String, Duration> after) {
        return millisBetween(before, after).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Something measured. */
    interface Work {
        void run() throws Exception;
    }

    /** The CPU of these processes and of the load generator while {@code work} runs, in ms. */
    static double millisWhile(Map<String, Long> processes, Work work) throws Exception {
        Map<String, Duration> before = now(processes);
        work.run();
        return totalMillisBetween(before, now(processes));
    }
}
