package no.studietur.billing.invoice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import no.studietur.contracts.billing.BillingParty;
import no.studietur.contracts.billing.InvoiceIssued;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.messaging.Outbox;
import no.studietur.messaging.OutboxRelay;

/** Issues one invoice per confirmed registration, with its InvoiceIssued event in the same write. */
@Service
public class InvoiceService {

    private static final Logger log = LoggerFactory.getLogger(InvoiceService.class);
    private static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;
    private final BillingProperties properties;

    InvoiceService(MongoTemplate mongo, OutboxRelay relay, Clock clock, BillingProperties properties) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
        this.properties = properties;
    }

    public void issueFor(RegistrationConfirmed confirmed) {
        if (findByRegistration(confirmed.registrationId()).isPresent()) {
            log.info("Registration {} is already invoiced", confirmed.registrationId());
            return;
        }
        InvoiceCalculation amounts = InvoiceCalculation.forParticipants(confirmed.tour(),
                confirmed.details().participants());
        String number = nextNumber();
        LocalDate issued = LocalDate.now(clock.withZone(NORWAY));
        Invoice invoice = new Invoice(UUID.randomUUID().toString(), number, confirmed.registrationId(),
                confirmed.tourId(), new BillingParty(confirmed.details().organisation(), confirmed.details().invoice()),
                issued, issued.plusDays(properties.paymentTermsDays()), amounts.netTotal().currency(), amounts.lines(),
                amounts.vatBreakdown(), amounts.netTotal(), amounts.vatTotal(), amounts.payableAmount(),
                Kid.of(number), "ISSUED");
        try {
            Outbox.insert(mongo, invoice, "invoices", clock, new InvoiceIssued(invoice.id(), number,
                    invoice.registrationId(), invoice.tourId(), invoice.buyer(), invoice.issueDate(),
                    invoice.dueDate(), invoice.currency(), invoice.lines(), invoice.vatBreakdown(), invoice.netTotal(),
                    invoice.vatTotal(), invoice.payableAmount(), invoice.kid()));
            relay.nudge();
        } catch (DuplicateKeyException alreadyInvoiced) {
            log.info("Registration {} was invoiced concurrently", confirmed.registrationId());
        }
    }

    public Optional<Invoice> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Invoice.class));
    }

    public Optional<Invoice> findByRegistration(String registrationId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("registrationId").is(registrationId)),
                Invoice.class));
    }

    public List<Invoice> list(String registrationId) {
        Criteria criteria = registrationId == null ? new Criteria() : Criteria.where("registrationId").is(registrationId);
        return mongo.find(Query.query(criteria).with(Sort.by("invoiceNumber")).limit(500), Invoice.class);
    }

    private String nextNumber() {
        InvoiceSeries series = mongo.findAndModify(Query.query(Criteria.where("_id").is(properties.series())),
                new Update().inc("next", 1), FindAndModifyOptions.options().upsert(true).returnNew(true),
                InvoiceSeries.class);
        return "%s-%06d".formatted(properties.series(), series.next());
    }

    @org.springframework.data.mongodb.core.mapping.Document("invoiceSeries")
    record InvoiceSeries(@org.springframework.data.annotation.Id String id, long next) {
    }
}
