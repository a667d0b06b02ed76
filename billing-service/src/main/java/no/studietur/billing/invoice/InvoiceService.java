package no.studietur.billing.invoice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import no.studietur.billing.numbering.GaplessSeries;
import no.studietur.contracts.registration.ParticipantSubstituted;
import no.studietur.contracts.registration.RegistrationCancelled;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.messaging.ReceivedEvent;
import no.studietur.messaging.VersionedDocuments.Next;

/**
 * Invoices confirmed registrations and credits cancellations. Invoices and credit notes are numbered in gapless
 * series of their own ({@code 2027-000001}, {@code K2027-000001}); a document is written under the number it was
 * given even if the process dies in between (see {@link GaplessSeries}).
 */
@Service
public class InvoiceService {

    private static final Logger log = LoggerFactory.getLogger(InvoiceService.class);
    /** Documents are dated in Norway, where the books are kept. */
    public static final ZoneId BOOKKEEPING_ZONE = ZoneId.of("Europe/Oslo");
    private static final String INVOICE_SERIES = "invoice-";
    private static final String CREDIT_NOTE_SERIES = "creditNote-";

    private final InvoiceStore store;
    private final GaplessSeries numbers;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final BillingProperties properties;

    InvoiceService(InvoiceStore store, GaplessSeries numbers, MongoTemplate mongo, Clock clock,
                   BillingProperties properties) {
        this.store = store;
        this.numbers = numbers;
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    /** A draft credit note: the number is taken together with it, the invoice is updated after. */
    record CreditNoteDraft(String invoiceId, CreditNote creditNote) {
    }

    /** One invoice per registration, however often the confirmation arrives. */
    public void issueFor(RegistrationConfirmed confirmed) {
        LocalDate today = today();
        String series = properties.seriesFor(today);
        numbers.issue(INVOICE_SERIES + series, Invoice.class,
                () -> store.findBy("registrationId", confirmed.registrationId()).isPresent(),
                number -> Invoice.issue(UUID.randomUUID().toString(), "%s-%06d".formatted(series, number), confirmed,
                        properties.seller(), today, properties.paymentTermsDays()),
                this::store);
    }

    /** Credits what a cancellation does not charge; nothing when the registration was never invoiced. */
    public void creditFor(ReceivedEvent<RegistrationCancelled> event) {
        RegistrationCancelled cancelled = event.data();
        Optional<Invoice> invoiced = store.findBy("registrationId", cancelled.registrationId());
        if (invoiced.isEmpty()) {
            log.info("Registration {} was cancelled before it was invoiced: nothing to credit",
                    cancelled.registrationId());
            return;
        }
        String invoiceId = invoiced.get().id();
        LocalDate today = today();
        String series = properties.seriesFor(today);
        if (!invoiced.get().credits(cancelled)) {
            log.info("Cancellation {} of registration {} credits nothing (fee 100 % or already credited)",
                    event.id(), cancelled.registrationId());
            return;
        }
        numbers.issue(CREDIT_NOTE_SERIES + series, CreditNoteDraft.class,
                () -> store.find(invoiceId).map(invoice -> invoice.hasCreditNoteFor(event.id())).orElse(true),
                number -> new CreditNoteDraft(invoiceId, store.find(invoiceId).orElseThrow()
                        .creditFor(cancelled, event.id(), UUID.randomUUID().toString(),
                                "K%s-%06d".formatted(series, number), today)
                        .orElseThrow()),
                this::store);
    }

    /** The colleague's name goes on the participant's line; amounts stay as they are. */
    public void substitute(ReceivedEvent<ParticipantSubstituted> event) {
        ParticipantSubstituted substituted = event.data();
        store.findBy("registrationId", substituted.registrationId()).ifPresent(invoice -> store.change(invoice.id(),
                current -> current.hasSubstitution(event.id()) ? Optional.empty()
                        : Optional.of(Next.of(current.withSubstitute(
                                substituted.previous().participantId(), substituted.previous().fullName(),
                                substituted.replacement().fullName(), substituted.substitutedAt(), event.id())))));
    }

    /** Writes documents whose number was taken by a process that stopped before writing them. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${studietur.billing.pending-check:PT1M}")
    public void completePendingDocuments() {
        for (String series : numbers.series()) {
            if (series.startsWith(INVOICE_SERIES)) {
                numbers.completePending(series, Invoice.class, this::store);
            } else {
                numbers.completePending(series, CreditNoteDraft.class, this::store);
            }
        }
    }

    private void store(Invoice invoice) {
        try {
            store.insert(invoice);
        } catch (DuplicateKeyException alreadyStored) {
            if (store.findBy("invoiceNumber", invoice.invoiceNumber()).isEmpty()) {
                voidNumber(invoice.invoiceNumber(), "registration " + invoice.registrationId() + " was invoiced under another number");
            }
        }
    }

    private void store(CreditNoteDraft draft) {
        CreditNote note = draft.creditNote();
        store.change(draft.invoiceId(), invoice -> {
            if (invoice.hasCreditNote(note.id())) {
                return Optional.empty();
            }
            Invoice credited = invoice.withCreditNote(note);
            return Optional.of(Next.of(credited, credited.issued(note)));
        });
    }

    /**
     * A number that can no longer get its document (the registration was invoiced under another number by a
     * concurrent caller in another series, e.g. across New Year) is voided, never reused: the sequence stays
     * verifiable.
     */
    private void voidNumber(String number, String reason) {
        try {
            mongo.insert(new Document("_id", number).append("reason", reason).append("at", clock.instant()),
                    "voidedNumbers");
            log.warn("Voided invoice number {}: {}", number, reason);
        } catch (DuplicateKeyException alreadyVoided) {
            log.debug("Number {} was voided before", number);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BOOKKEEPING_ZONE));
    }
}
