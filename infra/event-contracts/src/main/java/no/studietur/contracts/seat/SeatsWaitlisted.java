package no.studietur.contracts.seat;

import java.time.Instant;

import no.studietur.contracts.DomainEvent;

/** The whole registration joined the waiting list at {@code position} (1 = next to be promoted). */
public record SeatsWaitlisted(String tourId, String registrationId, int seats, int position, Instant decidedAt)
        implements DomainEvent {

    @Override
    public String subject() {
        return registrationId;
    }
}
