package no.studietur.notification;

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

import no.studietur.contracts.EventJson;
import no.studietur.contracts.EventType;
import no.studietur.contracts.Topics;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.localstack.ReceivedMail;
import no.studietur.testsupport.Http;
import no.studietur.testsupport.SampleConfirmation;
import no.studietur.testsupport.TestInfrastructure;
import no.studietur.testsupport.TopicProbe;

@SpringBootTest(classes = NotificationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + NotificationApplication.CONFIG_NAME)
class NotificationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification");
    }

    @LocalServerPort
    int port;

    @Test
    void mailsTheContactAndEachParticipantInTheirLanguageExactlyOnce() {
        String tourId = "tour-" + UUID.randomUUID();
        String ola = "ola-" + UUID.randomUUID() + "@example.no";
        String britt = "britt-" + UUID.randomUUID() + "@example.se";
        RegistrationConfirmed confirmed = SampleConfirmation.of(tourId, List.of(
                SampleConfirmation.participant("Ola <script>alert(1)</script> Nordmann", ola, "nb"),
                SampleConfirmation.participant("Britt Åsa Sámi-Ŋ Svensson 🙂", britt, "sv")));
        String contact = confirmed.details().contact().email();
        String data = new String(EventJson.write(confirmed));
        String eventId = UUID.randomUUID().toString();

        try (TopicProbe notifications = new TopicProbe(Topics.NOTIFICATIONS)) {
            TopicProbe.send(Topics.REGISTRATIONS, tourId, eventId, EventType.REGISTRATION_CONFIRMED.ceType(), data);
            TopicProbe.send(Topics.REGISTRATIONS, tourId, eventId, EventType.REGISTRATION_CONFIRMED.ceType(), data);

            notifications.awaitCount(record -> tourId.equals(record.key())
                    && EventType.MESSAGE_SENT.ceType().equals(record.type()), 3, WAIT);
        }
        assertThat(mailTo(contact)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Påmelding bekreftet: Studietur til Aalborg");
            assertThat(mail.text()).contains("Asker kommune", "50 %", "15 dager").containsPattern("Totalt: 21\\h980,00 NOK");
            assertThat(mail.html()).contains("Ola &lt;script&gt;alert(1)&lt;/script&gt; Nordmann")
                    .doesNotContain("<script>");
        });
        assertThat(mailTo(ola)).singleElement().satisfies(mail ->
                assertThat(mail.subject()).isEqualTo("Plassen din er bekreftet: Studietur til Aalborg"));
        assertThat(mailTo(britt)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Din plats är bekräftad: Studietur til Aalborg");
            assertThat(mail.text()).contains("Hej Britt Åsa Sámi-Ŋ Svensson 🙂", "31 maj 2027");
        });

        var messages = Http.at(port).as(TestInfrastructure.OPERATOR, TestInfrastructure.OPERATOR)
                .get("/api/messages?registrationId=" + confirmed.registrationId()).json();
        assertThat(messages.size()).isEqualTo(3);
        assertThat(messages.findValuesAsString("status")).containsOnly("SENT");
        assertThat(messages.findValuesAsString("language")).containsExactlyInAnyOrder("nb", "nb", "sv");
    }

    @Test
    void publishesAnAsyncApiDocumentThatMatchesWhatTheServiceHandlesAndSends(
            @Autowired Consumer<Message<byte[]>> events) {
        AsyncApiDocument.ofService().assertDescribes(((EventDispatcher) events).handledTypes(),
                List.of(EventType.MESSAGE_SENT, EventType.MESSAGE_FAILED), port);
    }

    private static List<ReceivedMail> mailTo(String address) {
        return TestInfrastructure.get().receivedMail().stream()
                .filter(mail -> mail.to().stream().anyMatch(to -> to.contains(address))).toList();
    }
}
