package no.studietur.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import no.studietur.contracts.DomainEvent;

/**
 * Changes aggregates stored as whole documents with a {@code version} field: read one, let the caller compute
 * the next state and the events it causes, write both in one update conditional on the version read (the
 * events go to the document's outbox), and read and decide again if someone changed it meanwhile. The
 * document's other fields (outbox, handled events) are left as they are.
 */
public final class VersionedDocuments<T> {

    private static final int MAX_ATTEMPTS = 20;

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Class<T> type;
    private final ToLongFunction<T> version;

    public VersionedDocuments(MongoTemplate mongo, OutboxRelay relay, Clock clock, Class<T> type,
                              ToLongFunction<T> version) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
        this.type = type;
        this.version = version;
    }

    /** The next state of an aggregate and the events that announce it. */
    public record Next<T>(T state, List<DomainEvent> events) {

        public Next {
            events = List.copyOf(events);
        }

        public static <T> Next<T> of(T state, DomainEvent... events) {
            return new Next<>(state, List.of(events));
        }
    }

    /**
     * Applies {@code decide} to the current state; an empty answer means nothing to change. Returns the state as
     * stored afterwards, or empty when there is no such aggregate.
     */
    public Optional<T> change(String id, Function<T, Optional<Next<T>>> decide) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            T current = mongo.findById(id, type);
            if (current == null) {
                return Optional.empty();
            }
            Optional<Next<T>> next = decide.apply(current);
            if (next.isEmpty()) {
                return Optional.of(current);
            }
            long read = version.applyAsLong(current);
            Document fields = new Document();
            mongo.getConverter().write(next.get().state(), fields);
            fields.remove("_id");
            fields.remove("_class");
            fields.put("version", read + 1);
            Update update = new Update();
            fields.forEach(update::set);
            Outbox.append(update, clock, next.get().events().toArray(DomainEvent[]::new));
            Query unchanged = Query.query(Criteria.where("_id").is(id).and("version").is(read));
            if (mongo.updateFirst(unchanged, update, type).getModifiedCount() == 1) {
                relay.nudge(mongo.getCollectionName(type), id);
                return Optional.ofNullable(mongo.findById(id, type));
            }
        }
        throw new IllegalStateException(type.getSimpleName() + " " + id + " kept changing under " + MAX_ATTEMPTS
                + " attempts; try again");
    }
}
