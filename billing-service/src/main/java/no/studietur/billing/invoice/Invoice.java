package no.studietur.billing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import no.studietur.contracts.billing.BillingParty;
import no.studietur.contracts.billing.CreditNoteIssued;
import no.studietur.contracts.billing.InvoiceIssued;
import no.studietur.contracts.billing.InvoiceLine;
import no.studietur.contracts.billing.InvoiceOverdue;
import no.studietur.contracts.billing.PaymentRecorded;
import no.studietur.contracts.billing.Seller;
import no.studietur.contracts.billing.VatSubtotal;
import no.studietur.contracts.common.CancellationPolicy;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.TourSummary;
import no.studietur.contracts.registration.RegistrationCancelled;
import no.studietur.contracts.registration.RegistrationConfirmed;

/**
 * An issued invoice with the credit notes and payments against it. One registration has at most one invoice (the
 * unique index on {@code registrationId}); the invoice is never changed in what it charges, only corrected by
 * credit notes. Every method returns a new state; plain Java.
 */
@Document("invoices")
@CompoundIndex(name = "buyer", def = "{'buyer.organisation.organisationNumber': 1, 'issueDate': -1}")
@CompoundIndex(name = "open-by-due-date", def = "{'status': 1, 'dueDate': 1}")
public record Invoice(@Id String id, @Indexed(unique = true) String invoiceNumber,
                      @Indexed(unique = true) String registrationId, @Indexed String tourId, TourSummary tour,
                      Seller seller, BillingParty buyer, LocalDate issueDate, LocalDate dueDate, String currency,
                      List<InvoiceLine> lines, List<VatSubtotal> vatBreakdown, Money netTotal, Money vatTotal,
                      Money payableAmount, String kid, CancellationPolicy agreedPolicy, InvoiceStatus status,
                      Money outstandingAmount, List<CreditNote> creditNotes, List<Payment> payments,
                      List<Substitution> substitutions, LocalDate overdueOn, long version) {

    public Invoice {
        creditNotes = creditNotes == null ? List.of() : List.copyOf(creditNotes);
        payments = payments == null ? List.of() : List.copyOf(payments);
        substitutions = substitutions == null ? List.of() : List.copyOf(substitutions);
    }

    /** The invoice for a confirmed registration: one line per participant at the tour's price. */
    public static Invoice issue(String id, String number, RegistrationConfirmed confirmed, Seller seller,
                                LocalDate issueDate, int paymentTermsDays) {
        InvoiceCalculation amounts = InvoiceCalculation.forParticipants(confirmed.tour(),
                confirmed.details().participants());
        return new Invoice(id, number, confirmed.registrationId(), confirmed.tourId(), confirmed.tour(), seller,
                new BillingParty(confirmed.details().organisation(), confirmed.details().invoice()), issueDate,
                issueDate.plusDays(paymentTermsDays), amounts.netTotal().currency(), amounts.lines(),
                amounts.vatBreakdown(), amounts.netTotal(), amounts.vatTotal(), amounts.payableAmount(),
                Kid.of(number), confirmed.agreedPolicy(), InvoiceStatus.ISSUED, amounts.payableAmount(), List.of(),
                List.of(), List.of(), null, 0);
    }

    /**
     * The credit note a cancellation calls for, or empty when nothing is to be credited (a 100 % fee, or
     * participants already credited). A customer's cancellation credits each cancelled participant's line less
     * the fee of the agreed tier; the fee stays on this invoice with the line's VAT treatment. A tour cancelled
     * by the operator credits the whole line.
     */
    public Optional<CreditNote> creditFor(RegistrationCancelled cancelled, String causeEventId, String creditNoteId,
                                          String number, LocalDate issueDate) {
        List<InvoiceLine> credited = creditLines(cancelled);
        if (credited.isEmpty()) {
            return Optional.empty();
        }
        InvoiceCalculation amounts = InvoiceCalculation.of(credited, currency);
        return Optional.of(new CreditNote(creditNoteId, number, issueDate, cancelled.reason(), causeEventId,
                amounts.lines(), amounts.vatBreakdown(), amounts.netTotal(), amounts.vatTotal(),
                amounts.payableAmount()));
    }

    /** Whether the cancellation leaves anything to credit. */
    public boolean credits(RegistrationCancelled cancelled) {
        return !creditLines(cancelled).isEmpty();
    }

    private List<InvoiceLine> creditLines(RegistrationCancelled cancelled) {
        boolean tourCancelled = "TOUR_CANCELLED".equals(cancelled.reason());
        int feePercent = tourCancelled ? 0 : Objects.requireNonNull(agreedPolicy, "agreedPolicy")
                .feePercent(cancelled.requestedAt(), tour.startDate(), ZoneId.of(tour.timeZone()));
        Set<String> alreadyCredited = creditedParticipantIds();
        return lines.stream()
                .filter(line -> cancelled.cancelledParticipantIds().contains(line.participantId()))
                .filter(line -> !alreadyCredited.contains(line.participantId()))
                .map(line -> creditLine(line, feePercent, tourCancelled))
                .filter(line -> line.lineNetAmount().greaterThanZero())
                .toList();
    }

    private static InvoiceLine creditLine(InvoiceLine line, int feePercent, boolean tourCancelled) {
        Money credit = CancellationPolicy.refundOf(line.lineNetAmount(), feePercent);
        String why = tourCancelled ? "Kreditering, turen er avlyst: "
                : "Kreditering ved avbestilling, gebyr " + feePercent + " % beholdes: ";
        return new InvoiceLine(why + line.description(), line.participantId(), 1, credit, line.vat(), credit);
    }

    private Set<String> creditedParticipantIds() {
        return creditNotes.stream().flatMap(note -> note.lines().stream()).map(InvoiceLine::participantId)
                .collect(Collectors.toSet());
    }

    public boolean hasCreditNoteFor(String causeEventId) {
        return creditNotes.stream().anyMatch(note -> note.causeEventId().equals(causeEventId));
    }

    public boolean hasCreditNote(String creditNoteId) {
        return creditNotes.stream().anyMatch(note -> note.id().equals(creditNoteId));
    }

    public Invoice withCreditNote(CreditNote note) {
        return settled(append(creditNotes, note), payments, substitutions, lines);
    }

    public Optional<Payment> payment(String reference) {
        return payments.stream().filter(payment -> payment.reference().equals(reference)).findFirst();
    }

    public Invoice withPayment(Payment payment) {
        return settled(creditNotes, append(payments, payment), substitutions, lines);
    }

    /** The colleague's name on the participant's line from now on; price and everything else stay. */
    public Invoice withSubstitute(String participantId, String previousName, String replacementName, Instant at,
                                  String causeEventId) {
        List<InvoiceLine> renamed = lines.stream().map(line -> !line.participantId().equals(participantId) ? line
                : new InvoiceLine(InvoiceCalculation.describe(tour, replacementName), line.participantId(),
                        line.quantity(), line.unitPrice(), line.vat(), line.lineNetAmount())).toList();
        return settled(creditNotes, payments,
                append(substitutions,
                        new Substitution(participantId, previousName, replacementName, at, causeEventId)), renamed);
    }

    public boolean hasSubstitution(String causeEventId) {
        return substitutions.stream().anyMatch(done -> done.causeEventId().equals(causeEventId));
    }

    /** Overdue once: the day after the due date with something still to pay, and not reported before. */
    public boolean becomesOverdueOn(LocalDate today) {
        return overdueOn == null && status.open() && today.isAfter(dueDate);
    }

    public Invoice overdue(LocalDate today) {
        return new Invoice(id, invoiceNumber, registrationId, tourId, tour, seller, buyer, issueDate, dueDate,
                currency, lines, vatBreakdown, netTotal, vatTotal, payableAmount, kid, agreedPolicy, status,
                outstandingAmount, creditNotes, payments, substitutions, today, version);
    }

    private Invoice settled(List<CreditNote> notes, List<Payment> paid, List<Substitution> substituted,
                            List<InvoiceLine> currentLines) {
        Money zero = new Money(BigDecimal.ZERO, currency);
        Money credited = notes.stream().map(CreditNote::creditedAmount).reduce(zero, Money::plus);
        Money received = paid.stream().map(Payment::amount).reduce(zero, Money::plus);
        Money outstanding = payableAmount.minus(credited).minus(received);
        InvoiceStatus settledStatus = outstanding.greaterThanZero()
                ? (received.greaterThanZero() ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.ISSUED)
                : (received.greaterThanZero() ? InvoiceStatus.PAID : InvoiceStatus.CREDITED);
        return new Invoice(id, invoiceNumber, registrationId, tourId, tour, seller, buyer, issueDate, dueDate,
                currency, currentLines, vatBreakdown, netTotal, vatTotal, payableAmount, kid, agreedPolicy,
                settledStatus, outstanding, notes, paid, substituted, overdueOn, version);
    }

    private static <T> List<T> append(List<T> list, T item) {
        return Stream.concat(list.stream(), Stream.of(item)).toList();
    }

    public InvoiceIssued issued() {
        return new InvoiceIssued(id, invoiceNumber, InvoiceIssued.TYPE_CODE, registrationId, tourId, tour, seller,
                buyer, issueDate, dueDate, currency, lines, vatBreakdown, netTotal, vatTotal, payableAmount, kid);
    }

    public CreditNoteIssued issued(CreditNote note) {
        return new CreditNoteIssued(note.id(), note.number(), CreditNoteIssued.TYPE_CODE, id, invoiceNumber,
                issueDate, registrationId, tourId, tour, seller, buyer, note.issueDate(), currency, note.lines(),
                note.vatBreakdown(), note.netTotal(), note.vatTotal(), note.creditedAmount(), note.reason(), kid);
    }

    public PaymentRecorded recorded(Payment payment) {
        return new PaymentRecorded(payment.id(), id, invoiceNumber, registrationId, tourId, payment.amount(),
                payment.paidOn(), kid, payment.reference(), outstandingAmount, status.name());
    }

    public InvoiceOverdue overdueEvent() {
        return new InvoiceOverdue(id, invoiceNumber, registrationId, tourId, buyer, kid, issueDate, dueDate,
                payableAmount, outstandingAmount, overdueOn);
    }
}
