package no.studietur.messaging;

import java.time.Clock;
import java.util.Arrays;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

import no.studietur.contracts.DomainEvent;

/**
 * Helpers for aggregates that carry their pending events in an {@code outbox} array, and remember the events
 * they consumed in a {@code handledEvents} array: both are changed in the same write as the state itself.
 */
public final class Outbox {

    public static final String FIELD = "outbox";
    public static final String HANDLED_EVENTS = "handledEvents";

    private Outbox() {
    }

    /** Adds the events to the update, in order. */
    public static Update append(Update update, Clock clock, DomainEvent... events) {
        Object[] pending = Arrays.stream(events).map(event -> OutboxEvent.of(event, clock.instant())).toArray();
        update.push(FIELD).each(pending);
        return update;
    }

    /** Inserts a new aggregate together with the events its creation causes, in one write. */
    public static void insert(MongoTemplate mongo, Object aggregate, String collection, Clock clock,
                              DomainEvent... events) {
        Document document = new Document();
        mongo.getConverter().write(aggregate, document);
        document.put(FIELD, Arrays.stream(events)
                .map(event -> mongo.getConverter().convertToMongoType(OutboxEvent.of(event, clock.instant())))
                .toList());
        mongo.insert(document, collection);
    }

    /** Matches only an aggregate that has not yet handled this event. */
    public static Criteria notYetHandled(String eventId) {
        return Criteria.where(HANDLED_EVENTS).ne(eventId);
    }

    /** Records in the update that the aggregate handled this event. */
    public static Update markHandled(Update update, String eventId) {
        return update.push(HANDLED_EVENTS, eventId);
    }
}
