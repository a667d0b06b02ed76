package no.studietur.billing;

import org.springframework.beans.factory.annotation.Autowired;
import no.studietur.testsupport.AsyncApiDocument;
import no.studietur.messaging.EventDispatcher;
import org.springframework.messaging.Message;
import java.util.function.Consumer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import no.studietur.billing.invoice.Kid;
import no.studietur.contracts.EventJson;
import no.studietur.contracts.EventType;
import no.studietur.contracts.Topics;
import no.studietur.contracts.billing.InvoiceIssued;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.testsupport.Http;
import no.studietur.testsupport.SampleConfirmation;
import no.studietur.testsupport.TestInfrastructure;
import no.studietur.testsupport.TopicProbe;

@SpringBootTest(classes = BillingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + BillingApplication.CONFIG_NAME)
class BillingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "billing");
    }

    @LocalServerPort
    int port;

    @Test
    void issuesExactlyOneInvoicePerConfirmedRegistrationEvenWhenTheEventComesAgain() {
        String tourId = "tour-" + UUID.randomUUID();
        RegistrationConfirmed confirmed = SampleConfirmation.of(tourId, List.of(
                SampleConfirmation.participant("Ola Nordmann", "ola@example.no", "nb"),
                SampleConfirmation.participant("Britt Svensson", "britt@example.se", "sv")));
        String data = new String(EventJson.write(confirmed));
        String eventId = UUID.randomUUID().toString();
        try (TopicProbe billing = new TopicProbe(Topics.BILLING)) {
            TopicProbe.send(Topics.REGISTRATIONS, tourId, eventId, EventType.REGISTRATION_CONFIRMED.ceType(), data);
            TopicProbe.send(Topics.REGISTRATIONS, tourId, eventId, EventType.REGISTRATION_CONFIRMED.ceType(), data);
            TopicProbe.send(Topics.REGISTRATIONS, tourId, UUID.randomUUID().toString(),
                    EventType.REGISTRATION_CONFIRMED.ceType(), data);

            var issued = billing.await(record -> tourId.equals(record.key())
                    && EventType.INVOICE_ISSUED.ceType().equals(record.type()), WAIT);
            InvoiceIssued invoice = EventJson.read(issued.data().getBytes(), InvoiceIssued.class);
            assertThat(invoice.registrationId()).isEqualTo(confirmed.registrationId());
            assertThat(invoice.lines()).hasSize(2);
            assertThat(invoice.payableAmount()).isEqualTo(Money.of("21980", "NOK"));
            assertThat(invoice.dueDate()).isEqualTo(invoice.issueDate().plusDays(30));
            assertThat(Kid.isValid(invoice.kid())).isTrue();
            assertThat(invoice.buyer().organisation().organisationNumber()).isEqualTo("944382038");
            assertThat(billing.drain(Duration.ofSeconds(2))).filteredOn(record -> tourId.equals(record.key())).hasSize(1);
        }
        var operator = Http.at(port).as(TestInfrastructure.OPERATOR, TestInfrastructure.OPERATOR);
        var invoices = operator.get("/api/invoices?registrationId=" + confirmed.registrationId());
        assertThat(invoices.status()).isEqualTo(200);
        assertThat(invoices.json().size()).isEqualTo(1);
        String invoiceId = invoices.json().get(0).path("id").asString();
        assertThat(operator.get("/api/invoices/" + invoiceId).json().path("kid").asString()).matches("\\d+");
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
                List.of(EventType.INVOICE_ISSUED), port);
    }
}
