package no.studietur.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import no.studietur.contracts.billing.BillingParty;
import no.studietur.contracts.billing.CreditNoteIssued;
import no.studietur.contracts.billing.InvoiceIssued;
import no.studietur.contracts.billing.InvoiceLine;
import no.studietur.contracts.billing.InvoiceOverdue;
import no.studietur.contracts.billing.PaymentRecorded;
import no.studietur.contracts.billing.Seller;
import no.studietur.contracts.billing.VatSubtotal;
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
import no.studietur.contracts.notification.MessageFailed;
import no.studietur.contracts.notification.MessageSent;
import no.studietur.contracts.registration.CancellationRequested;
import no.studietur.contracts.registration.ParticipantSubstituted;
import no.studietur.contracts.registration.RegistrationCancelled;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.contracts.registration.RegistrationPlaced;
import no.studietur.contracts.registration.RegistrationWaitlisted;
import no.studietur.contracts.seat.SeatsRejected;
import no.studietur.contracts.seat.SeatsReleased;
import no.studietur.contracts.seat.SeatsReserved;
import no.studietur.contracts.seat.SeatsWaitlisted;
import no.studietur.contracts.tour.TourCancelled;
import no.studietur.contracts.tour.ProgramItem;
import no.studietur.contracts.tour.TourPublished;
import no.studietur.contracts.tour.TourRegistrationClosed;
import no.studietur.contracts.tour.TourSnapshot;
import no.studietur.contracts.tour.TravelSuggestion;
import no.studietur.contracts.tour.TourUpdated;

/** One fully populated example of every event type, the same as the golden JSON files. */
final class SampleEvents {

    static final String TOUR = "tour-aalborg-2027";
    static final String REGISTRATION = "0b7f5f0e-3c1a-4d4e-9a57-2f7c1d7d9a10";
    static final Instant AT = Instant.parse("2027-03-01T09:30:00Z");
    static final Money PRICE = Money.of("10990", "NOK");
    static final VatTreatment EXEMPT = new VatTreatment("E", BigDecimal.ZERO, "Kurs og undervisning, mval. § 3-5");
    static final CancellationPolicy POLICY = new CancellationPolicy(
            List.of(new CancellationTier(null, 50), new CancellationTier(15, 100)), true);
    static final Participant OLA = new Participant("p-1", "Ola Nordmann", "Enhetsleder", "Hjemmetjenesten",
            "+4791111111", "ola@example.no", "glutenfri", null, "nb");
    static final Participant KARI = new Participant("p-1", "Kari Nordmann", "Fagleder", "Hjemmetjenesten",
            "+4792222222", "kari@example.no", null, "rullestol", "nn");
    static final RegistrationDetails DETAILS = new RegistrationDetails(
            new Organisation("Asker kommune", "944382038", "NO"),
            new ContactPerson("Kari Nordmann", "kari@example.no", "+4790000000"),
            new InvoiceAddress("Postboks 353", "1372", "Asker", "NO", "4100-ELDRE", "EHF", "faktura@example.no"),
            List.of(OLA), "Nyhetsbrev");
    static final TourSummary SUMMARY = new TourSummary(TOUR, "STUDY_TOUR", "Aalborg-modellen", "Aalborg", "DK",
            "Europe/Copenhagen", LocalDate.parse("2027-05-31"), LocalDate.parse("2027-06-02"), PRICE, EXEMPT, "nb");
    static final TourSnapshot SNAPSHOT = new TourSnapshot("STUDY_TOUR", "Aalborg-modellen",
            "Tildeling og rehabilitering i Aalborg", "Aalborg", "Aalborg Kommune", "DK", "Europe/Copenhagen",
            LocalDate.parse("2027-05-31"), LocalDate.parse("2027-06-02"), Instant.parse("2027-05-16T21:59:59Z"),
            PRICE, EXEMPT, 30, POLICY, List.of("nb", "sv"), "PUBLISHED",
            "Tildeling, rehabilitering og helsefremming i Aalborg kommune", "Ledere i tildelingsenheter",
            "Reiseleder fra Studietur",
            List.of(new ProgramItem(LocalDate.parse("2027-06-01"), LocalTime.parse("09:00"), LocalTime.parse("12:00"),
                    "VISIT", "Tildelingsenheten", "Tildelingsenheten, Lindholm Brygge", "Lindholm Brygge, Aalborg",
                    "Aalborg Kommune", List.of("Visitasjonsleder, Tildelingsenheten"), List.of("Saksbehandling"))),
            List.of("Overnatting i enkeltrom 2 netter med frokost"), List.of("Flyreisen"),
            List.of(new TravelSuggestion("SAS", null, "OSL", "AAL", LocalDateTime.parse("2027-05-31T17:40"),
                    LocalDateTime.parse("2027-05-31T18:55"), Money.of("2200", "NOK"))),
            27);
    static final BillingParty BUYER = new BillingParty(DETAILS.organisation(), DETAILS.invoice());
    static final InvoiceLine LINE = new InvoiceLine("Studietur Aalborg 31.05.–02.06.2027: Ola Nordmann", "p-1", 1,
            PRICE, EXEMPT, PRICE);
    static final VatSubtotal VAT = new VatSubtotal(EXEMPT, PRICE, Money.of("0", "NOK"));
    static final Seller SELLER = new Seller("Studietur AS", "923456783", true, "Storgata 1", "0155", "Oslo", "NO",
            "12345678903", "faktura@studietur.no", "+47 22 00 00 00");

    private SampleEvents() {
    }

    static DomainEvent of(EventType type) {
        return switch (type) {
            case TOUR_PUBLISHED -> new TourPublished(TOUR, SNAPSHOT, AT);
            case TOUR_UPDATED -> new TourUpdated(TOUR, SNAPSHOT, AT);
            case TOUR_REGISTRATION_CLOSED -> new TourRegistrationClosed(TOUR, "DEADLINE", AT);
            case TOUR_CANCELLED -> new TourCancelled(TOUR, "Too few participants", AT);
            case REGISTRATION_PLACED -> new RegistrationPlaced(REGISTRATION, TOUR, SUMMARY, DETAILS, "WEB", AT);
            case REGISTRATION_CONFIRMED -> new RegistrationConfirmed(REGISTRATION, TOUR, SUMMARY, DETAILS, POLICY,
                    false, AT, AT.plusSeconds(1));
            case REGISTRATION_WAITLISTED -> new RegistrationWaitlisted(REGISTRATION, TOUR, SUMMARY, DETAILS, 3, AT);
            case CANCELLATION_REQUESTED -> new CancellationRequested(REGISTRATION, TOUR, List.of("p-1"), true, AT);
            case REGISTRATION_CANCELLED -> new RegistrationCancelled(REGISTRATION, TOUR, SUMMARY, DETAILS,
                    List.of("p-1"), true, "CUSTOMER", POLICY, AT.minusSeconds(86_400), AT, AT.plusSeconds(2));
            case PARTICIPANT_SUBSTITUTED -> new ParticipantSubstituted(REGISTRATION, TOUR, OLA, KARI, AT);
            case SEATS_RESERVED -> new SeatsReserved(TOUR, REGISTRATION, 1, false, 29, AT);
            case SEATS_WAITLISTED -> new SeatsWaitlisted(TOUR, REGISTRATION, 1, 3, AT);
            case SEATS_RELEASED -> new SeatsReleased(TOUR, REGISTRATION, List.of("p-1"), 1, 1, AT);
            case SEATS_REJECTED -> new SeatsRejected(TOUR, REGISTRATION, "DEADLINE_PASSED", AT);
            case INVOICE_ISSUED -> new InvoiceIssued("inv-1", "2027-000001", InvoiceIssued.TYPE_CODE, REGISTRATION,
                    TOUR, SUMMARY, SELLER, BUYER, LocalDate.parse("2027-03-01"), LocalDate.parse("2027-03-31"), "NOK",
                    List.of(LINE), List.of(VAT), PRICE, Money.of("0", "NOK"), PRICE, "20270000017");
            case CREDIT_NOTE_ISSUED -> new CreditNoteIssued("cn-1", "K2027-000001", CreditNoteIssued.TYPE_CODE,
                    "inv-1", "2027-000001", LocalDate.parse("2027-03-01"), REGISTRATION, TOUR, SUMMARY, SELLER, BUYER,
                    LocalDate.parse("2027-04-01"), "NOK", List.of(LINE), List.of(VAT), PRICE, Money.of("0", "NOK"),
                    PRICE, "TOUR_CANCELLED", "20270000017");
            case PAYMENT_RECORDED -> new PaymentRecorded("pay-1", "inv-1", "2027-000001", REGISTRATION, TOUR, PRICE,
                    LocalDate.parse("2027-03-20"), "20270000017", "BANK-2027-03-20-0042", Money.of("0", "NOK"),
                    "PAID");
            case INVOICE_OVERDUE -> new InvoiceOverdue("inv-1", "2027-000001", REGISTRATION, TOUR, BUYER,
                    "20270000017", LocalDate.parse("2027-03-01"), LocalDate.parse("2027-03-31"), PRICE, PRICE,
                    LocalDate.parse("2027-04-01"));
            case MESSAGE_SENT -> new MessageSent("msg-1", REGISTRATION, TOUR, "REGISTRATION_CONFIRMED",
                    "ola@example.no", "nb", AT);
            case MESSAGE_FAILED -> new MessageFailed("msg-1", REGISTRATION, TOUR, "REGISTRATION_CONFIRMED",
                    "ola@example.no", "nb", "550 mailbox unavailable", 5, AT);
        };
    }
}
