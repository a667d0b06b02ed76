package no.studietur.contracts.registration;

import java.time.Instant;

import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.common.CancellationPolicy;
import no.studietur.contracts.common.RegistrationDetails;
import no.studietur.contracts.common.TourSummary;

/**
 * Every participant has a seat. Carries what billing needs for the invoice and notification for the e-mails,
 * including the cancellation policy as it stood when the registration was placed.
 */
public record RegistrationConfirmed(String registrationId, String tourId, TourSummary tour,
                                    RegistrationDetails details, CancellationPolicy agreedPolicy,
                                    boolean promotedFromWaitlist, Instant placedAt, Instant confirmedAt)
        implements DomainEvent {

    @Override
    public String subject() {
        return registrationId;
    }
}
