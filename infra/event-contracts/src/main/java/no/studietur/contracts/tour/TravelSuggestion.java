package no.studietur.contracts.tour;

import java.time.LocalDateTime;

import no.studietur.contracts.common.Money;

/** A recommended flight, booked and paid by the participants; times are local at the airports. */
public record TravelSuggestion(String carrier, String flightNumber, String from, String to, LocalDateTime departure,
                               LocalDateTime arrival, Money estimatedPrice) {
}
