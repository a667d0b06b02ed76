package no.studietur.contracts.tour;

import java.time.Instant;

import no.studietur.contracts.DomainEvent;

/** No more registrations: the deadline passed ({@code reason} DEADLINE) or an operator closed it (OPERATOR). */
public record TourRegistrationClosed(String tourId, String reason, Instant closedAt) implements DomainEvent {

    @Override
    public String subject() {
        return tourId;
    }
}
