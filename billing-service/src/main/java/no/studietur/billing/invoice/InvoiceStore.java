package no.studietur.billing.invoice;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import no.studietur.contracts.DomainEvent;
import no.studietur.messaging.Outbox;
import no.studietur.messaging.OutboxRelay;

/** Reads invoices and changes them one version-guarded write at a time, with the events a change causes. */
@Component
public class InvoiceStore {

    static final String COLLECTION = "invoices";
    private static final int MAX_ATTEMPTS = 20;

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    InvoiceStore(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    /** A new state of an invoice and the events that announce it. */
    public record Change(Invoice next, DomainEvent... events) {
    }

    public Optional<Invoice> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Invoice.class));
    }

    public Optional<Invoice> findBy(String field, String value) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where(field).is(value)), Invoice.class));
    }

    public List<Invoice> find(Criteria criteria, int page, int size) {
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "issueDate", "invoiceNumber"))
                .skip((long) page * size).limit(size), Invoice.class);
    }

    /** Stores a newly issued invoice with its InvoiceIssued event, in one write. */
    void insert(Invoice invoice) {
        Outbox.insert(mongo, invoice, COLLECTION, clock, invoice.issued());
        relay.nudge();
    }

    /**
     * Applies {@code decide}'s change to the invoice as last read, if it is still unchanged; reads again and
     * decides again otherwise. {@code decide} returns empty when there is nothing to change.
     *
     * @return the invoice after the change, or empty if it does not exist
     */
    public Optional<Invoice> change(String invoiceId, Function<Invoice, Optional<Change>> decide) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Invoice current = find(invoiceId).orElse(null);
            if (current == null) {
                return Optional.empty();
            }
            Optional<Change> change = decide.apply(current);
            if (change.isEmpty()) {
                return Optional.of(current);
            }
            Document state = new Document();
            mongo.getConverter().write(change.get().next(), state);
            state.remove("_id");
            state.put("version", current.version() + 1);
            Update update = new Update();
            state.forEach(update::set);
            Outbox.append(update, clock, change.get().events());
            Query unchanged = Query.query(Criteria.where("_id").is(invoiceId).and("version").is(current.version()));
            if (mongo.updateFirst(unchanged, update, Invoice.class).getModifiedCount() == 1) {
                relay.nudge();
                return find(invoiceId);
            }
        }
        throw new IllegalStateException("Invoice " + invoiceId + " kept changing under " + MAX_ATTEMPTS + " attempts");
    }
}
