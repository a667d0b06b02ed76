package no.studietur.catalog.tour;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import no.studietur.catalog.seat.SeatCount;
import no.studietur.contracts.common.CancellationPolicy;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.VatTreatment;

/**
 * A tour and, in the same document, its seat counters, so that a seat decision and the events it causes are one
 * atomic write (who holds which seat is in the seats collection, see {@code SeatLedger}). {@code version} guards
 * every conditional update.
 */
@Document("tours")
public record Tour(@Id String id, TourKind kind, String title, String summary, String description,
                   String targetAudience, Program.Destination destination, String timeZone, LocalDate startDate,
                   LocalDate endDate, List<Program.Item> program, String tourLeader, Money pricePerParticipant,
                   VatTreatment vat, List<String> includes, List<String> excludes,
                   List<Program.TravelSuggestion> recommendedTravel, int minimumParticipants,
                   Instant registrationDeadline, CancellationPolicy cancellationPolicy, List<String> languages,
                   List<String> themes, TourStatus status, SeatCount seats, long version) {

    public Tour {
        program = program == null ? List.of() : List.copyOf(program);
        includes = includes == null ? List.of() : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        recommendedTravel = recommendedTravel == null ? List.of() : List.copyOf(recommendedTravel);
        languages = languages == null ? List.of() : List.copyOf(languages);
        themes = themes == null ? List.of() : List.copyOf(themes);
    }

    public Tour withStatus(TourStatus next) {
        return new Tour(id, kind, title, summary, description, targetAudience, destination, timeZone, startDate,
                endDate, program, tourLeader, pricePerParticipant, vat, includes, excludes, recommendedTravel,
                minimumParticipants, registrationDeadline, cancellationPolicy, languages, themes, next, seats, version);
    }

    public Tour withSeats(SeatCount next) {
        return new Tour(id, kind, title, summary, description, targetAudience, destination, timeZone, startDate,
                endDate, program, tourLeader, pricePerParticipant, vat, includes, excludes, recommendedTravel,
                minimumParticipants, registrationDeadline, cancellationPolicy, languages, themes, status, next, version);
    }

    /** This tour's identity, status and seats with another tour's content (an operator's edit). */
    public Tour withContentOf(Tour edited) {
        return new Tour(id, edited.kind, edited.title, edited.summary, edited.description, edited.targetAudience,
                edited.destination, edited.timeZone, edited.startDate, edited.endDate, edited.program,
                edited.tourLeader, edited.pricePerParticipant, edited.vat, edited.includes, edited.excludes,
                edited.recommendedTravel, edited.minimumParticipants, edited.registrationDeadline,
                edited.cancellationPolicy, edited.languages, edited.themes, status, seats, version);
    }
}
