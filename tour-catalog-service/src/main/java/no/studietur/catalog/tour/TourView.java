package no.studietur.catalog.tour;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import no.studietur.contracts.common.CancellationPolicy;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.VatTreatment;

/** A tour as the public API shows it: everything but who holds which seat, plus live availability. */
public record TourView(String id, TourKind kind, String title, String summary, String description,
                       String targetAudience, Program.Destination destination, String timeZone, LocalDate startDate,
                       LocalDate endDate, List<Program.Item> program, String tourLeader, Money pricePerParticipant,
                       VatTreatment vat, List<String> includes, List<String> excludes,
                       List<Program.TravelSuggestion> recommendedTravel, int capacity, int minimumParticipants,
                       Instant registrationDeadline, CancellationPolicy cancellationPolicy, List<String> languages,
                       List<String> themes, TourStatus status, int seatsLeft, int waitingListLength) {

    static TourView of(Tour tour) {
        return new TourView(tour.id(), tour.kind(), tour.title(), tour.summary(), tour.description(),
                tour.targetAudience(), tour.destination(), tour.timeZone(), tour.startDate(), tour.endDate(),
                tour.program(), tour.tourLeader(), tour.pricePerParticipant(), tour.vat(), tour.includes(),
                tour.excludes(), tour.recommendedTravel(), tour.seats().capacity(), tour.minimumParticipants(),
                tour.registrationDeadline(), tour.cancellationPolicy(), tour.languages(), tour.themes(),
                tour.status(), tour.seats().seatsLeft(), tour.seats().waitingCount());
    }
}
