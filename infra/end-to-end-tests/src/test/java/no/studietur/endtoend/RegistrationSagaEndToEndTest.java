package no.studietur.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.studietur.localstack.ReceivedMail;
import no.studietur.testsupport.Http;
import no.studietur.testsupport.TestInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * One registration through the whole saga, over all four services: RegistrationPlaced → SeatsReserved →
 * RegistrationConfirmed → InvoiceIssued, and the e-mails in the SMTP server; then a participant cancels and
 * billing credits the place less the agreed fee.
 */
class RegistrationSagaEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final Platform platform = Platform.shared();

    @Test
    void aRegistrationEndsConfirmedWithAnInvoiceAndEMailsToEveryone() {
        Http registration = Http.at(platform.port("registration"));
        Http operatorBilling = Http.operatorAt(platform.port("billing"));
        Http operatorNotification = Http.operatorAt(platform.port("notification"));
        JsonNode tour = Http.at(platform.port("catalog")).get("/api/tours/aalborg-modellen").json();
        int seatsBefore = tour.path("seatsLeft").asInt();

        // The registration service learns of the demo tour from the catalog's TourPublished event.
        Http.Response[] accepted = new Http.Response[1];
        Http.await(() -> (accepted[0] = registration.post("/api/registrations", request())).status() == 202, WAIT,
                "the registration read model to know the tour");
        String id = accepted[0].json().path("id").asString();

        Http.await(() -> "CONFIRMED".equals(registration.get("/api/registrations/" + id).json().path("status").asString()),
                WAIT, "registration " + id + " confirmed");
        assertThat(Http.at(platform.port("catalog")).get("/api/tours/aalborg-modellen").json().path("seatsLeft").asInt())
                .isEqualTo(seatsBefore - 2);

        Http.await(() -> operatorBilling.get("/api/invoices?registrationId=" + id).json().size() == 1, WAIT,
                "invoice issued");
        JsonNode invoice = operatorBilling.get("/api/invoices?registrationId=" + id).json().get(0);
        assertThat(invoice.path("payableAmount").path("amount").asString()).isEqualTo("21980.00");
        assertThat(invoice.path("buyer").path("address").path("buyerReference").asString()).isEqualTo("4100-ELDRE");

        // without an invoice e-mail of its own the invoice goes to the contact person, PDF attached
        Http.await(() -> mailTo("e2e-").size() == 5, WAIT, "five e-mails delivered");
        assertThat(mailTo("e2e-kontakt@")).satisfiesExactlyInAnyOrder(
                mail -> assertThat(mail.subject()).startsWith("Påmelding mottatt"),
                mail -> assertThat(mail.subject()).startsWith("Påmelding bekreftet"),
                mail -> assertThat(mail.attachments()).singleElement().asString().startsWith("Faktura-"));
        assertThat(mailTo("e2e-ola@")).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).startsWith("Plassen din er bekreftet"));
        assertThat(mailTo("e2e-britt@")).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).startsWith("Din plats är bekräftad"));
        Http.await(() -> operatorNotification.get("/api/messages?registrationId=" + id).json()
                .findValuesAsString("status").equals(List.of("SENT", "SENT", "SENT", "SENT", "SENT")), WAIT,
                "messages recorded as sent");

        String britt = registration.get("/api/registrations/" + id).json().path("participants").get(1)
                .path("participantId").asString();
        assertThat(registration.post("/api/registrations/" + id + "/cancellation",
                "{\"participantIds\":[\"" + britt + "\"]}").status()).isEqualTo(202);
        Http.await(() -> operatorBilling.get("/api/invoices?registrationId=" + id).json().get(0).path("creditNotes")
                .size() == expectedCreditNotes(tour), WAIT, "the cancellation credited");
        JsonNode credited = operatorBilling.get("/api/invoices?registrationId=" + id).json().get(0);
        assertThat(credited.path("outstandingAmount").path("amount").asString())
                .isEqualTo(expectedCreditNotes(tour) == 1 ? "16485.00" : "21980.00");
    }

    /** The demo tour's policy: 50 % from binding (half the place credited), 100 % later than 15 days before. */
    private static int expectedCreditNotes(JsonNode tour) {
        LocalDate start = LocalDate.parse(tour.path("startDate").asString());
        return ChronoUnit.DAYS.between(LocalDate.now(ZoneId.of(tour.path("timeZone").asString())), start) >= 15 ? 1 : 0;
    }

    private static List<ReceivedMail> mailTo(String prefix) {
        return TestInfrastructure.get().receivedMailTo(prefix);
    }

    private static String request() {
        return """
                {"tourId":"aalborg-modellen",
                 "organisation":{"name":"Bærum kommune","organisationNumber":"964200092","country":"NO"},
                 "contact":{"name":"Kari Kontakt","email":"e2e-kontakt@example.no","phone":"+4790000000"},
                 "invoice":{"street":"Postboks 700","postcode":"1304","town":"Sandvika","country":"NO",
                            "buyerReference":"4100-ELDRE","delivery":"EHF"},
                 "participants":[
                   {"fullName":"Ola Nordmann","jobTitle":"Enhetsleder","email":"e2e-ola@example.no","language":"nb"},
                   {"fullName":"Britt Svensson","jobTitle":"Strateg","email":"e2e-britt@example.se","language":"sv"}],
                 "heardAbout":"Nyhetsbrev","acceptedTerms":true}""";
    }
}
