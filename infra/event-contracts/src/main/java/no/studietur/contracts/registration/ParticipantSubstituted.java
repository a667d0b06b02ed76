package no.studietur.contracts.registration;

import java.time.Instant;

import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.common.Participant;

/** A colleague took a participant's place: same seat, same invoice, no fee. */
public record ParticipantSubstituted(String registrationId, String tourId, Participant previous,
                                     Participant replacement, Instant substitutedAt) implements DomainEvent {

    @Override
    public String subject() {
        return registrationId;
    }
}
