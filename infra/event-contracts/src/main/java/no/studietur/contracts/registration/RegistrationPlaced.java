package no.studietur.contracts.registration;

import java.time.Instant;

import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.common.RegistrationDetails;

/** A binding registration was accepted and waits for the catalog's seat decision. */
public record RegistrationPlaced(String registrationId, String tourId, RegistrationDetails details, String channel,
                                 Instant placedAt) implements DomainEvent {

    @Override
    public String subject() {
        return registrationId;
    }

    public int seats() {
        return details.participants().size();
    }
}
