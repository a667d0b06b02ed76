package no.studietur.contracts.billing;

import java.time.LocalDate;
import java.util.List;

import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.TourSummary;

/**
 * A credit note corrects invoice {@code invoiceNumber} (issued {@code invoiceIssueDate}) by the amounts listed:
 * positive amounts, as in UBL, that reduce what the buyer owes. {@code documentTypeCode} is UNCL1001 381;
 * {@code reason} is CUSTOMER (a cancellation; the fee is what is <em>not</em> credited) or TOUR_CANCELLED.
 */
public record CreditNoteIssued(String creditNoteId, String creditNoteNumber, String documentTypeCode,
                               String invoiceId, String invoiceNumber, LocalDate invoiceIssueDate,
                               String registrationId, String tourId, TourSummary tour, Seller seller, BillingParty buyer,
                               LocalDate issueDate, String currency, List<InvoiceLine> lines,
                               List<VatSubtotal> vatBreakdown, Money netTotal, Money vatTotal, Money creditedAmount,
                               String reason, String kid) implements DomainEvent {

    public static final String TYPE_CODE = "381";

    public CreditNoteIssued {
        lines = lines == null ? List.of() : List.copyOf(lines);
        vatBreakdown = vatBreakdown == null ? List.of() : List.copyOf(vatBreakdown);
    }

    @Override
    public String subject() {
        return creditNoteId;
    }
}
