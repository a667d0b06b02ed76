package no.studietur.contracts.seat;

import java.time.Instant;

import no.studietur.contracts.DomainEvent;

/** No seat and no waiting list: {@code reason} is DEADLINE_PASSED, REGISTRATION_CLOSED, TOUR_CANCELLED or UNKNOWN_TOUR. */
public record SeatsRejected(String tourId, String registrationId, String reason, Instant decidedAt)
        implements DomainEvent {

    @Override
    public String subject() {
        return registrationId;
    }
}
