package no.studietur.billing.invoice;

import java.time.LocalDate;
import java.util.List;

import no.studietur.contracts.billing.InvoiceLine;
import no.studietur.contracts.billing.VatSubtotal;
import no.studietur.contracts.common.Money;

/**
 * A credit note against the invoice it belongs to. {@code causeEventId} is the cancellation event it answers, so
 * a redelivered event finds it already there.
 */
public record CreditNote(String id, String number, LocalDate issueDate, String reason, String causeEventId,
                         List<InvoiceLine> lines, List<VatSubtotal> vatBreakdown, Money netTotal, Money vatTotal,
                         Money creditedAmount) {
}
