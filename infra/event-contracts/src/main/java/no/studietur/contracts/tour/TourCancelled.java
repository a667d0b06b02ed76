package no.studietur.contracts.tour;

import java.time.Instant;

import no.studietur.contracts.DomainEvent;

/** The operator cancelled the tour: every registration is cancelled without fee. */
public record TourCancelled(String tourId, String reason, Instant cancelledAt) implements DomainEvent {

    @Override
    public String subject() {
        return tourId;
    }
}
