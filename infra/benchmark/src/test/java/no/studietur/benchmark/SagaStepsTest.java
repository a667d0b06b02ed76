package no.studietur.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import no.studietur.benchmark.SagaSteps.Mark;

class SagaStepsTest {

    @Test
    void eachStepIsTimedFromTheEventsSoASlowStepStandsOutFromTheOthers() {
        SagaSteps steps = new SagaSteps();
        List<String> registrations = IntStream.range(0, 100).mapToObj(i -> "r" + i).toList();
        for (int i = 0; i < registrations.size(); i++) {
            long placed = 1_000_000 + i * 10L;
            long seatsDecided = placed + 5 + (i == 99 ? 700 : 10);
            long seatsPublished = seatsDecided + 3;
            steps.note("r" + i, Mark.PLACED_WRITTEN, placed);
            steps.note("r" + i, Mark.PLACED_PUBLISHED, placed + 5);
            steps.note("r" + i, Mark.SEATS_DECIDED, seatsDecided);
            steps.note("r" + i, Mark.SEATS_PUBLISHED, seatsPublished);
            steps.note("r" + i, Mark.CONFIRMED_WRITTEN, seatsPublished + 4);
            steps.note("r" + i, Mark.CONFIRMED_PUBLISHED, seatsPublished + 4 + 6);
            steps.note("r" + i, Mark.CONFIRMED_SEEN, seatsPublished + 4 + 6 + 1);
        }

        assertThat(steps.percentiles(registrations, SagaSteps.TO_CONFIRMED)).isEqualTo(
                "registration store and relay 5 / 5 ms; catalog deciding seats 10 / 10 ms; "
                        + "catalog store and relay 3 / 3 ms; registration confirming 4 / 4 ms; "
                        + "registration store and relay 6 / 6 ms; to the benchmark 1 / 1 ms");
        steps.note("r0", Mark.SEATS_DECIDED, 0);
        assertThat(steps.percentiles(List.of("r99"), SagaSteps.TO_CONFIRMED))
                .as("one registration is its own p99; a redelivered event keeps the first time")
                .contains("catalog deciding seats 700 / 700 ms");
    }

    @Test
    void aStepNoRegistrationReachedIsShownAsMissingNotAsZero() {
        SagaSteps steps = new SagaSteps();
        steps.note("r1", Mark.PLACED_WRITTEN, 100);
        steps.note("r1", Mark.PLACED_PUBLISHED, 130);

        assertThat(steps.percentiles(List.of("r1", "never seen"), SagaSteps.TO_RECEIVED_MAIL)).isEqualTo(
                "registration store and relay 30 / 30 ms; notification until SMTP accepted –; "
                        + "notification store and relay –; to the benchmark –");
    }
}
