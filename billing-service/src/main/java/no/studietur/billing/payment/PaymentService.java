package no.studietur.billing.payment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import no.studietur.billing.invoice.Invoice;
import no.studietur.billing.invoice.InvoiceService;
import no.studietur.billing.invoice.InvoiceStatus;
import no.studietur.billing.invoice.InvoiceStore;
import no.studietur.billing.invoice.Kid;
import no.studietur.billing.invoice.Payment;
import no.studietur.contracts.common.Money;
import no.studietur.messaging.VersionedDocuments.Next;
import no.studietur.web.InvalidFields;
import no.studietur.web.RequestRefused;

/** Payments matched to invoices, and the watch for invoices left unpaid past their due date. */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final InvoiceStore store;
    private final Clock clock;

    PaymentService(InvoiceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The outcome: the invoice after the payment, and whether this request recorded it (false for a repeat). */
    public record Recorded(Invoice invoice, boolean created) {
    }

    public Recorded record(PaymentRequest request) {
        Invoice invoice = matchingInvoice(request);
        Money amount = new Money(request.amount(), request.currency());
        if (!invoice.currency().equals(amount.currency())) {
            throw new RequestRefused(HttpStatus.UNPROCESSABLE_CONTENT, "Wrong currency",
                    "Invoice " + invoice.invoiceNumber() + " is in " + invoice.currency());
        }
        Payment payment = new Payment(UUID.randomUUID().toString(), request.reference(), amount, request.paidOn(),
                clock.instant());
        Invoice after = store.change(invoice.id(), current -> {
            Optional<Payment> earlier = current.payment(request.reference());
            if (earlier.isPresent()) {
                if (!earlier.get().amount().equals(amount) || !earlier.get().paidOn().equals(request.paidOn())) {
                    throw new RequestRefused(HttpStatus.CONFLICT, "Payment reference already used",
                            "Reference " + request.reference() + " was recorded with other details");
                }
                return Optional.empty();
            }
            Invoice paid = current.withPayment(payment);
            return Optional.of(Next.of(paid, paid.recorded(payment)));
        }).orElseThrow();
        return new Recorded(after, after.payment(request.reference()).map(Payment::id).orElseThrow()
                .equals(payment.id()));
    }

    private Invoice matchingInvoice(PaymentRequest request) {
        boolean byKid = request.kid() != null;
        if (byKid == (request.invoiceNumber() != null)) {
            throw new InvalidFields(Map.of("kid", "give either kid or invoiceNumber, not both or neither"));
        }
        Map<String, String> invalid = new LinkedHashMap<>();
        if (byKid && !Kid.isValid(request.kid())) {
            invalid.put("kid", "check digit does not match");
        }
        if (request.paidOn().isAfter(LocalDate.now(clock.withZone(InvoiceService.BOOKKEEPING_ZONE)))) {
            invalid.put("paidOn", "cannot be in the future");
        }
        if (!invalid.isEmpty()) {
            throw new InvalidFields(invalid);
        }
        String field = byKid ? "kid" : "invoiceNumber";
        String value = byKid ? request.kid() : request.invoiceNumber();
        return store.findBy(field, value).orElseThrow(() -> new RequestRefused(HttpStatus.UNPROCESSABLE_CONTENT,
                "No such invoice", "No invoice has " + field + " " + value));
    }

    /** Marks each open invoice past its due date overdue, once, announcing it with InvoiceOverdue. */
    public int reportOverdue(LocalDate today) {
        List<Invoice> candidates = store.find(Criteria.where("status").in(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID)
                .and("dueDate").lt(today).and("overdueOn").exists(false), 0, 1000);
        int reported = 0;
        for (Invoice candidate : candidates) {
            Optional<Invoice> after = store.change(candidate.id(), current -> {
                if (!current.becomesOverdueOn(today)) {
                    return Optional.empty();
                }
                Invoice overdue = current.overdue(today);
                return Optional.of(Next.of(overdue, overdue.overdueEvent()));
            });
            reported += after.filter(invoice -> today.equals(invoice.overdueOn())).isPresent() ? 1 : 0;
        }
        if (reported > 0) {
            log.info("{} invoices became overdue on {}", reported, today);
        }
        return reported;
    }

    @Scheduled(fixedDelayString = "${studietur.billing.overdue-check:PT1H}", initialDelayString = "PT10S")
    void reportOverdueToday() {
        reportOverdue(LocalDate.now(clock.withZone(InvoiceService.BOOKKEEPING_ZONE)));
    }
}
