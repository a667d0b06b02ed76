package no.studietur.contracts.registration;

import java.time.Instant;

import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.common.RegistrationDetails;
import no.studietur.contracts.common.TourSummary;

/**
 * A binding registration was accepted and waits for the catalog's seat decision. It carries the tour as the
 * registration saw it, so the receipt can name the tour even where that consumer has not read the tour's events
 * yet; events placed before the tour was carried have none.
 */
public record RegistrationPlaced(String registrationId, String tourId, TourSummary tour, RegistrationDetails details,
                                 String channel, Instant placedAt) implements DomainEvent {

    @Override
    public String subject() {
        return registrationId;
    }

    public int seats() {
        return details.participants().size();
    }
}
