package no.studietur.contracts.common;

import java.time.LocalDate;

/** What billing and notification need to know of a tour, carried in registration events. */
public record TourSummary(String tourId, String kind, String title, String place, String country, String timeZone,
                          LocalDate startDate, LocalDate endDate, Money pricePerParticipant, VatTreatment vat,
                          String language) {
}
