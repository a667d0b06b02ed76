package no.studietur.billing.invoice;

/**
 * Where an invoice stands with the buyer. ISSUED and PARTIALLY_PAID are open; PAID when payments cover what is
 * left after credit notes; CREDITED when credit notes cover it all before anything was paid.
 */
public enum InvoiceStatus {
    ISSUED, PARTIALLY_PAID, PAID, CREDITED;

    public boolean open() {
        return this == ISSUED || this == PARTIALLY_PAID;
    }
}
