package no.studietur.contracts.billing;

import java.time.LocalDate;
import java.util.List;

import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.TourSummary;

/**
 * An invoice was issued: the whole document, so an accounting system can book it and a mailer can render it
 * without calling back. {@code documentTypeCode} is UNCL1001 380 (commercial invoice).
 */
public record InvoiceIssued(String invoiceId, String invoiceNumber, String documentTypeCode, String registrationId,
                            String tourId, TourSummary tour, Seller seller, BillingParty buyer, LocalDate issueDate,
                            LocalDate dueDate, String currency, List<InvoiceLine> lines, List<VatSubtotal> vatBreakdown,
                            Money netTotal, Money vatTotal, Money payableAmount, String kid) implements DomainEvent {

    public static final String TYPE_CODE = "380";

    public InvoiceIssued {
        lines = lines == null ? List.of() : List.copyOf(lines);
        vatBreakdown = vatBreakdown == null ? List.of() : List.copyOf(vatBreakdown);
    }

    @Override
    public String subject() {
        return invoiceId;
    }
}
