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
}
