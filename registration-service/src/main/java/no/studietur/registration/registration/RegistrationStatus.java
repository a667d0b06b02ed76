package no.studietur.registration.registration;

/** PENDING until the catalog decides; REJECTED when the catalog refused (e.g. the deadline passed meanwhile). */
public enum RegistrationStatus {
    PENDING, CONFIRMED, WAITLISTED, CANCELLED, REJECTED
}
