package no.studietur.contracts.billing;

import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.VatTreatment;

/** One priced line: for a tour invoice, one participant's place. */
public record InvoiceLine(String description, String participantId, int quantity, Money unitPrice,
                          VatTreatment vat, Money lineNetAmount) {
}
