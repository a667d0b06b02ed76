package no.studietur.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.Message;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import no.studietur.billing.document.PeppolRules;
import no.studietur.billing.invoice.InvoiceService;
import no.studietur.billing.invoice.Kid;
import no.studietur.billing.payment.PaymentService;
import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.EventJson;
import no.studietur.contracts.EventType;
import no.studietur.contracts.Topics;
import no.studietur.contracts.billing.CreditNoteIssued;
import no.studietur.contracts.billing.InvoiceIssued;
import no.studietur.contracts.billing.InvoiceOverdue;
import no.studietur.contracts.billing.PaymentRecorded;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.Participant;
import no.studietur.contracts.registration.ParticipantSubstituted;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.messaging.EventDispatcher;
import no.studietur.testsupport.AsyncApiDocument;
import no.studietur.testsupport.Http;
import no.studietur.testsupport.SampleConfirmation;
import no.studietur.testsupport.TestInfrastructure;
import no.studietur.testsupport.TopicProbe;

/** Every billing path over the real broker and store: events in, documents and finance events out. */
@SpringBootTest(classes = BillingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + BillingApplication.CONFIG_NAME)
class BillingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final Instant EARLY = Instant.parse("2027-01-10T09:00:00Z");
    private static final Instant LATE = Instant.parse("2027-05-20T09:00:00Z");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "billing");
    }

    @LocalServerPort
    int port;

    private Http operator() {
        return Http.operatorAt(port);
    }

    private static <T extends DomainEvent> T awaitEvent(TopicProbe billing, String tourId, Class<T> eventClass) {
        var record = billing.await(received -> tourId.equals(received.key())
                && EventType.of(eventClass).ceType().equals(received.type()), WAIT);
        return EventJson.read(record.data().getBytes(), eventClass);
    }

    private static long count(TopicProbe billing, String tourId, Class<? extends DomainEvent> eventClass) {
        return billing.drain(QUIET).stream().filter(received -> tourId.equals(received.key())
                && EventType.of(eventClass).ceType().equals(received.type())).count();
    }

    @Test
    void issuesExactlyOneInvoicePerConfirmedRegistrationEvenWhenTheEventComesAgain() {
        RegistrationConfirmed confirmed = BillingSamples.confirmation();
        String tourId = confirmed.tourId();
        try (TopicProbe billing = new TopicProbe(Topics.BILLING)) {
            String eventId = TopicProbe.send(confirmed);
            TopicProbe.send(confirmed, eventId);
            TopicProbe.send(confirmed);

            InvoiceIssued invoice = awaitEvent(billing, tourId, InvoiceIssued.class);
            assertThat(invoice.documentTypeCode()).isEqualTo("380");
            assertThat(invoice.registrationId()).isEqualTo(confirmed.registrationId());
            assertThat(invoice.lines()).hasSize(2);
            assertThat(invoice.payableAmount()).isEqualTo(Money.of("21980", "NOK"));
            assertThat(invoice.vatBreakdown()).singleElement()
                    .satisfies(vat -> assertThat(vat.vat().category()).isEqualTo("Z"));
            assertThat(invoice.dueDate()).isEqualTo(invoice.issueDate().plusDays(30));
            assertThat(Kid.isValid(invoice.kid())).isTrue();
            assertThat(invoice.seller().organisationNumber()).isEqualTo("923456783");
            assertThat(invoice.buyer().organisation().organisationNumber()).isEqualTo("944382038");
            assertThat(count(billing, tourId, InvoiceIssued.class)).isEqualTo(1);

            JsonNode stored = operator().get("/api/invoices?registrationId=" + confirmed.registrationId()).json();
            assertThat(stored.size()).isEqualTo(1);
            assertThat(stored.get(0).path("invoiceNumber").asString()).isEqualTo(invoice.invoiceNumber());
            assertThat(stored.get(0).path("status").asString()).isEqualTo("ISSUED");

            Http.Response ehf = operator().get("/api/invoices/" + invoice.invoiceId() + "/ehf");
            assertThat(ehf.status()).isEqualTo(200);
            assertThat(ehf.contentType()).startsWith("application/xml");
            PeppolRules.assertValidInvoice(ehf.body());
            Http.Response pdf = operator().get("/api/invoices/" + invoice.invoiceId() + "/pdf");
            assertThat(pdf.contentType()).isEqualTo("application/pdf");
            assertThat(pdf.body()).startsWith("%PDF-");
        }
    }

    @Test
    void creditsACancellationLessTheAgreedFeeOnceAndALateOneNotAtAll() {
        RegistrationConfirmed confirmed = BillingSamples.confirmation();
        String tourId = confirmed.tourId();
        try (TopicProbe billing = new TopicProbe(Topics.BILLING)) {
            TopicProbe.send(confirmed);
            InvoiceIssued invoice = awaitEvent(billing, tourId, InvoiceIssued.class);

            String cancellation = TopicProbe.send(BillingSamples.customerCancels(confirmed, 1, EARLY));
            TopicProbe.send(BillingSamples.customerCancels(confirmed, 1, EARLY), cancellation);
            CreditNoteIssued note = awaitEvent(billing, tourId, CreditNoteIssued.class);
            assertThat(note.documentTypeCode()).isEqualTo("381");
            assertThat(note.invoiceNumber()).isEqualTo(invoice.invoiceNumber());
            assertThat(note.creditNoteNumber()).startsWith("K");
            assertThat(note.creditedAmount()).isEqualTo(Money.of("5495", "NOK"));
            assertThat(note.reason()).isEqualTo("CUSTOMER");

            TopicProbe.send(BillingSamples.customerCancels(confirmed, 2, LATE));
            assertThat(count(billing, tourId, CreditNoteIssued.class)).as("one credit note, none for the late one")
                    .isEqualTo(1);
        }
        JsonNode stored = operator().get("/api/invoices?registrationId=" + confirmed.registrationId()).json().get(0);
        assertThat(stored.path("creditNotes").size()).isEqualTo(1);
        assertThat(stored.path("outstandingAmount").path("amount").asString()).isEqualTo("16485.00");
        String creditNoteId = stored.path("creditNotes").get(0).path("id").asString();
        Http.Response ehf = operator().get("/api/invoices/" + stored.path("id").asString() + "/credit-notes/"
                + creditNoteId + "/ehf");
        PeppolRules.assertValidCreditNote(ehf.body());
        assertThat(operator().get("/api/invoices/" + stored.path("id").asString() + "/credit-notes/" + creditNoteId
                + "/pdf").body()).startsWith("%PDF-");
    }

    @Test
    void aTourCancelledByTheOperatorCreditsEverything() {
        RegistrationConfirmed confirmed = BillingSamples.confirmation();
        try (TopicProbe billing = new TopicProbe(Topics.BILLING)) {
            TopicProbe.send(confirmed);
            InvoiceIssued invoice = awaitEvent(billing, confirmed.tourId(), InvoiceIssued.class);
            TopicProbe.send(BillingSamples.tourCancelled(confirmed));

            CreditNoteIssued note = awaitEvent(billing, confirmed.tourId(), CreditNoteIssued.class);
            assertThat(note.reason()).isEqualTo("TOUR_CANCELLED");
            assertThat(note.creditedAmount()).isEqualTo(invoice.payableAmount());
        }
        assertThat(operator().get("/api/invoices?status=CREDITED&registrationId=" + confirmed.registrationId())
                .json().size()).isEqualTo(1);
    }

    @Test
    void aRegistrationCancelledBeforeItWasInvoicedCostsNothing() {
        RegistrationConfirmed neverConfirmed = BillingSamples.confirmation();
        try (TopicProbe billing = new TopicProbe(Topics.BILLING)) {
            TopicProbe.send(BillingSamples.customerCancels(neverConfirmed, 2, LATE));
            assertThat(count(billing, neverConfirmed.tourId(), CreditNoteIssued.class)).isZero();
        }
        assertThat(operator().get("/api/invoices?registrationId=" + neverConfirmed.registrationId()).json().size())
                .isZero();
    }

    @Test
    void aSubstitutionOnlyChangesTheNameOnTheInvoice() {
        RegistrationConfirmed confirmed = BillingSamples.confirmation();
        Participant previous = confirmed.details().participants().getFirst();
        Participant colleague = SampleConfirmation.participant("Kari Kollega", "kari@example.no", "nn");
        Participant replacement = new Participant(previous.participantId(), colleague.fullName(), colleague.jobTitle(),
                colleague.department(), colleague.mobile(), colleague.email(), null, null, "nn");
        String invoiceId;
        try (TopicProbe billing = new TopicProbe(Topics.BILLING)) {
            TopicProbe.send(confirmed);
            invoiceId = awaitEvent(billing, confirmed.tourId(), InvoiceIssued.class).invoiceId();
            ParticipantSubstituted substituted = new ParticipantSubstituted(confirmed.registrationId(),
                    confirmed.tourId(), previous, replacement, Instant.now());
            String eventId = TopicProbe.send(substituted);
            TopicProbe.send(substituted, eventId);
            Http.await(() -> operator().get("/api/invoices/" + invoiceId).body().contains("Kari Kollega"), WAIT,
                    "the colleague's name on the invoice");
            assertThat(count(billing, confirmed.tourId(), CreditNoteIssued.class)).isZero();
        }
        JsonNode invoice = operator().get("/api/invoices/" + invoiceId).json();
        assertThat(invoice.path("payableAmount").path("amount").asString()).isEqualTo("21980.00");
        assertThat(invoice.path("substitutions").size()).isEqualTo(1);
        assertThat(invoice.path("lines").get(0).path("description").asString()).endsWith(": Kari Kollega");
        assertThat(operator().get("/api/invoices/" + invoiceId + "/ehf").body()).contains("Kari Kollega")
                .doesNotContain("Ola Nordmann");
    }

    @Test
    void financeRecordsPaymentsByKidOrInvoiceNumberAndOverdueInvoicesAreReportedOnce(
            @Autowired PaymentService payments) {
        RegistrationConfirmed paying = BillingSamples.confirmation();
        RegistrationConfirmed late = BillingSamples.confirmation();
        try (TopicProbe billing = new TopicProbe(Topics.BILLING)) {
            TopicProbe.send(paying);
            TopicProbe.send(late);
            InvoiceIssued invoice = awaitEvent(billing, paying.tourId(), InvoiceIssued.class);
            InvoiceIssued unpaid = awaitEvent(billing, late.tourId(), InvoiceIssued.class);

            Http.Response partly = operator().post("/api/payments", payment("kid", invoice.kid(), "10000", "bank-1"));
            assertThat(partly.status()).isEqualTo(201);
            assertThat(partly.json().path("status").asString()).isEqualTo("PARTIALLY_PAID");
            assertThat(operator().post("/api/payments", payment("kid", invoice.kid(), "10000", "bank-1")).status())
                    .as("the same bank reference again").isEqualTo(200);
            assertThat(operator().post("/api/payments", payment("kid", invoice.kid(), "999", "bank-1")).status())
                    .as("the same reference with another amount").isEqualTo(409);
            Http.Response rest = operator().post("/api/payments",
                    payment("invoiceNumber", invoice.invoiceNumber(), "11980", "bank-2"));
            assertThat(rest.json().path("status").asString()).isEqualTo("PAID");
            assertThat(rest.json().path("payments").size()).isEqualTo(2);

            List<PaymentRecorded> recorded = billing.awaitCount(received -> paying.tourId().equals(received.key())
                    && EventType.PAYMENT_RECORDED.ceType().equals(received.type()), 2, WAIT).stream()
                    .map(received -> EventJson.read(received.data().getBytes(), PaymentRecorded.class)).toList();
            assertThat(recorded).extracting(PaymentRecorded::invoiceStatus).containsExactly("PARTIALLY_PAID", "PAID");
            assertThat(recorded.getLast().outstandingAmount()).isEqualTo(Money.of("0", "NOK"));
            assertThat(count(billing, paying.tourId(), PaymentRecorded.class)).isEqualTo(2);

            LocalDate afterDueDate = unpaid.dueDate().plusDays(1);
            assertThat(payments.reportOverdue(afterDueDate)).isGreaterThanOrEqualTo(1);
            payments.reportOverdue(afterDueDate.plusDays(1));
            InvoiceOverdue overdue = awaitEvent(billing, late.tourId(), InvoiceOverdue.class);
            assertThat(overdue.invoiceNumber()).isEqualTo(unpaid.invoiceNumber());
            assertThat(overdue.outstandingAmount()).isEqualTo(unpaid.payableAmount());
            assertThat(overdue.buyer().address().email()).isEqualTo("faktura@example.no");
            assertThat(count(billing, late.tourId(), InvoiceOverdue.class)).isEqualTo(1);
            assertThat(count(billing, paying.tourId(), InvoiceOverdue.class)).as("paid in time").isZero();
        }
    }

    @Test
    void refusesPaymentsThatMatchNothingOrMakeNoSense() {
        String unknownKid = Kid.of("1999-999999");
        assertThat(operator().post("/api/payments", payment("kid", unknownKid, "100", "x-1")).status()).isEqualTo(422);
        Http.Response badCheckDigit = operator().post("/api/payments",
                payment("kid", unknownKid.substring(0, unknownKid.length() - 1)
                        + (char) ('0' + (unknownKid.charAt(unknownKid.length() - 1) - '0' + 1) % 10), "100", "x-2"));
        assertThat(badCheckDigit.status()).isEqualTo(400);
        assertThat(badCheckDigit.contentType()).startsWith("application/problem+json");
        assertThat(badCheckDigit.body()).contains("kid");
        assertThat(operator().post("/api/payments", payment("kid", unknownKid, "-5", "x-3")).status()).isEqualTo(400);
        assertThat(operator().post("/api/payments", payment("kid", unknownKid, "1.234", "x-4")).status()).isEqualTo(400);
        assertThat(operator().post("/api/payments", "{\"amount\":\"100\",\"currency\":\"NOK\",\"paidOn\":\"2026-11-01\","
                + "\"reference\":\"x-5\"}").status()).as("neither KID nor invoice number").isEqualTo(400);
        assertThat(operator().post("/api/payments", "[]").status()).isEqualTo(400);
        assertThat(Http.at(port).post("/api/payments", payment("kid", unknownKid, "100", "x-6")).status())
                .isEqualTo(401);
    }

    private static String payment(String by, String value, String amount, String reference) {
        return """
                {"%s": "%s", "amount": "%s", "currency": "NOK", "paidOn": "%s", "reference": "%s"}"""
                .formatted(by, value, amount, LocalDate.now(InvoiceService.BOOKKEEPING_ZONE).minusDays(1), reference);
    }

    @Test
    void listsInvoicesByOrganisationAndStatus() {
        RegistrationConfirmed swedish = BillingSamples.swedishBuyer(BillingSamples.confirmation(), "KS-42");
        try (TopicProbe billing = new TopicProbe(Topics.BILLING)) {
            TopicProbe.send(swedish);
            awaitEvent(billing, swedish.tourId(), InvoiceIssued.class);
        }
        JsonNode byOrganisation = operator().get("/api/invoices?organisationNumber=2120000142&status=ISSUED").json();
        assertThat(byOrganisation.size()).isGreaterThanOrEqualTo(1);
        byOrganisation.forEach(invoice -> assertThat(invoice.path("buyer").path("organisation")
                .path("organisationNumber").asString()).isEqualTo("2120000142"));
        assertThat(operator().get("/api/invoices?status=NONSENSE").status()).isEqualTo(400);
        assertThat(operator().get("/api/invoices?size=100000").status()).isEqualTo(400);
        assertThat(operator().get("/api/invoices/no-such-invoice").status()).isEqualTo(404);
    }

    @Test
    void invoicesAreForOperatorsOnly() {
        assertThat(Http.at(port).get("/api/invoices").status()).isEqualTo(401);
        assertThat(Http.at(port).as("operator", "wrong").get("/api/invoices").status()).isEqualTo(401);
        assertThat(Http.at(port).get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void publishesAnAsyncApiDocumentThatMatchesWhatTheServiceHandlesAndSends(
            @Autowired Consumer<Message<byte[]>> events) {
        AsyncApiDocument.ofService().assertDescribes(((EventDispatcher) events).handledTypes(),
                List.of(EventType.INVOICE_ISSUED, EventType.CREDIT_NOTE_ISSUED, EventType.PAYMENT_RECORDED,
                        EventType.INVOICE_OVERDUE), port);
    }
}
