package no.studietur.catalog.tour;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import no.studietur.catalog.seat.SeatEntry;
import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.tour.TourCancelled;
import no.studietur.contracts.tour.TourPublished;
import no.studietur.contracts.tour.TourRegistrationClosed;
import no.studietur.contracts.tour.TourUpdated;
import no.studietur.messaging.Outbox;
import no.studietur.messaging.OutboxRelay;
import no.studietur.messaging.VersionedDocuments;
import no.studietur.web.RequestRefused;

/** The tour lifecycle as operators drive it, and what visitors may see. */
@Service
public class TourService {

    private static final Logger log = LoggerFactory.getLogger(TourService.class);

    private final MongoTemplate mongo;
    /** Whole-tour changes, one version-guarded write at a time. */
    private final VersionedDocuments<Tour> tours;
    private final OutboxRelay relay;
    private final Clock clock;

    TourService(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.tours = new VersionedDocuments<>(mongo, relay, clock, Tour.class, Tour::version);
        this.relay = relay;
        this.clock = clock;
    }

    /** Stores a new tour as published together with its TourPublished event, in one insert. */
    public Tour publish(Tour draft) {
        if (!draft.status().canBecome(TourStatus.PUBLISHED)) {
            throw new IllegalStateException("A " + draft.status() + " tour cannot be published");
        }
        Tour published = draft.withStatus(TourStatus.PUBLISHED);
        Outbox.insert(mongo, published, "tours", clock,
                new TourPublished(published.id(), TourSnapshots.of(published), clock.instant()));
        relay.nudge("tours", published.id());
        return published;
    }

    /** Stores a new draft; drafts are not announced. */
    public Tour createDraft(Tour draft) {
        try {
            mongo.insert(draft.withStatus(TourStatus.DRAFT));
        } catch (DuplicateKeyException taken) {
            throw new RequestRefused(HttpStatus.CONFLICT, "Tour exists", "A tour with id " + draft.id() + " exists");
        }
        return find(draft.id()).orElseThrow();
    }

    /** Replaces a tour's content; a tour already announced announces the change (TourUpdated). */
    public Tour edit(String tourId, Tour edited) {
        return change(tourId, tour -> {
            if (tour.status() == TourStatus.CANCELLED || tour.status() == TourStatus.COMPLETED) {
                throw RequestRefused.notAllowedNow("A " + tour.status() + " tour cannot be edited");
            }
            Tour next = tour.withContentOf(edited);
            return Optional.of(new VersionedDocuments.Next<>(next, tour.status() == TourStatus.DRAFT ? List.of()
                    : List.of(new TourUpdated(tourId, TourSnapshots.of(next), clock.instant()))));
        });
    }

    /** Moves a tour along its lifecycle; a transition the lifecycle does not allow is refused. */
    public Tour transition(String tourId, TourStatus target, String reason) {
        return change(tourId, tour -> {
            if (tour.status() == target) {
                return Optional.empty();
            }
            if (!tour.status().canBecome(target)) {
                throw RequestRefused.notAllowedNow("A " + tour.status() + " tour cannot become " + target);
            }
            Tour next = tour.withStatus(target);
            DomainEvent event = switch (target) {
                case PUBLISHED -> new TourPublished(tourId, TourSnapshots.of(next), clock.instant());
                case REGISTRATION_CLOSED -> new TourRegistrationClosed(tourId, reason, clock.instant());
                case CANCELLED -> new TourCancelled(tourId, reason, clock.instant());
                case COMPLETED, DRAFT -> new TourUpdated(tourId, TourSnapshots.of(next), clock.instant());
            };
            return Optional.of(new VersionedDocuments.Next<>(next, List.of(event)));
        });
    }

    /** Closes registration on every published tour whose deadline has passed. */
    @Scheduled(fixedDelayString = "${studietur.catalog.deadline-check-interval:60s}")
    public void closeAtDeadline() {
        Query due = Query.query(Criteria.where("status").is(TourStatus.PUBLISHED)
                .and("registrationDeadline").lt(clock.instant()));
        due.fields().include("_id");
        for (Document tour : mongo.find(due, Document.class, "tours")) {
            String tourId = tour.getString("_id");
            transition(tourId, TourStatus.REGISTRATION_CLOSED, "DEADLINE");
            log.info("Registration for tour {} closed at its deadline", tourId);
        }
    }

    public boolean exists(String tourId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(tourId)), Tour.class);
    }

    public Optional<Tour> find(String tourId) {
        return Optional.ofNullable(mongo.findById(tourId, Tour.class));
    }

    /** What a visitor may filter the tour list by; every field is optional. */
    public record Filter(TourKind kind, YearMonth month, String destination, String theme, Boolean seatsAvailable) {
    }

    /** Published and closed tours matching the filter, soonest first. */
    public List<Tour> listVisible(Filter filter) {
        Criteria criteria = Criteria.where("status").in(TourStatus.PUBLISHED, TourStatus.REGISTRATION_CLOSED);
        if (filter.kind() != null) {
            criteria.and("kind").is(filter.kind());
        }
        if (filter.month() != null) {
            criteria.and("startDate").gte(filter.month().atDay(1)).lte(filter.month().atEndOfMonth());
        }
        Query query = Query.query(criteria).with(Sort.by("startDate"));
        query.fields().exclude(SeatEntry.IN_TOUR, Outbox.FIELD, Outbox.HANDLED_EVENTS);
        return mongo.find(query, Tour.class).stream()
                .filter(tour -> filter.destination() == null || mentions(filter.destination(),
                        tour.destination().place(), tour.destination().municipality(), tour.destination().country()))
                .filter(tour -> filter.theme() == null || mentions(filter.theme(), tour.themes().toArray(String[]::new)))
                .filter(tour -> filter.seatsAvailable() == null || filter.seatsAvailable() == (tour.seats().seatsLeft() > 0))
                .toList();
    }

    private static boolean mentions(String wanted, String... values) {
        String needle = wanted.toLowerCase(Locale.ROOT).strip();
        for (String value : values) {
            if (value != null && value.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private Tour change(String tourId, Function<Tour, Optional<VersionedDocuments.Next<Tour>>> decide) {
        return tours.change(tourId, decide).orElseThrow(() -> RequestRefused.notFound("Tour " + tourId));
    }
}
