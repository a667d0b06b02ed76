package no.studietur.catalog.seat;

import java.time.Instant;

/**
 * What the catalog decides for a registration: every participant gets a seat, or the whole registration waits,
 * or it is refused. Plain Java: the rules are tested without Spring or a database.
 */
public sealed interface SeatDecision {

    record Reserve(int seats, int seatsLeftAfter) implements SeatDecision {
    }

    record Waitlist(int seats, int position) implements SeatDecision {
    }

    record Reject(String reason) implements SeatDecision {
    }

    /** The counters a decision reads. */
    record TourSeats(String status, Instant registrationDeadline, int capacity, int taken, int waitingCount) {
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
        if (tour.waitingCount() == 0 && tour.taken() + seats <= tour.capacity()) {
            return new Reserve(seats, tour.capacity() - tour.taken() - seats);
        }
        return new Waitlist(seats, tour.waitingCount() + 1);
    }
}
