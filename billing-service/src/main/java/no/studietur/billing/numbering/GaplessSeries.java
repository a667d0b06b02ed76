package no.studietur.billing.numbering;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Numbers without gaps (bokføringsforskriften § 5-1-3), across concurrent callers, processes and crashes, on a
 * store without multi-document transactions.
 *
 * <p>A series is one document holding the next number and the <em>pending</em> draft: the document the last
 * number was given to. Taking a number is one conditional write that advances the counter and stores the draft
 * together, so a number never exists without its document. Writing the document itself is a second step; whoever
 * touches the series next (the same caller, another process after a crash, or {@link #completePending}) first
 * finishes the pending draft. Completing must therefore be idempotent. The cost is one series document that
 * serialises the writers of a series, which at a few invoices a second is nothing.
 *
 * <p>The draft stays in the series until the next number replaces it, rather than being cleared once written: that
 * would be a second write of the series per document. Each process remembers the last number of each series whose
 * document it wrote, so it does not complete that draft again; another process may, once, which writes nothing new.
 */
@Component
public class GaplessSeries {

    private static final String COLLECTION = "numberSeries";
    private static final int MAX_ATTEMPTS = 50;

    private final MongoTemplate mongo;
    /** Per series, the highest number whose document this process wrote. */
    private final Map<String, Long> writtenUpTo = new ConcurrentHashMap<>();

    public GaplessSeries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Gives the next number of {@code series} to the draft {@code draftFor} builds for it, and completes it,
     * unless {@code done} (checked after any pending draft is completed) says the work was already done.
     *
     * @return the completed draft, or empty if it was done already
     */
    public <T> Optional<T> issue(String series, Class<T> draftType, BooleanSupplier done, LongFunction<T> draftFor,
                                 Consumer<T> complete) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Document state = completePending(series, draftType, complete);
            if (done.getAsBoolean()) {
                return Optional.empty();
            }
            long number = state == null ? 1 : state.get("next", Number.class).longValue();
            T draft = draftFor.apply(number);
            if (take(series, state, number, draft)) {
                complete.accept(draft);
                written(series, number);
                return Optional.of(draft);
            }
        }
        throw new IllegalStateException("Series " + series + " stayed contended for " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * Writes the document the last number was given to, unless this process wrote it (or a later one); returns the
     * series' state.
     */
    public <T> Document completePending(String series, Class<T> draftType, Consumer<T> complete) {
        Document state = mongo.findById(series, Document.class, COLLECTION);
        if (state != null && state.get("pending") instanceof Document pending) {
            long number = pending.get("number", Number.class).longValue();
            if (number > writtenUpTo.getOrDefault(series, 0L)) {
                complete.accept(mongo.getConverter().read(draftType, pending.get("draft", Document.class)));
                written(series, number);
            }
        }
        return state;
    }

    /** Every series that has handed out a number: each keeps its last draft, which may still need writing. */
    public List<String> series() {
        Query all = new Query();
        all.fields().include("_id");
        return mongo.find(all, Document.class, COLLECTION).stream().map(state -> state.getString("_id")).toList();
    }

    /** The last number handed out in a series, 0 if none. */
    public long last(String series) {
        Document state = mongo.findById(series, Document.class, COLLECTION);
        return state == null ? 0 : state.get("next", Number.class).longValue() - 1;
    }

    private boolean take(String series, Document state, long number, Object draft) {
        Document draftDocument = new Document();
        mongo.getConverter().write(draft, draftDocument);
        Document pending = new Document("number", number).append("draft", draftDocument);
        if (state == null) {
            try {
                mongo.insert(new Document("_id", series).append("next", number + 1).append("pending", pending),
                        COLLECTION);
                return true;
            } catch (DuplicateKeyException startedConcurrently) {
                return false;
            }
        }
        Query unchanged = Query.query(Criteria.where("_id").is(series).and("next").is(number));
        return mongo.updateFirst(unchanged, new Update().set("next", number + 1).set("pending", pending), COLLECTION)
                .getModifiedCount() == 1;
    }

    private void written(String series, long number) {
        writtenUpTo.merge(series, number, Math::max);
    }
}
