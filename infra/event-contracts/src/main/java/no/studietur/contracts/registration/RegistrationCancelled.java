package no.studietur.contracts.registration;

import java.time.Instant;
import java.util.List;

import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.common.CancellationPolicy;
import no.studietur.contracts.common.RegistrationDetails;
import no.studietur.contracts.common.TourSummary;

/**
 * Participants were cancelled. {@code reason} is CUSTOMER (fee per the agreed policy, measured from
 * {@code requestedAt}) or TOUR_CANCELLED (no fee).
 */
public record RegistrationCancelled(String registrationId, String tourId, TourSummary tour,
                                    RegistrationDetails details, List<String> cancelledParticipantIds,
                                    boolean wholeRegistration, String reason, CancellationPolicy agreedPolicy,
                                    Instant placedAt, Instant requestedAt, Instant cancelledAt)
        implements DomainEvent {

    public RegistrationCancelled {
        cancelledParticipantIds = cancelledParticipantIds == null ? List.of() : List.copyOf(cancelledParticipantIds);
    }

    @Override
    public String subject() {
        return registrationId;
    }
}
