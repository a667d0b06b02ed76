package no.studietur.contracts.registration;

import java.time.Instant;
import java.util.List;

import no.studietur.contracts.DomainEvent;

/**
 * The customer (or the operator on their behalf) cancels some participants, or the whole registration when
 * {@code participantIds} lists all of them.
 */
public record CancellationRequested(String registrationId, String tourId, List<String> participantIds,
                                    boolean wholeRegistration, Instant requestedAt) implements DomainEvent {

    public CancellationRequested {
        participantIds = participantIds == null ? List.of() : List.copyOf(participantIds);
    }

    @Override
    public String subject() {
        return registrationId;
    }
}
