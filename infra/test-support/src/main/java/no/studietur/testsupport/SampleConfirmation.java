package no.studietur.testsupport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import no.studietur.contracts.common.CancellationPolicy;
import no.studietur.contracts.common.CancellationTier;
import no.studietur.contracts.common.ContactPerson;
import no.studietur.contracts.common.InvoiceAddress;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.Organisation;
import no.studietur.contracts.common.Participant;
import no.studietur.contracts.common.RegistrationDetails;
import no.studietur.contracts.common.TourSummary;
import no.studietur.contracts.common.VatTreatment;
import no.studietur.contracts.registration.RegistrationCancelled;
import no.studietur.contracts.registration.RegistrationConfirmed;

/** A RegistrationConfirmed as registration publishes it, for the services downstream of it. */
public final class SampleConfirmation {

    private SampleConfirmation() {
    }

    public static Participant participant(String fullName, String email, String language) {
        return new Participant(UUID.randomUUID().toString(), fullName, "Enhetsleder", "Hjemmetjenesten",
                "+4791111111", email, "glutenfri", null, language);
    }

    public static RegistrationConfirmed of(String tourId, List<Participant> participants) {
        TourSummary tour = new TourSummary(tourId, "STUDY_TOUR", "Studietur til Aalborg", "Aalborg", "DK",
                "Europe/Copenhagen", LocalDate.parse("2027-05-31"), LocalDate.parse("2027-06-02"),
                Money.of("10990", "NOK"), new VatTreatment("Z", BigDecimal.ZERO, null), "nb");
        RegistrationDetails details = new RegistrationDetails(new Organisation("Asker kommune", "944382038", "NO"),
                new ContactPerson("Kari Kontakt", "kontakt-" + UUID.randomUUID() + "@example.no", "+4790000000"),
                new InvoiceAddress("Postboks 353", "1372", "Asker", "NO", "4100-ELDRE", "EHF", "faktura@example.no"),
                participants, "Nyhetsbrev");
        return new RegistrationConfirmed(UUID.randomUUID().toString(), tourId, tour, details,
                new CancellationPolicy(List.of(new CancellationTier(null, 50), new CancellationTier(15, 100)), true),
                false, Instant.now().minusSeconds(5), Instant.now());
    }

    /** The cancellation of the first {@code count} participants, by the customer or with the whole tour. */
    public static RegistrationCancelled cancelled(RegistrationConfirmed confirmed, int count, String reason,
                                                  Instant requestedAt) {
        List<String> ids = confirmed.details().participants().stream().limit(count)
                .map(Participant::participantId).toList();
        return new RegistrationCancelled(confirmed.registrationId(), confirmed.tourId(), confirmed.tour(),
                confirmed.details(), ids, count == confirmed.details().participants().size(), reason,
                confirmed.agreedPolicy(), confirmed.placedAt(), requestedAt, requestedAt.plusSeconds(1));
    }
}
