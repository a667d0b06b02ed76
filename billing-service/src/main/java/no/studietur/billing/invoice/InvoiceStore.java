package no.studietur.billing.invoice;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import no.studietur.messaging.Outbox;
import no.studietur.messaging.OutboxRelay;
import no.studietur.messaging.VersionedDocuments;
import no.studietur.messaging.VersionedDocuments.Next;

/** Reads invoices and changes them one version-guarded write at a time, with the events a change causes. */
@Component
public class InvoiceStore {

    static final String COLLECTION = "invoices";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;
    private final VersionedDocuments<Invoice> invoices;

    InvoiceStore(MongoTemplate mongo, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
        this.invoices = new VersionedDocuments<>(mongo, relay, clock, Invoice.class, Invoice::version);
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
        relay.nudge(COLLECTION, invoice.id());
    }

    /**
     * Applies {@code decide}'s change to the invoice as last read; {@code decide} returns empty when there is
     * nothing to change. Returns the invoice afterwards, or empty if it does not exist.
     */
    public Optional<Invoice> change(String invoiceId, Function<Invoice, Optional<Next<Invoice>>> decide) {
        return invoices.change(invoiceId, decide);
    }
}
