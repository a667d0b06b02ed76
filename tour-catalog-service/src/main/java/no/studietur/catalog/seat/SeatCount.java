package no.studietur.catalog.seat;

/**
 * The seat counters kept in the tour document: all a seat decision needs to read. Who holds which seat is in
 * the {@code seats} collection ({@link SeatEntry}), so a decision writes a small tour document however full the
 * tour is.
 */
public record SeatCount(int capacity, int taken, int waitingCount) {

    public static SeatCount of(int capacity) {
        return new SeatCount(capacity, 0, 0);
    }

    public int seatsLeft() {
        return Math.max(0, capacity - taken);
    }
}
