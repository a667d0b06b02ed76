package no.studietur.contracts.seat;

import java.time.Instant;

import no.studietur.contracts.DomainEvent;

/** All participants of a registration have seats; {@code promotedFromWaitlist} when it had been waiting. */
public record SeatsReserved(String tourId, String registrationId, int seats, boolean promotedFromWaitlist,
                            int seatsLeft, Instant decidedAt) implements DomainEvent {

    @Override
    public String subject() {
        return registrationId;
    }
}
