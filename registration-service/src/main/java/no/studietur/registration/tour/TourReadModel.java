package no.studietur.registration.tour;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import no.studietur.contracts.common.TourSummary;
import no.studietur.contracts.tour.TourSnapshot;

/** What registration knows of a tour, built from the catalog's tour events only. */
@Document("tours")
public record TourReadModel(@Id String id, TourSnapshot tour, Instant updatedAt) {

    public boolean openForRegistration(Instant now) {
        return "PUBLISHED".equals(tour.status()) && !now.isAfter(tour.registrationDeadline());
    }

    public TourSummary summary() {
        return new TourSummary(id, tour.kind(), tour.title(), tour.place(), tour.country(), tour.timeZone(),
                tour.startDate(), tour.endDate(), tour.pricePerParticipant(), tour.vat(),
                tour.languages().isEmpty() ? "nb" : tour.languages().getFirst());
    }
}
