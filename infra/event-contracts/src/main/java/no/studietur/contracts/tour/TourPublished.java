package no.studietur.contracts.tour;

import java.time.Instant;

import no.studietur.contracts.DomainEvent;

/** A tour is open for registration. */
public record TourPublished(String tourId, TourSnapshot tour, Instant publishedAt) implements DomainEvent {

    @Override
    public String subject() {
        return tourId;
    }
}
