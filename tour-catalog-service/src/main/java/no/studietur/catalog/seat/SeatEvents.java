package no.studietur.catalog.seat;

import java.time.Instant;
import java.util.List;

import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.seat.SeatsReleased;
import no.studietur.contracts.seat.SeatsReserved;

/** The seat events that announce what a change to the inventory did. */
public final class SeatEvents {

    private SeatEvents() {
    }

    public static List<DomainEvent> of(String tourId, List<SeatInventory.Outcome> outcomes, Instant at) {
        return outcomes.stream().<DomainEvent>map(outcome -> switch (outcome) {
            case SeatInventory.Outcome.Released released -> new SeatsReleased(tourId, released.registrationId(),
                    released.participantIds(), released.participantIds().size(), released.seatsLeft(), at);
            case SeatInventory.Outcome.Promoted promoted -> new SeatsReserved(tourId, promoted.registrationId(),
                    promoted.seats(), true, promoted.seatsLeft(), at);
        }).toList();
    }
}
