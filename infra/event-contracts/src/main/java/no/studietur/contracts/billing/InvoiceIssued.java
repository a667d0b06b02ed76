package no.studietur.contracts.billing;

import java.time.LocalDate;
import java.util.List;

import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.common.Money;

/** An invoice was issued: everything an accounting system needs to book it without calling back. */
public record InvoiceIssued(String invoiceId, String invoiceNumber, String registrationId, String tourId,
                            BillingParty buyer, LocalDate issueDate, LocalDate dueDate, String currency,
                            List<InvoiceLine> lines, List<VatSubtotal> vatBreakdown, Money netTotal, Money vatTotal,
                            Money payableAmount, String kid) implements DomainEvent {

    public InvoiceIssued {
        lines = lines == null ? List.of() : List.copyOf(lines);
        vatBreakdown = vatBreakdown == null ? List.of() : List.copyOf(vatBreakdown);
    }

    @Override
    public String subject() {
        return invoiceId;
    }
}
