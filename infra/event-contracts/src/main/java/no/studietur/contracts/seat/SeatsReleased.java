package no.studietur.contracts.seat;

import java.time.Instant;
import java.util.List;

import no.studietur.contracts.DomainEvent;

/** Seats of cancelled participants went back to the tour (or a waiting registration left the list). */
public record SeatsReleased(String tourId, String registrationId, List<String> participantIds, int seats,
                            int seatsLeft, Instant releasedAt) implements DomainEvent {

    public SeatsReleased {
        participantIds = participantIds == null ? List.of() : List.copyOf(participantIds);
    }

    @Override
    public String subject() {
        return registrationId;
    }
}
