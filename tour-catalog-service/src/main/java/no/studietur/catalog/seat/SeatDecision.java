package no.studietur.catalog.seat;

import java.time.Instant;

/**
 * What the catalog decides for a registration: every participant gets a seat, or the whole registration waits,
 * or it is refused. Plain Java: the rules are tested without Spring or a database.
 */
public sealed interface SeatDecision {

    /** The tour's counters after this decision. */
    SeatCount applyTo(SeatCount before);

    record Reserve(int seats, int seatsLeftAfter) implements SeatDecision {
        @Override
        public SeatCount applyTo(SeatCount before) {
            return new SeatCount(before.capacity(), before.taken() + seats, before.waitingCount());
        }
    }

    record Waitlist(int seats, int position) implements SeatDecision {
        @Override
        public SeatCount applyTo(SeatCount before) {
            return new SeatCount(before.capacity(), before.taken(), before.waitingCount() + 1);
        }
    }

    record Reject(String reason) implements SeatDecision {
        @Override
        public SeatCount applyTo(SeatCount before) {
            return before;
        }
    }

    /** What a decision reads of the tour. */
    record TourSeats(String status, Instant registrationDeadline, SeatCount count) {
    }

    static SeatDecision decide(TourSeats tour, int seats, Instant now) {
        if ("CANCELLED".equals(tour.status())) {
            return new Reject("TOUR_CANCELLED");
        }
        if (!"PUBLISHED".equals(tour.status())) {
            return new Reject("REGISTRATION_CLOSED");
        }
        if (now.isAfter(tour.registrationDeadline())) {
            return new Reject("DEADLINE_PASSED");
        }
        // Nobody may jump the queue: while registrations wait, a newcomer waits too, even if it would fit.
        SeatCount count = tour.count();
        if (count.waitingCount() == 0 && count.taken() + seats <= count.capacity()) {
            return new Reserve(seats, count.capacity() - count.taken() - seats);
        }
        return new Waitlist(seats, count.waitingCount() + 1);
    }
}
