package no.studietur.catalog.seat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import no.studietur.catalog.tour.Tour;
import no.studietur.contracts.DomainEvent;
import no.studietur.messaging.Outbox;
import no.studietur.messaging.OutboxRelay;

/**
 * Where seats are stored: the counters in the tour document, one {@link SeatEntry} per registration in the
 * {@code seats} collection.
 *
 * <p>The local store has no multi-document transactions, so a seat write is two steps. First one update of the
 * tour document, conditional on its version: the counters, the events (outbox) and the entries it changed, in
 * the tour's {@code seatChanges} field. Then those entries are copied to the seats collection. Whoever reads the
 * tour copies the last write's entries first (once per write and instance), so a crash between the steps loses
 * nothing, and every entry read after a tour read is at least as new as that tour.
 */
@Component
class SeatLedger {

    private static final String TOURS = "tours";
    private static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Map<String, Long> copiedUpTo = new ConcurrentHashMap<>();

    SeatLedger(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    /** What a seat decision reads of a tour, and the version it read. */
    record DecisionInput(SeatDecision.TourSeats tour, long version) {
    }

    /** Reads only the fields a decision needs, not the program and the rest; empty when there is no such tour. */
    Optional<DecisionInput> decisionInput(String tourId) {
        Query query = Query.query(Criteria.where("_id").is(tourId));
        query.fields().include("status", "registrationDeadline", VERSION, "seats", SeatEntry.IN_TOUR);
        return Optional.ofNullable(copied(mongo.findOne(query, Document.class, TOURS))).map(tour -> new DecisionInput(
                new SeatDecision.TourSeats(tour.getString("status"), tour.getDate("registrationDeadline").toInstant(),
                        mongo.getConverter().read(SeatCount.class, tour.get("seats", Document.class))),
                tour.getLong(VERSION)));
    }

    Optional<Tour> tour(String tourId) {
        Query query = Query.query(Criteria.where("_id").is(tourId));
        query.fields().exclude(Outbox.FIELD, Outbox.HANDLED_EVENTS);
        return Optional.ofNullable(copied(mongo.findOne(query, Document.class, TOURS)))
                .map(document -> mongo.getConverter().read(Tour.class, document));
    }

    Optional<SeatEntry> entry(String registrationId) {
        return Optional.ofNullable(mongo.findById(registrationId, SeatEntry.class));
    }

    /** The tour's waiting entries, and the entry of {@code registrationId} whatever its state. */
    List<SeatEntry> waitingAnd(String tourId, String registrationId) {
        return mongo.find(Query.query(Criteria.where("tourId").is(tourId).orOperator(
                Criteria.where("state").is(SeatEntry.State.WAITING), Criteria.where("_id").is(registrationId))),
                SeatEntry.class);
    }

    /**
     * Writes the tour's next counters with the changed entries and their events, if the tour is still at
     * {@code readVersion}; false when somebody changed it meanwhile.
     */
    boolean write(String tourId, long readVersion, SeatCount count, List<SeatEntry> changes, List<DomainEvent> events) {
        List<Document> changed = changes.stream().map(this::document).toList();
        Update update = new Update().set("seats", count).set(VERSION, readVersion + 1).set(SeatEntry.IN_TOUR, changed);
        Outbox.append(update, clock, events.toArray(DomainEvent[]::new));
        Query unchanged = Query.query(Criteria.where("_id").is(tourId).and(VERSION).is(readVersion));
        if (mongo.updateFirst(unchanged, update, Tour.class).getModifiedCount() != 1) {
            return false;
        }
        copy(tourId, changed);
        relay.nudge(TOURS, tourId);
        return true;
    }

    private Document copied(Document tour) {
        if (tour != null) {
            copy(tour.getString("_id"), tour.getList(SeatEntry.IN_TOUR, Document.class, List.of()));
        }
        return tour;
    }

    /** Copies entries to the seats collection, never over a newer state of the same entry. */
    private void copy(String tourId, List<Document> entries) {
        if (entries.isEmpty()) {
            return;
        }
        long version = entries.getFirst().getLong(VERSION);
        if (copiedUpTo.getOrDefault(tourId, -1L) >= version) {
            return;
        }
        var seats = mongo.getCollection(SeatEntry.COLLECTION);
        for (Document entry : entries) {
            try {
                seats.replaceOne(Filters.and(Filters.eq("_id", entry.get("_id")), Filters.lt(VERSION, version)),
                        entry, new ReplaceOptions().upsert(true));
            } catch (MongoWriteException newerStateStored) {
                if (newerStateStored.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw newerStateStored;
                }
            }
        }
        copiedUpTo.merge(tourId, version, Math::max);
    }

    private Document document(SeatEntry entry) {
        Document document = new Document();
        mongo.getConverter().write(entry, document);
        return document;
    }
}
