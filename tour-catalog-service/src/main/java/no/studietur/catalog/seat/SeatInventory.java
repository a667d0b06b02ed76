package no.studietur.catalog.seat;

import java.util.List;

/**
 * The seats of one tour, kept inside the tour document. {@code waitlist} is in order: its first entry is
 * position 1. {@code waitingCount} mirrors its length so a decision needs to read only counters, not lists.
 * {@code rejected} remembers refused registrations so a redelivered request is recognised.
 */
public record SeatInventory(int capacity, int taken, int waitingCount, List<Reservation> reservations,
                            List<WaitingRegistration> waitlist, List<String> rejected) {

    public SeatInventory {
        reservations = reservations == null ? List.of() : List.copyOf(reservations);
        waitlist = waitlist == null ? List.of() : List.copyOf(waitlist);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    public static SeatInventory empty(int capacity) {
        return new SeatInventory(capacity, 0, 0, List.of(), List.of(), List.of());
    }

    public int seatsLeft() {
        return Math.max(0, capacity - taken);
    }

    public record Reservation(String registrationId, List<String> participantIds, boolean promotedFromWaitlist) {
    }

    public record WaitingRegistration(String registrationId, List<String> participantIds) {
    }
}
