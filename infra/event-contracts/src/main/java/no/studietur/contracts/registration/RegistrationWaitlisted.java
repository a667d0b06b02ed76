package no.studietur.contracts.registration;

import java.time.Instant;

import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.common.RegistrationDetails;
import no.studietur.contracts.common.TourSummary;

/** The tour had no room for the whole registration; it waits at {@code position} (1 = next). */
public record RegistrationWaitlisted(String registrationId, String tourId, TourSummary tour,
                                     RegistrationDetails details, int position, Instant waitlistedAt)
        implements DomainEvent {

    @Override
    public String subject() {
        return registrationId;
    }
}
