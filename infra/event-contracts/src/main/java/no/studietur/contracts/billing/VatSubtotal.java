package no.studietur.contracts.billing;

import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.VatTreatment;

/** The taxable amount and the tax for one VAT category and rate, as on the EHF tax total. */
public record VatSubtotal(VatTreatment vat, Money taxableAmount, Money taxAmount) {
}
