package no.studietur.contracts.tour;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import no.studietur.contracts.common.CancellationPolicy;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.VatTreatment;

/**
 * A tour as the other services need it: enough for the registration read model and web pages, the invoice lines
 * and the notification texts. {@code status} is the catalog's lifecycle state (PUBLISHED, REGISTRATION_CLOSED, …);
 * {@code seatsLeft} is the count when the snapshot was taken (seat events carry it afterwards).
 */
public record TourSnapshot(String kind, String title, String summary, String place, String municipality,
                           String country, String timeZone, LocalDate startDate, LocalDate endDate,
                           Instant registrationDeadline, Money pricePerParticipant, VatTreatment vat, int capacity,
                           CancellationPolicy cancellationPolicy, List<String> languages, String status,
                           String description, String targetAudience, String tourLeader, List<ProgramItem> program,
                           List<String> includes, List<String> excludes, List<TravelSuggestion> recommendedTravel,
                           Integer seatsLeft) {

    public TourSnapshot {
        languages = languages == null ? List.of() : List.copyOf(languages);
        program = program == null ? List.of() : List.copyOf(program);
        includes = includes == null ? List.of() : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        recommendedTravel = recommendedTravel == null ? List.of() : List.copyOf(recommendedTravel);
    }
}
