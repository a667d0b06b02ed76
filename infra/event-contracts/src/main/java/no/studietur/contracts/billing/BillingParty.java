package no.studietur.contracts.billing;

import no.studietur.contracts.common.InvoiceAddress;
import no.studietur.contracts.common.Organisation;

/** The buyer of an invoice or credit note. */
public record BillingParty(Organisation organisation, InvoiceAddress address) {
}
