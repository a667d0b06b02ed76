package no.studietur.catalog.tour;

import java.util.List;

import no.studietur.contracts.tour.ProgramItem;
import no.studietur.contracts.tour.TourSnapshot;
import no.studietur.contracts.tour.TravelSuggestion;

/** The tour as the other services see it in tour events. */
public final class TourSnapshots {

    private TourSnapshots() {
    }

    public static TourSnapshot of(Tour tour) {
        return new TourSnapshot(tour.kind().name(), tour.title(), tour.summary(), tour.destination().place(),
                tour.destination().municipality(), tour.destination().country(), tour.timeZone(), tour.startDate(),
                tour.endDate(), tour.registrationDeadline(), tour.pricePerParticipant(), tour.vat(),
                tour.seats().capacity(), tour.cancellationPolicy(), tour.languages(), tour.status().name(),
                tour.description(), tour.targetAudience(), tour.tourLeader(),
                tour.program().stream().map(TourSnapshots::item).toList(), tour.includes(), tour.excludes(),
                tour.recommendedTravel().stream().map(flight -> new TravelSuggestion(flight.carrier(),
                        flight.flightNumber(), flight.from(), flight.to(), flight.departure(), flight.arrival(),
                        flight.estimatedPrice())).toList(),
                tour.seats().seatsLeft());
    }

    private static ProgramItem item(Program.Item item) {
        return new ProgramItem(item.day(), item.start(), item.end(), item.kind().name(), item.title(),
                item.venue() == null ? null : item.venue().name(), item.venue() == null ? null : item.venue().address(),
                item.host(), item.speakers() == null ? List.of() : item.speakers().stream()
                        .map(speaker -> speaker.name() + ", " + speaker.role()).toList(),
                item.topics());
    }
}
