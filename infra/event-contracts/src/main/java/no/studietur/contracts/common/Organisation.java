package no.studietur.contracts.common;

/** The buyer: a municipality or another organisation; country is ISO 3166-1 alpha-2. */
public record Organisation(String name, String organisationNumber, String country) {
}
