package no.studietur.contracts.tour;

import java.time.Instant;

import no.studietur.contracts.DomainEvent;

/** A published tour changed; the snapshot is the whole new state, not a diff. */
public record TourUpdated(String tourId, TourSnapshot tour, Instant updatedAt) implements DomainEvent {

    @Override
    public String subject() {
        return tourId;
    }
}
