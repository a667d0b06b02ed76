package no.studietur.contracts.common;

/** The person who registered a delegation and receives the overview. */
public record ContactPerson(String name, String email, String phone) {
}
