package no.studietur.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import no.studietur.contracts.billing.BillingParty;
import no.studietur.contracts.billing.InvoiceIssued;
import no.studietur.contracts.billing.InvoiceLine;
import no.studietur.contracts.billing.InvoiceOverdue;
import no.studietur.contracts.billing.Seller;
import no.studietur.contracts.billing.VatSubtotal;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.Participant;
import no.studietur.contracts.common.TourSummary;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.contracts.tour.ProgramItem;
import no.studietur.contracts.tour.TourSnapshot;
import no.studietur.contracts.tour.TravelSuggestion;
import no.studietur.testsupport.SampleConfirmation;

/** The events notification reacts to, with the details the e-mails show. */
final class Samples {

    static final Seller SELLER = new Seller("Studietur AS", "923456783", true, "Storgata 1", "0155", "Oslo", "NO",
            "12345678903", "faktura@studietur.no", "+47 22 00 00 00");

    private Samples() {
    }

    static String address(String name) {
        return name + "-" + UUID.randomUUID() + "@example.no";
    }

    static RegistrationConfirmed confirmed(List<Participant> participants) {
        return SampleConfirmation.of("tour-" + UUID.randomUUID(), participants);
    }

    /** The same registration on a tour that starts in {@code days} days. */
    static RegistrationConfirmed startingIn(RegistrationConfirmed confirmed, int days) {
        TourSummary tour = confirmed.tour();
        LocalDate start = LocalDate.now().plusDays(days);
        return new RegistrationConfirmed(confirmed.registrationId(), confirmed.tourId(), new TourSummary(
                tour.tourId(), tour.kind(), tour.title(), tour.place(), tour.country(), tour.timeZone(), start,
                start.plusDays(2), tour.pricePerParticipant(), tour.vat(), tour.language()), confirmed.details(),
                confirmed.agreedPolicy(), confirmed.promotedFromWaitlist(), confirmed.placedAt(),
                confirmed.confirmedAt());
    }

    static TourSnapshot snapshot(TourSummary tour) {
        return new TourSnapshot(tour.kind(), tour.title(), "Tildeling og rehabilitering", tour.place(),
                "Aalborg Kommune", tour.country(), tour.timeZone(), tour.startDate(), tour.endDate(),
                Instant.parse("2027-05-16T21:59:59Z"), tour.pricePerParticipant(), tour.vat(), 30, null,
                List.of("nb", "sv"), "PUBLISHED", "Tre dager i Aalborg", "Ledere", "Reiseleder Randi Reiseleder",
                List.of(new ProgramItem(tour.startDate().plusDays(1), LocalTime.of(9, 0), LocalTime.of(12, 0), "VISIT",
                        "Tildelingsenheten", "Lindholm Brygge", "Lindholm Brygge 31, Aalborg", "Aalborg Kommune",
                        List.of("Visitasjonsleder"), List.of("Saksbehandling")),
                        new ProgramItem(tour.startDate().plusDays(1), LocalTime.of(13, 0), LocalTime.of(15, 30),
                                "LECTURE", "Rehabilitering før pleie", "Aalborg Rådhus", null, null,
                                List.of("Direktør for ældre og handicap"), List.of())),
                List.of("Overnatting 2 netter"), List.of("Flyreisen"),
                List.of(new TravelSuggestion("SAS", "SK1234", "OSL", "AAL",
                        LocalDateTime.of(tour.startDate(), LocalTime.of(7, 40)),
                        LocalDateTime.of(tour.startDate(), LocalTime.of(8, 55)), Money.of("2200", "NOK"))),
                27);
    }

    static InvoiceIssued invoice(RegistrationConfirmed confirmed, String invoiceEmail) {
        var invoice = confirmed.details().invoice();
        BillingParty buyer = new BillingParty(confirmed.details().organisation(),
                new no.studietur.contracts.common.InvoiceAddress(invoice.street(), invoice.postcode(), invoice.town(),
                        invoice.country(), invoice.buyerReference(), invoice.delivery(), invoiceEmail));
        Money price = confirmed.tour().pricePerParticipant();
        List<InvoiceLine> lines = confirmed.details().participants().stream().map(participant -> new InvoiceLine(
                confirmed.tour().title() + ": " + participant.fullName(), participant.participantId(), 1, price,
                confirmed.tour().vat(), price)).toList();
        Money total = price.times(lines.size());
        Money zero = Money.of("0", price.currency());
        return new InvoiceIssued(UUID.randomUUID().toString(), "2026-000777", InvoiceIssued.TYPE_CODE,
                confirmed.registrationId(), confirmed.tourId(), confirmed.tour(), SELLER, buyer,
                LocalDate.parse("2026-11-23"), LocalDate.parse("2026-12-23"), price.currency(), lines,
                List.of(new VatSubtotal(confirmed.tour().vat(), total, zero)), total, zero, total, "20260007779");
    }

    static InvoiceOverdue overdue(InvoiceIssued invoice) {
        return new InvoiceOverdue(invoice.invoiceId(), invoice.invoiceNumber(), invoice.registrationId(),
                invoice.tourId(), invoice.buyer(), invoice.kid(), invoice.issueDate(), invoice.dueDate(),
                invoice.payableAmount(), invoice.payableAmount().minus(Money.of("1000", "NOK")),
                invoice.dueDate().plusDays(1));
    }
}
