package no.studietur.catalog.tour;

import no.studietur.contracts.tour.TourSnapshot;

/** The tour as the other services see it in tour events. */
final class TourSnapshots {

    private TourSnapshots() {
    }

    static TourSnapshot of(Tour tour) {
        return new TourSnapshot(tour.kind().name(), tour.title(), tour.summary(), tour.destination().place(),
                tour.destination().municipality(), tour.destination().country(), tour.timeZone(), tour.startDate(),
                tour.endDate(), tour.registrationDeadline(), tour.pricePerParticipant(), tour.vat(),
                tour.seats().capacity(), tour.cancellationPolicy(), tour.languages(), tour.status().name());
    }
}
