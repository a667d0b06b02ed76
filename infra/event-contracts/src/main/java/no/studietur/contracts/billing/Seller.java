package no.studietur.contracts.billing;

/**
 * The company that issues the documents, as it stood on the issue date. {@code bankAccount} is the Norwegian
 * 11-digit account the KID payments go to; {@code vatRegistered} adds "MVA" to the organisation number.
 */
public record Seller(String name, String organisationNumber, boolean vatRegistered, String street, String postcode,
                     String town, String country, String bankAccount, String email, String phone) {
}
