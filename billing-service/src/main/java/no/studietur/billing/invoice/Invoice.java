package no.studietur.billing.invoice;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import no.studietur.contracts.billing.BillingParty;
import no.studietur.contracts.billing.InvoiceLine;
import no.studietur.contracts.billing.VatSubtotal;
import no.studietur.contracts.common.Money;

/** An issued invoice. One registration has at most one: the unique index on {@code registrationId} makes sure. */
@Document("invoices")
public record Invoice(@Id String id, @Indexed(unique = true) String invoiceNumber,
                      @Indexed(unique = true) String registrationId, @Indexed String tourId, BillingParty buyer,
                      LocalDate issueDate, LocalDate dueDate, String currency, List<InvoiceLine> lines,
                      List<VatSubtotal> vatBreakdown, Money netTotal, Money vatTotal, Money payableAmount, String kid,
                      String status) {
}
