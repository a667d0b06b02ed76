package no.studietur.catalog.tour;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import no.studietur.contracts.tour.TourPublished;
import no.studietur.messaging.Outbox;
import no.studietur.messaging.OutboxRelay;

@Service
public class TourService {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    TourService(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    /** Stores a tour as published together with its TourPublished event, in one insert. */
    public Tour publish(Tour draft) {
        if (!draft.status().canBecome(TourStatus.PUBLISHED)) {
            throw new IllegalStateException("A " + draft.status() + " tour cannot be published");
        }
        Tour published = withStatus(draft, TourStatus.PUBLISHED);
        Outbox.insert(mongo, published, "tours", clock,
                new TourPublished(published.id(), TourSnapshots.of(published), clock.instant()));
        relay.nudge();
        return published;
    }

    public boolean exists(String tourId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(tourId)), Tour.class);
    }

    public Optional<Tour> find(String tourId) {
        return Optional.ofNullable(mongo.findById(tourId, Tour.class));
    }

    /** Tours a visitor can see, soonest first. */
    public List<Tour> listVisible(TourKind kind) {
        Criteria criteria = Criteria.where("status").in(TourStatus.PUBLISHED, TourStatus.REGISTRATION_CLOSED);
        if (kind != null) {
            criteria.and("kind").is(kind);
        }
        Query query = Query.query(criteria).with(Sort.by("startDate"));
        query.fields().exclude("seats.reservations", "seats.waitlist", "seats.rejected", Outbox.FIELD);
        return mongo.find(query, Tour.class);
    }

    private static Tour withStatus(Tour tour, TourStatus status) {
        return new Tour(tour.id(), tour.kind(), tour.title(), tour.summary(), tour.description(),
                tour.targetAudience(), tour.destination(), tour.timeZone(), tour.startDate(), tour.endDate(),
                tour.program(), tour.tourLeader(), tour.pricePerParticipant(), tour.vat(), tour.includes(),
                tour.excludes(), tour.recommendedTravel(), tour.minimumParticipants(), tour.registrationDeadline(),
                tour.cancellationPolicy(), tour.languages(), tour.themes(), status, tour.seats(), tour.version());
    }
}
