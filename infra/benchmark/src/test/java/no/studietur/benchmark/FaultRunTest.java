package no.studietur.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The reduced fault run: the whole platform as separate processes (the jars this build just packaged), a few
 * registrations a second, every fault of the full run once, in a seeded order. {@code ./mvnw -Pfaults} is the
 * full form.
 */
class FaultRunTest {

    @Test
    void nothingIsLostOrDoubledWhenEveryPartOfThePlatformFailsOnceUnderLoad() throws Exception {
        FaultRun.Settings settings = new FaultRun.Settings(20261123, 1, 60, Duration.ofSeconds(15), Duration.ofMinutes(8));

        FaultRun.Report report = FaultRun.run(Path.of(System.getProperty("studietur.root")),
                System.getProperty("studietur.version"), settings);
        System.out.println(report.markdown());

        assertThat(report.faults()).extracting(FaultRun.Fault::what).containsExactlyInAnyOrder(
                "kill -9 registration-service, restart", "kill -9 tour-catalog-service, restart",
                "kill -9 billing-service, restart", "kill -9 notification-service, restart", "kill -9 kafka, restart",
                "kill -9 store, restart", "SMTP server stopped");
        assertThat(report.violations()).isEmpty();
        // the checks only mean something if the run had each kind of outcome to check
        assertThat(report.registrations()).isGreaterThanOrEqualTo(settings.minimumRegistrations());
        assertThat(report.cancellations()).isPositive();
        assertThat(report.finalStatuses()).containsKeys("CONFIRMED", "WAITLISTED", "CANCELLED");
    }
}
