package no.studietur.registration.tour;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import no.studietur.contracts.common.TourSummary;
import no.studietur.contracts.tour.TourSnapshot;

/**
 * What registration knows of a tour, built from the catalog's events only: the latest snapshot, and the seats left
 * as of {@code seatsLeftAt} (from snapshots and seat decisions, whichever is newer).
 */
@Document("tours")
public record TourReadModel(@Id String id, TourSnapshot tour, Instant updatedAt, Integer seatsLeft,
                            Instant seatsLeftAt) {

    /** The catalog states in which visitors see a tour: open for registration, or closed but not yet over. */
    public static final Set<String> VISIBLE_STATUSES = Set.of("PUBLISHED", "REGISTRATION_CLOSED");

    public boolean visible() {
        return VISIBLE_STATUSES.contains(tour.status());
    }

    public boolean openForRegistration(Instant now) {
        return "PUBLISHED".equals(tour.status()) && !now.isAfter(tour.registrationDeadline());
    }

    public TourSummary summary() {
        return new TourSummary(id, tour.kind(), tour.title(), tour.place(), tour.country(), tour.timeZone(),
                tour.startDate(), tour.endDate(), tour.pricePerParticipant(), tour.vat(),
                tour.languages().isEmpty() ? "nb" : tour.languages().getFirst());
    }
}
