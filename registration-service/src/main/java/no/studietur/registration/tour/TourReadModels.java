package no.studietur.registration.tour;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import no.studietur.contracts.tour.TourCancelled;
import no.studietur.contracts.tour.TourPublished;
import no.studietur.contracts.tour.TourRegistrationClosed;
import no.studietur.contracts.tour.TourSnapshot;
import no.studietur.contracts.tour.TourUpdated;

/**
 * Keeps the tour read model. Tour events of one tour arrive in order (one partition per tour), and each sets the
 * state it describes, so applying one twice leaves the same result. Seats left come from two topics with no order
 * between them, so a count is taken only when it is newer than the one held.
 *
 * <p>Every registration posted reads its tour, and reading and mapping the whole snapshot was a fifth of the
 * door's CPU (docs/benchmarks.md, eighteenth session), for a document that changes a few times in a tour's life.
 * So the door's look-ups are kept for {@link #KEPT_FOR}: a tour event this instance applies drops its copy at once,
 * one another instance applied reaches it within that time (the catalog, which decides the seats, refuses a
 * registration past the deadline whatever the door thought). Seats left are not in what the door uses, so their
 * updates leave the copy.
 */
@Service
public class TourReadModels {

    static final Duration KEPT_FOR = Duration.ofSeconds(2);

    private final MongoTemplate mongo;
    private final Cache<String, Optional<TourReadModel>> forRegistration = Caffeine.newBuilder()
            .expireAfterWrite(KEPT_FOR).maximumSize(10_000).build();

    TourReadModels(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<TourReadModel> find(String tourId) {
        return Optional.ofNullable(mongo.findById(tourId, TourReadModel.class));
    }

    /** The tour as a registration needs it (status, deadline, terms), at most {@link #KEPT_FOR} old. */
    public Optional<TourReadModel> findForRegistration(String tourId) {
        return forRegistration.get(tourId, this::find);
    }

    /** Tours a visitor may see (published or closed for registration), soonest first. */
    public List<TourReadModel> visible() {
        return mongo.find(Query.query(Criteria.where("tour.status").in(TourReadModel.VISIBLE_STATUSES))
                .with(Sort.by("tour.startDate")), TourReadModel.class);
    }

    public void apply(TourPublished event) {
        snapshot(event.tourId(), event.tour(), event.publishedAt());
    }

    public void apply(TourUpdated event) {
        snapshot(event.tourId(), event.tour(), event.updatedAt());
    }

    /** Seats left after a seat decision made at {@code at}; ignored when the model already knows a newer count. */
    public void seatsLeft(String tourId, int seatsLeft, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(tourId).orOperator(
                        Criteria.where("seatsLeftAt").is(null), Criteria.where("seatsLeftAt").lt(at))),
                Update.update("seatsLeft", seatsLeft).set("seatsLeftAt", at), TourReadModel.class);
    }

    private void snapshot(String tourId, TourSnapshot tour, Instant at) {
        mongo.upsert(Query.query(Criteria.where("_id").is(tourId)), Update.update("tour", tour).set("updatedAt", at),
                TourReadModel.class);
        // after the write: a look-up under way meanwhile may have read the old tour, and is dropped with it
        forRegistration.invalidate(tourId);
        if (tour.seatsLeft() != null) {
            seatsLeft(tourId, tour.seatsLeft(), at);
        }
    }

    public void apply(TourRegistrationClosed event) {
        setStatus(event.tourId(), "REGISTRATION_CLOSED");
    }

    public void apply(TourCancelled event) {
        setStatus(event.tourId(), "CANCELLED");
    }

    private void setStatus(String tourId, String status) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(tourId)), Update.update("tour.status", status),
                TourReadModel.class);
        forRegistration.invalidate(tourId);
    }
}
