package no.studietur.contracts.billing;

import java.time.LocalDate;
import java.util.List;

import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.common.Money;

/** A credit note corrects {@code invoiceNumber} by the amounts listed (positive amounts, as in UBL). */
public record CreditNoteIssued(String creditNoteId, String creditNoteNumber, String invoiceId, String invoiceNumber,
                               String registrationId, String tourId, BillingParty buyer, LocalDate issueDate,
                               String currency, List<InvoiceLine> lines, List<VatSubtotal> vatBreakdown,
                               Money netTotal, Money vatTotal, Money creditedAmount, String reason)
        implements DomainEvent {

    public CreditNoteIssued {
        lines = lines == null ? List.of() : List.copyOf(lines);
        vatBreakdown = vatBreakdown == null ? List.of() : List.copyOf(vatBreakdown);
    }

    @Override
    public String subject() {
        return creditNoteId;
    }
}
