package no.studietur.catalog.seat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.studietur.catalog.seat.SeatEntry.State;

class SeatEntryTest {

    private static final SeatEntry A = entry("A", State.RESERVED, 2, List.of("a1", "a2"));
    private static final SeatEntry LATE = entry("L", State.WAITING, 9, List.of("l1"));
    private static final SeatEntry EARLY = entry("E", State.WAITING, 5, List.of("e1", "e2"));

    private static SeatEntry entry(String id, State state, long queuedAt, List<String> participants) {
        return new SeatEntry(id, "tour", state, participants, false, queuedAt, queuedAt);
    }

    @Test
    void theWaitingListIsInTheOrderRegistrationsWereDecided() {
        SeatInventory seats = SeatEntry.inventory(new SeatCount(3, 2, 2), List.of(LATE, A, EARLY));

        assertThat(seats.reservations()).extracting(SeatInventory.Reservation::registrationId).containsExactly("A");
        assertThat(seats.waitlist()).extracting(SeatInventory.WaitingRegistration::registrationId)
                .containsExactly("E", "L");
    }

    @Test
    void aCancellationRewritesTheCancelledAndThePromotedEntriesOnly() {
        List<SeatEntry> before = List.of(A, EARLY, LATE);
        var change = SeatEntry.inventory(new SeatCount(3, 2, 2), before).cancel("A", List.of());

        // Three seats free: E (two) and then L (one) are promoted, both keeping their place in the queue.
        assertThat(SeatEntry.rewritten(before, change.inventory(), 12)).containsExactly(
                new SeatEntry("A", "tour", State.CANCELLED, List.of("a1", "a2"), false, 2, 12),
                new SeatEntry("E", "tour", State.RESERVED, List.of("e1", "e2"), true, 5, 12),
                new SeatEntry("L", "tour", State.RESERVED, List.of("l1"), true, 9, 12));
    }

    @Test
    void cancellingSomeParticipantsKeepsTheOthersInTheirState() {
        List<SeatEntry> before = List.of(EARLY, LATE);
        var change = SeatEntry.inventory(new SeatCount(3, 3, 2), before).cancel("E", List.of("e2"));

        assertThat(SeatEntry.rewritten(before, change.inventory(), 12))
                .containsExactly(new SeatEntry("E", "tour", State.WAITING, List.of("e1"), false, 5, 12));
    }
}
