package no.studietur.contracts.common;

/**
 * Where and how the invoice goes. {@code buyerReference} is the buyer's "deres ref." (PEPPOL BT-10);
 * {@code delivery} is EHF or EMAIL_PDF.
 */
public record InvoiceAddress(String street, String postcode, String town, String country,
                             String buyerReference, String delivery, String email) {
}
