package no.studietur.registration.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class UndecidedRegistrationsTest {

    private final SteppedClock clock = new SteppedClock();
    private final UndecidedRegistrations undecided = new UndecidedRegistrations(3, Duration.ofSeconds(60), clock);

    @Test
    void aTourTakesNoMoreThanTheLimitUntilOneIsDecided() {
        assertThat(undecided.tryAdmit("aalborg", "r1")).isTrue();
        assertThat(undecided.tryAdmit("aalborg", "r2")).isTrue();
        assertThat(undecided.tryAdmit("aalborg", "r3")).isTrue();

        assertThat(undecided.tryAdmit("aalborg", "r4")).isFalse();
        assertThat(undecided.tryAdmit("odense", "o1")).as("another tour has its own bound").isTrue();

        undecided.release("aalborg", "r2");
        assertThat(undecided.tryAdmit("aalborg", "r5")).isTrue();
        assertThat(undecided.tryAdmit("aalborg", "r6")).isFalse();
    }

    @Test
    void aDecisionForARegistrationItDidNotAdmitFreesNothing() {
        undecided.tryAdmit("aalborg", "r1");
        undecided.tryAdmit("aalborg", "r2");
        undecided.tryAdmit("aalborg", "r3");

        undecided.release("aalborg", "placed-before-a-restart");
        undecided.release("odense", "r1");

        assertThat(undecided.tryAdmit("aalborg", "r4")).isFalse();
    }

    @Test
    void aRegistrationWhoseDecisionNeverComesStopsCountingAfterTheForgetTime() {
        undecided.tryAdmit("aalborg", "r1");
        clock.advance(Duration.ofSeconds(30));
        undecided.tryAdmit("aalborg", "r2");
        undecided.tryAdmit("aalborg", "r3");
        clock.advance(Duration.ofSeconds(30));
        assertThat(undecided.tryAdmit("aalborg", "r4")).as("r1 is 60 s old: still counted").isFalse();

        clock.advance(Duration.ofMillis(1));
        assertThat(undecided.tryAdmit("aalborg", "r4")).as("r1 forgotten").isTrue();
        assertThat(undecided.tryAdmit("aalborg", "r5")).as("r2 and r3 are younger").isFalse();
    }

    @Test
    void concurrentAttemptsOnOneTourAdmitExactlyTheLimit() throws Exception {
        UndecidedRegistrations bound = new UndecidedRegistrations(40, Duration.ofSeconds(60), clock);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String id = "r" + i;
            attempts.add(() -> bound.tryAdmit("rush", id));
        }
        try (ExecutorService callers = Executors.newFixedThreadPool(16)) {
            long admitted = 0;
            for (Future<Boolean> attempt : callers.invokeAll(attempts)) {
                admitted += attempt.get() ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(40);
        }
    }

    @Test
    void aTourMustTakeAtLeastOne() {
        assertThatThrownBy(() -> new UndecidedRegistrations(0, Duration.ofSeconds(60), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static final class SteppedClock extends Clock {
        private Instant now = Instant.parse("2026-05-04T08:00:00Z");

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
