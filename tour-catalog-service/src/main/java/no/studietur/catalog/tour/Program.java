package no.studietur.catalog.tour;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import no.studietur.contracts.common.Money;

/** The parts of a tour's day-by-day program and its practical details. */
public final class Program {

    private Program() {
    }

    public enum ItemKind { VISIT, SEMINAR, MEAL, TRANSPORT, FREE_TIME }

    public record Venue(String name, String address) {
    }

    public record Speaker(String name, String role) {
    }

    /** One timed item; {@code caseNumber} links a site-visit case of the library. */
    public record Item(@NotNull LocalDate day, LocalTime start, LocalTime end, @NotNull ItemKind kind, @NotBlank String title, Venue venue,
                       String host, List<Speaker> speakers, List<String> topics, Integer caseNumber) {
    }

    /** A recommended flight, booked and paid by the participants themselves. */
    public record TravelSuggestion(String carrier, String flightNumber, String from, String to,
                                   LocalDateTime departure, LocalDateTime arrival,
                                   Money estimatedPrice) {
    }

    public record Destination(@NotBlank String place, String municipality,
                              @NotBlank @Pattern(regexp = "[A-Z]{2}") String country) {
    }
}
