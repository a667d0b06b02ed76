package no.studietur.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import no.studietur.billing.invoice.Invoice;
import no.studietur.contracts.billing.Seller;
import no.studietur.contracts.common.InvoiceAddress;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.Organisation;
import no.studietur.contracts.common.Participant;
import no.studietur.contracts.common.RegistrationDetails;
import no.studietur.contracts.common.TourSummary;
import no.studietur.contracts.common.VatTreatment;
import no.studietur.contracts.registration.RegistrationCancelled;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.testsupport.SampleConfirmation;

/** Confirmations, cancellations and invoices as billing meets them, with the variations the tests need. */
public final class BillingSamples {

    public static final Seller SELLER = new Seller("Studietur AS", "923456783", true, "Storgata 1", "0155", "Oslo",
            "NO", "12345678903", "faktura@studietur.no", "+47 22 00 00 00");
    public static final VatTreatment ZERO_RATED = new VatTreatment("Z", BigDecimal.ZERO, null);
    public static final VatTreatment EXEMPT = new VatTreatment("E", BigDecimal.ZERO,
            "Kurs og undervisning, merverdiavgiftsloven § 3-5");
    public static final VatTreatment STANDARD = new VatTreatment("S", new BigDecimal("25"), null);
    public static final LocalDate ISSUED = LocalDate.parse("2026-11-23");

    private BillingSamples() {
    }

    /** Two participants on the Aalborg sample tour (starts 31.05.2027, Europe/Copenhagen), Asker kommune pays. */
    public static RegistrationConfirmed confirmation() {
        return SampleConfirmation.of("tour-" + UUID.randomUUID(), List.of(
                SampleConfirmation.participant("Ola Nordmann", "ola@example.no", "nb"),
                SampleConfirmation.participant("Máret Ŋuolja", "maret@example.no", "nb")));
    }

    public static RegistrationConfirmed withVat(RegistrationConfirmed confirmed, VatTreatment vat, String price) {
        TourSummary tour = confirmed.tour();
        return with(confirmed, new TourSummary(tour.tourId(), tour.kind(), tour.title(), tour.place(),
                tour.country(), tour.timeZone(), tour.startDate(), tour.endDate(), Money.of(price, "NOK"), vat,
                tour.language()), confirmed.details());
    }

    /** The same registration paid for by a Swedish municipality (organisation number 212000-0142). */
    public static RegistrationConfirmed swedishBuyer(RegistrationConfirmed confirmed, String buyerReference) {
        RegistrationDetails details = confirmed.details();
        return with(confirmed, confirmed.tour(), new RegistrationDetails(
                new Organisation("Stockholms kommun", "2120000142", "SE"), details.contact(),
                new InvoiceAddress("Box 8124", "104 20", "Stockholm", "SE", buyerReference, "EMAIL_PDF",
                        "faktura@stockholm.example.se"), details.participants(), details.heardAbout()));
    }

    public static RegistrationConfirmed withParticipants(RegistrationConfirmed confirmed, List<Participant> participants) {
        RegistrationDetails details = confirmed.details();
        return with(confirmed, confirmed.tour(), new RegistrationDetails(details.organisation(), details.contact(),
                details.invoice(), participants, details.heardAbout()));
    }

    private static RegistrationConfirmed with(RegistrationConfirmed confirmed, TourSummary tour,
                                              RegistrationDetails details) {
        return new RegistrationConfirmed(confirmed.registrationId(), confirmed.tourId(), tour, details,
                confirmed.agreedPolicy(), confirmed.promotedFromWaitlist(), confirmed.placedAt(),
                confirmed.confirmedAt());
    }

    public static Invoice invoice(RegistrationConfirmed confirmed) {
        return Invoice.issue(UUID.randomUUID().toString(), "2026-000042", confirmed, SELLER, ISSUED, 30);
    }

    /** The customer cancels the first {@code count} participants at {@code requestedAt}. */
    public static RegistrationCancelled customerCancels(RegistrationConfirmed confirmed, int count,
                                                        Instant requestedAt) {
        return SampleConfirmation.cancelled(confirmed, count, "CUSTOMER", requestedAt);
    }

    public static RegistrationCancelled tourCancelled(RegistrationConfirmed confirmed) {
        return SampleConfirmation.cancelled(confirmed, confirmed.details().participants().size(), "TOUR_CANCELLED",
                Instant.parse("2027-05-01T10:00:00Z"));
    }
}
