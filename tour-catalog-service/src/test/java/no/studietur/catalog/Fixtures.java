package no.studietur.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import no.studietur.catalog.seat.SeatCount;
import no.studietur.catalog.tour.Program;
import no.studietur.catalog.tour.Tour;
import no.studietur.catalog.tour.TourKind;
import no.studietur.catalog.tour.TourStatus;
import no.studietur.contracts.EventJson;
import no.studietur.contracts.EventType;
import no.studietur.contracts.Topics;
import no.studietur.contracts.common.CancellationPolicy;
import no.studietur.contracts.common.CancellationTier;
import no.studietur.contracts.common.ContactPerson;
import no.studietur.contracts.common.InvoiceAddress;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.Organisation;
import no.studietur.contracts.common.Participant;
import no.studietur.contracts.common.RegistrationDetails;
import no.studietur.contracts.common.VatTreatment;
import no.studietur.contracts.registration.RegistrationPlaced;
import no.studietur.testsupport.TopicProbe;

/** A draft tour and registrations for it, as the catalog's tests need them. */
final class Fixtures {

    private Fixtures() {
    }

    static Tour draftTour(int capacity) {
        return new Tour("test-" + UUID.randomUUID(), TourKind.SEMINAR, "Testseminar", "Kort", "Lang", "Ledere",
                new Program.Destination("Odense", "Odense Kommune", "DK"), "Europe/Copenhagen",
                LocalDate.now().plusMonths(3), LocalDate.now().plusMonths(3), List.of(), "Reiseleder",
                Money.of("5000", "NOK"), new VatTreatment("Z", BigDecimal.ZERO, null), List.of(), List.of(), List.of(),
                1, Instant.now().plus(Duration.ofDays(30)),
                new CancellationPolicy(List.of(new CancellationTier(null, 50), new CancellationTier(15, 100)), true),
                List.of("nb"), List.of(), TourStatus.DRAFT, SeatCount.of(capacity), 0);
    }

    static RegistrationPlaced registration(String tourId, int participants) {
        List<Participant> people = IntStream.range(0, participants)
                .mapToObj(i -> new Participant(UUID.randomUUID().toString(), "Deltaker " + i, null, null, null,
                        "d" + i + "@example.no", null, null, "nb")).toList();
        return new RegistrationPlaced(UUID.randomUUID().toString(), tourId, null, new RegistrationDetails(
                new Organisation("Asker kommune", "944382038", "NO"),
                new ContactPerson("Kontakt", "kontakt@example.no", "+4790000000"),
                new InvoiceAddress("Postboks 353", "1372", "Asker", "NO", "REF", "EHF", "faktura@example.no"),
                people, null), "API", Instant.now());
    }

    /** Publishes the registration as registration-service would, under the given event id. */
    static void send(RegistrationPlaced registration, String eventId) {
        TopicProbe.send(Topics.REGISTRATIONS, registration.tourId(), eventId, EventType.REGISTRATION_PLACED.ceType(),
                new String(EventJson.write(registration)));
    }

    static RegistrationPlaced place(String tourId, int participants) {
        RegistrationPlaced registration = registration(tourId, participants);
        send(registration, UUID.randomUUID().toString());
        return registration;
    }
}
