package no.studietur.catalog.tour;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import no.studietur.contracts.DomainEvent;
import no.studietur.messaging.Outbox;
import no.studietur.messaging.OutboxRelay;

/**
 * Changes a tour document as a whole: read it, let the caller compute the next state and the events it causes,
 * write both in one update conditional on the version read, and try again if someone changed the tour meanwhile.
 */
@Component
public class TourStore {

    private static final int MAX_ATTEMPTS = 20;

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    TourStore(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    /** The next state of a tour and the events that announce it. */
    public record Next(Tour tour, List<DomainEvent> events) {
    }

    /**
     * Applies {@code decide} to the current tour; an empty answer means nothing to change. Returns the tour as
     * stored afterwards, or empty when there is no such tour.
     */
    public Optional<Tour> change(String tourId, Function<Tour, Optional<Next>> decide) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Tour current = mongo.findById(tourId, Tour.class);
            if (current == null) {
                return Optional.empty();
            }
            Optional<Next> next = decide.apply(current);
            if (next.isEmpty()) {
                return Optional.of(current);
            }
            Document fields = new Document();
            mongo.getConverter().write(next.get().tour(), fields);
            fields.remove("_id");
            fields.remove("_class");
            fields.put("version", current.version() + 1);
            Update update = new Update();
            fields.forEach(update::set);
            Outbox.append(update, clock, next.get().events().toArray(DomainEvent[]::new));
            Query unchanged = Query.query(Criteria.where("_id").is(tourId).and("version").is(current.version()));
            if (mongo.updateFirst(unchanged, update, Tour.class).getModifiedCount() == 1) {
                relay.nudge();
                return Optional.of(mongo.findById(tourId, Tour.class));
            }
        }
        throw new IllegalStateException("Tour " + tourId + " kept changing; try again");
    }
}
