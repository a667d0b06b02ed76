package no.studietur.contracts.tour;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import no.studietur.contracts.common.CancellationPolicy;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.VatTreatment;

/**
 * A tour as the other services need it: enough for the registration read model, the invoice lines and the
 * notification texts. {@code status} is the catalog's lifecycle state (PUBLISHED, REGISTRATION_CLOSED, …).
 */
public record TourSnapshot(String kind, String title, String summary, String place, String municipality,
                           String country, String timeZone, LocalDate startDate, LocalDate endDate,
                           Instant registrationDeadline, Money pricePerParticipant, VatTreatment vat, int capacity,
                           CancellationPolicy cancellationPolicy, List<String> languages, String status) {

    public TourSnapshot {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }
}
