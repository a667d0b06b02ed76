package no.studietur.catalog.seat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.studietur.catalog.seat.SeatInventory.Outcome.Promoted;
import no.studietur.catalog.seat.SeatInventory.Outcome.Released;
import no.studietur.catalog.seat.SeatInventory.Reservation;
import no.studietur.catalog.seat.SeatInventory.WaitingRegistration;

class SeatInventoryTest {

    /** Capacity 4, full: A holds 3, B holds 1; waiting in order: C (3), D (1), E (2). */
    private static final SeatInventory FULL = new SeatInventory(4, 4, 3,
            List.of(new Reservation("A", List.of("a1", "a2", "a3"), false), new Reservation("B", List.of("b1"), false)),
            List.of(new WaitingRegistration("C", List.of("c1", "c2", "c3")), new WaitingRegistration("D", List.of("d1")),
                    new WaitingRegistration("E", List.of("e1", "e2"))));

    @Test
    void cancellingAWholeRegistrationReleasesItsSeatsAndPromotesTheFirstThatFits() {
        var change = FULL.cancel("B", List.of());

        // One seat is free: C (3) does not fit and is skipped for D (1).
        assertThat(change.outcomes()).containsExactly(new Released("B", List.of("b1"), 1), new Promoted("D", 1, 0));
        assertThat(change.inventory().taken()).isEqualTo(4);
        assertThat(change.inventory().waitlist()).extracting(WaitingRegistration::registrationId).containsExactly("C", "E");
        assertThat(change.inventory().waitingCount()).isEqualTo(2);
    }

    @Test
    void promotesSeveralInOrderWhileTheyFit() {
        var change = FULL.cancel("A", List.of());

        // Three seats free: C (3) fits first and takes them all; nobody else fits.
        assertThat(change.outcomes()).containsExactly(new Released("A", List.of("a1", "a2", "a3"), 3),
                new Promoted("C", 3, 0));
        assertThat(change.inventory().reservations()).extracting(Reservation::registrationId).containsExactly("B", "C");
        assertThat(change.inventory().reservations().getLast().promotedFromWaitlist()).isTrue();
    }

    @Test
    void cancellingSomeParticipantsKeepsTheRest() {
        var change = FULL.cancel("A", List.of("a2"));

        assertThat(change.outcomes()).containsExactly(new Released("A", List.of("a2"), 1), new Promoted("D", 1, 0));
        assertThat(change.inventory().reservations().getFirst())
                .isEqualTo(new Reservation("A", List.of("a1", "a3"), false));
    }

    @Test
    void aWaitingRegistrationThatCancelsLeavesTheListAndOthersMoveUp() {
        var change = FULL.cancel("C", List.of());

        assertThat(change.outcomes()).containsExactly(new Released("C", List.of("c1", "c2", "c3"), 0));
        assertThat(change.inventory().taken()).isEqualTo(4);
        assertThat(change.inventory().waitlist()).extracting(WaitingRegistration::registrationId).containsExactly("D", "E");
    }

    @Test
    void cancellingAgainOrCancellingStrangersChangesNothing() {
        var once = FULL.cancel("B", List.of());
        assertThat(once.inventory().cancel("B", List.of()).changedAnything()).isFalse();
        assertThat(FULL.cancel("nobody", List.of()).changedAnything()).isFalse();
        assertThat(FULL.cancel("A", List.of("not-a-participant")).changedAnything()).isFalse();
    }

    @Test
    void aCapacityIncreasePromotesAndACutBelowTheSeatsTakenIsRefused() {
        var change = FULL.withCapacity(7);

        assertThat(change.outcomes()).containsExactly(new Promoted("C", 3, 0));
        assertThat(change.inventory().capacity()).isEqualTo(7);
        assertThatThrownBy(() -> FULL.withCapacity(3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(FULL.withCapacity(4).changedAnything()).isFalse();
    }
}
