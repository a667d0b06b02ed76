package no.studietur.catalog.seat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SeatDecisionTest {

    private static final Instant DEADLINE = Instant.parse("2027-05-16T21:59:59Z");
    private static final Instant BEFORE = DEADLINE.minusSeconds(3600);

    private static SeatDecision.TourSeats tour(String status, int capacity, int taken, int waiting) {
        return new SeatDecision.TourSeats(status, DEADLINE, new SeatCount(capacity, taken, waiting));
    }

    @Test
    void reservesWhenTheWholeRegistrationFits() {
        assertThat(SeatDecision.decide(tour("PUBLISHED", 10, 7, 0), 3, BEFORE))
                .isEqualTo(new SeatDecision.Reserve(3, 0));
    }

    @Test
    void waitlistsTheWholeRegistrationWhenOneParticipantDoesNotFit() {
        assertThat(SeatDecision.decide(tour("PUBLISHED", 10, 8, 0), 3, BEFORE))
                .isEqualTo(new SeatDecision.Waitlist(3, 1));
    }

    @Test
    void aNewcomerQueuesBehindThoseWaitingEvenWhenItWouldFit() {
        assertThat(SeatDecision.decide(tour("PUBLISHED", 10, 9, 2), 1, BEFORE))
                .isEqualTo(new SeatDecision.Waitlist(1, 3));
    }

    @Test
    void acceptsUpToTheDeadlineInclusiveAndRejectsAfter() {
        assertThat(SeatDecision.decide(tour("PUBLISHED", 10, 0, 0), 1, DEADLINE)).isInstanceOf(SeatDecision.Reserve.class);
        assertThat(SeatDecision.decide(tour("PUBLISHED", 10, 0, 0), 1, DEADLINE.plusMillis(1)))
                .isEqualTo(new SeatDecision.Reject("DEADLINE_PASSED"));
    }

    @Test
    void rejectsOnClosedAndCancelledTours() {
        assertThat(SeatDecision.decide(tour("REGISTRATION_CLOSED", 10, 0, 0), 1, BEFORE))
                .isEqualTo(new SeatDecision.Reject("REGISTRATION_CLOSED"));
        assertThat(SeatDecision.decide(tour("CANCELLED", 10, 0, 0), 1, BEFORE))
                .isEqualTo(new SeatDecision.Reject("TOUR_CANCELLED"));
    }
}
