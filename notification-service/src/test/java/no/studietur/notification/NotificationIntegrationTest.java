package no.studietur.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.messaging.Message;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import no.studietur.contracts.DomainEvent;
import no.studietur.contracts.EventJson;
import no.studietur.contracts.EventType;
import no.studietur.contracts.Topics;
import no.studietur.contracts.billing.InvoiceIssued;
import no.studietur.contracts.common.Participant;
import no.studietur.contracts.registration.ParticipantSubstituted;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.contracts.registration.RegistrationPlaced;
import no.studietur.contracts.registration.RegistrationWaitlisted;
import no.studietur.contracts.tour.TourPublished;
import no.studietur.contracts.tour.TourSnapshot;
import no.studietur.contracts.tour.TourUpdated;
import no.studietur.localstack.ReceivedMail;
import no.studietur.messaging.EventDispatcher;
import no.studietur.notification.message.MessageComposer;
import no.studietur.notification.message.MessageSender;
import no.studietur.notification.message.Notifications;
import no.studietur.notification.tour.TourPrograms;
import no.studietur.testsupport.AsyncApiDocument;
import no.studietur.testsupport.Http;
import no.studietur.testsupport.SampleConfirmation;
import no.studietur.testsupport.TestInfrastructure;
import no.studietur.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/** Every message over a real broker, store and SMTP server: content, language, exactly once, faults. */
@SpringBootTest(classes = NotificationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + NotificationApplication.CONFIG_NAME,
                "studietur.notification.retry-interval=100ms", "studietur.notification.breaker-open-for=1s"})
class NotificationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant EARLY = Instant.parse("2027-01-10T09:00:00Z");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification");
    }

    @LocalServerPort
    int port;

    private Http operator() {
        return Http.operatorAt(port);
    }

    private static List<ReceivedMail> mailTo(String address) {
        return TestInfrastructure.get().receivedMailTo(address);
    }

    private static ReceivedMail awaitMail(String address, String subjectStart) {
        Http.await(() -> mailTo(address).stream().anyMatch(mail -> mail.subject().startsWith(subjectStart)), WAIT,
                "\"" + subjectStart + "\" to " + address);
        return mailTo(address).stream().filter(mail -> mail.subject().startsWith(subjectStart)).findFirst().orElseThrow();
    }

    private JsonNode messagesOf(String registrationId) {
        return operator().get("/api/messages?registrationId=" + registrationId).json();
    }

    @Autowired
    TourPrograms tourPrograms;

    /**
     * Publishes the tour and waits until notification knows it: the tour and registration events travel on
     * different topics, so without waiting a registration event may overtake its tour.
     */
    private void publish(RegistrationConfirmed confirmed) {
        TopicProbe.send(new TourPublished(confirmed.tourId(), Samples.snapshot(confirmed.tour()), Instant.now()));
        Http.await(() -> tourPrograms.find(confirmed.tourId()).isPresent(), WAIT, "the tour known to notification");
    }

    private static Participant participant(String name, String email, String language) {
        return SampleConfirmation.participant(name, email, language);
    }

    @Test
    void aConfirmationGoesToTheContactAndEveryParticipantOnceInTheirLanguageWithProgramAndCalendar()
            throws Exception {
        String ola = Samples.address("ola");
        String britt = Samples.address("britt");
        RegistrationConfirmed confirmed = Samples.confirmed(List.of(
                participant("Ola <script>alert(1)</script> Nordmann", ola, "nb"),
                participant("Britt Åsa Sámi-Ŋ Svensson 🙂", britt, "sv")));
        String contact = confirmed.details().contact().email();
        publish(confirmed);

        try (TopicProbe notifications = new TopicProbe(Topics.NOTIFICATIONS)) {
            String eventId = TopicProbe.send(confirmed);
            TopicProbe.send(confirmed, eventId);
            notifications.awaitCount(record -> confirmed.tourId().equals(record.key())
                    && EventType.MESSAGE_SENT.ceType().equals(record.type()), 3, WAIT);
            assertThat(notifications.drain(Duration.ofSeconds(1)).stream().filter(record -> confirmed.tourId()
                    .equals(record.key()))).as("one MessageSent per recipient").hasSize(3);
        }
        assertThat(mailTo(contact)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Påmelding bekreftet: Studietur til Aalborg");
            assertThat(mail.text()).contains("Asker kommune", "50 %", "15 dager", "Postboks 353")
                    .containsPattern("Totalt: 21\\h980,00 NOK");
            assertThat(mail.html()).contains("Ola &lt;script&gt;alert(1)&lt;/script&gt; Nordmann")
                    .doesNotContain("<script>");
        });
        assertThat(mailTo(ola)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Plassen din er bekreftet: Studietur til Aalborg");
            assertThat(mail.html()).contains("Lindholm Brygge", "Visitasjonsleder", "Overnatting 2 netter",
                    "Flyreisen", "SK1234", "Reiseleder Randi Reiseleder", "glutenfri");
            assertThat(mail.attachments()).containsExactly("studietur.ics");
        });
        assertThat(mailTo(britt)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Din plats är bekräftad: Studietur til Aalborg");
            assertThat(mail.text()).contains("Hej Britt Åsa Sámi-Ŋ Svensson 🙂", "31 maj 2027", "Program:");
        });

        JsonNode messages = messagesOf(confirmed.registrationId());
        assertThat(messages.size()).isEqualTo(3);
        assertThat(messages.findValuesAsString("status")).containsOnly("SENT");
        assertThat(messages.findValuesAsString("language")).containsExactlyInAnyOrder("nb", "nb", "sv");
        assertThat(operator().get("/api/messages?registrationId=" + confirmed.registrationId() + "&page=1").json())
                .isEmpty();
        assertThat(operator().get("/api/messages?page=-1").status()).isEqualTo(400);
        String olaMessage = messageTo(messages, ola).path("id").asString();
        assertThat(operator().get("/api/messages/" + olaMessage).json().path("text").asString()).contains("Program");
        assertThat(operator().get("/api/messages/" + olaMessage + "/html").body()).contains("Lindholm Brygge");

        String ics = operator().get("/api/messages/" + olaMessage + "/attachments/studietur.ics").body();
        var calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(3);
        assertThat(events.get(0).getSummary().getValue()).isEqualTo("Studietur til Aalborg");
        assertThat(events.get(1).getSummary().getValue()).isEqualTo("Tildelingsenheten");
        // 09:00 in Copenhagen on 1 June (summer time) is 07:00 UTC
        assertThat(events.get(1).getDateTimeStart().getValue()).isEqualTo("20270601T070000Z");
        assertThat(events.get(1).getLocation().getValue()).contains("Lindholm Brygge");
    }

    private static JsonNode messageTo(JsonNode messages, String recipient) {
        for (JsonNode message : messages) {
            if (message.path("recipient").asString().equals(recipient)) {
                return message;
            }
        }
        throw new AssertionError("No message to " + recipient + " in " + messages);
    }

    /**
     * The registration and tour topics are read side by side, so a receipt can be due before this service has read
     * the tour it is for; the title and language then come from the registration event itself.
     */
    @Test
    void aReceiptNamesItsTourBeforeThisServiceHasReadTheTour() {
        RegistrationConfirmed onAnUnreadTour = Samples.confirmed(List.of(participant("Ola Nordmann",
                Samples.address("ola"), "nb")));
        String contact = onAnUnreadTour.details().contact().email();

        TopicProbe.send(new RegistrationPlaced(onAnUnreadTour.registrationId(), onAnUnreadTour.tourId(),
                onAnUnreadTour.tour(), onAnUnreadTour.details(), "WEB", Instant.now()));

        assertThat(awaitMail(contact, "Påmelding mottatt: ").subject())
                .isEqualTo("Påmelding mottatt: Studietur til Aalborg");
        assertThat(tourPrograms.find(onAnUnreadTour.tourId())).isEmpty();
    }

    @Test
    void everyOtherOccasionReachesTheRightPeople(@Autowired Notifications notifications) {
        String ola = Samples.address("ola");
        String kari = Samples.address("kari");
        RegistrationConfirmed confirmed = Samples.confirmed(List.of(participant("Ola Nordmann", ola, "nb"),
                participant("Kari Nordmann", kari, "nn")));
        String contact = confirmed.details().contact().email();
        publish(confirmed);

        TopicProbe.send(new RegistrationPlaced(confirmed.registrationId(), confirmed.tourId(), confirmed.tour(),
                confirmed.details(), "WEB", Instant.now()));
        assertThat(awaitMail(contact, "Påmelding mottatt: Studietur til Aalborg").text())
                .contains("Asker kommune", "bindende", "Ola Nordmann");

        TopicProbe.send(new RegistrationWaitlisted(confirmed.registrationId(), confirmed.tourId(), confirmed.tour(),
                confirmed.details(), 3, Instant.now()));
        assertThat(awaitMail(contact, "På venteliste").text()).contains("nummer 3");
        assertThat(awaitMail(kari, "På venteliste").text()).contains("nummer 3 på ventelista");

        RegistrationConfirmed promoted = new RegistrationConfirmed(confirmed.registrationId(), confirmed.tourId(),
                confirmed.tour(), confirmed.details(), confirmed.agreedPolicy(), true, confirmed.placedAt(),
                Instant.now());
        TopicProbe.send(promoted);
        assertThat(awaitMail(contact, "Ledige plasser – påmelding bekreftet").text()).contains("ventelisten");
        assertThat(awaitMail(kari, "Du har fått plass").text()).contains("Hei Kari Nordmann", "han er din");

        TopicProbe.send(SampleConfirmation.cancelled(confirmed, 1, "CUSTOMER", EARLY));
        assertThat(awaitMail(contact, "Avbestilling bekreftet").text()).contains("Ola Nordmann", "50 %")
                .containsPattern("5\\h495,00 NOK");
        assertThat(awaitMail(ola, "Avbestilling bekreftet").text()).contains("50 %");

        String colleague = Samples.address("siri");
        Participant replacement = new Participant(confirmed.details().participants().get(1).participantId(),
                "Siri Sjøberg", "Rådgiver", null, null, colleague, null, null, "da");
        TopicProbe.send(new ParticipantSubstituted(confirmed.registrationId(), confirmed.tourId(),
                confirmed.details().participants().get(1), replacement, Instant.now()));
        ReceivedMail toColleague = awaitMail(colleague, "Du overtager en plads");
        assertThat(toColleague.text()).contains("Kari Nordmann", "Lindholm Brygge");
        assertThat(toColleague.attachments()).containsExactly("studietur.ics");
        assertThat(awaitMail(contact, "Deltaker endret").text()).contains("Siri Sjøberg overtar plassen til Kari Nordmann");

        String invoiceEmail = Samples.address("faktura");
        InvoiceIssued invoice = Samples.invoice(confirmed, invoiceEmail);
        TopicProbe.send(invoice);
        ReceivedMail invoiceMail = awaitMail(invoiceEmail, "Faktura: Studietur til Aalborg");
        assertThat(invoiceMail.attachments()).containsExactly("Faktura-2026-000777.pdf");
        assertThat(invoiceMail.text()).contains("2026-000777", "20260007779", "12345678903", "EHF");
        TopicProbe.send(Samples.overdue(invoice));
        assertThat(awaitMail(invoiceEmail, "Betalingspåminnelse").text()).contains("2026-000777")
                .containsPattern("20\\h980,00 NOK");

        RegistrationConfirmed other = Samples.confirmed(List.of(participant("Per Persen", Samples.address("per"),
                "en")));
        TopicProbe.send(other);
        TopicProbe.send(SampleConfirmation.cancelled(other, 1, "TOUR_CANCELLED", Instant.now()));
        assertThat(awaitMail(other.details().contact().email(), "Avlyst").text()).contains("krediteres");
        assertThat(awaitMail(other.details().participants().getFirst().email(), "Cancelled: Studietur til Aalborg")
                .text()).contains("credited in full");

        RegistrationConfirmed soon = Samples.startingIn(Samples.confirmed(List.of(
                participant("Liv Lund", Samples.address("liv"), "sv"))), 3);
        TopicProbe.send(soon);
        awaitMail(soon.details().contact().email(), "Påmelding bekreftet");
        notifications.sendReminders();
        notifications.sendReminders();
        ReceivedMail reminder = awaitMail(soon.details().participants().getFirst().email(), "Snart dags att resa");
        assertThat(reminder.attachments()).containsExactly("studietur.ics");
        awaitMail(soon.details().contact().email(), "Snart avreise");
        assertThat(mailTo(soon.details().participants().getFirst().email())).as("one reminder").hasSize(2);
    }

    @Test
    void everyMessageRendersInEveryLanguageWithUserInputEscaped(@Autowired MessageComposer composer) {
        RegistrationConfirmed confirmed = Samples.confirmed(List.of(
                participant("<b>Ola</b> & Co", "ola@example.no", "nb")));
        InvoiceIssued invoice = Samples.invoice(confirmed, "faktura@example.no");
        Map<String, Object> variables = new HashMap<>();
        variables.put("registrationId", confirmed.registrationId());
        variables.put("tour", confirmed.tour());
        variables.put("tourTitle", confirmed.tour().title());
        variables.put("program", Samples.snapshot(confirmed.tour()));
        variables.put("details", confirmed.details());
        variables.put("policy", confirmed.agreedPolicy());
        variables.put("total", confirmed.tour().pricePerParticipant());
        variables.put("participant", confirmed.details().participants().getFirst());
        variables.put("previous", confirmed.details().participants().getFirst());
        variables.put("replacement", confirmed.details().participants().getFirst());
        variables.put("cancelled", confirmed.details().participants());
        variables.put("feePercent", 50);
        variables.put("fee", confirmed.tour().pricePerParticipant());
        variables.put("wholeRegistration", true);
        variables.put("position", 2);
        variables.put("invoice", invoice);
        variables.put("overdue", Samples.overdue(invoice));
        variables.put("contact", true);
        variables.put("recipientName", "<b>Ola</b> & Co");
        Map<String, String> templateOf = Map.ofEntries(
                Map.entry("registration-received", "registration-received"),
                Map.entry("registration-confirmed-contact", "registration-confirmed-contact"),
                Map.entry("promoted-contact", "registration-confirmed-contact"),
                Map.entry("registration-confirmed-participant", "registration-confirmed-participant"),
                Map.entry("promoted-participant", "registration-confirmed-participant"),
                Map.entry("substitute-participant", "registration-confirmed-participant"),
                Map.entry("registration-waitlisted", "registration-waitlisted"),
                Map.entry("cancellation-confirmed", "cancellation-confirmed"),
                Map.entry("tour-cancelled", "tour-cancelled"),
                Map.entry("substitution-contact", "substitution-contact"),
                Map.entry("invoice-issued", "invoice-issued"),
                Map.entry("payment-reminder", "payment-reminder"),
                Map.entry("tour-reminder", "tour-reminder"));
        for (String language : List.of("nb", "nn", "sv", "da", "en")) {
            for (var kind : templateOf.entrySet()) {
                Map<String, Object> forKind = new HashMap<>(variables);
                forKind.put("substitute", kind.getKey().startsWith("substitute"));
                forKind.put("promoted", kind.getKey().startsWith("promoted"));
                var rendered = composer.render(kind.getKey(), kind.getValue(), language, forKind);
                String where = kind.getKey() + " in " + language;
                assertThat(rendered.subject()).as(where).endsWith("Studietur til Aalborg").doesNotContain("??");
                assertThat(rendered.text()).as(where).contains("<b>Ola</b> & Co").doesNotContain("??");
                assertThat(rendered.html()).as(where).contains("&lt;b&gt;Ola&lt;/b&gt; &amp; Co")
                        .doesNotContain("<b>Ola").doesNotContain("??").contains("lang=\"" + language + "\"");
            }
        }
    }

    @Test
    void aMessageThatKeepsFailingEndsFailedVisiblyAndAnOperatorCanResendIt() {
        RegistrationConfirmed confirmed = Samples.confirmed(List.of(participant("Ola Nordmann", "ola@", "nb")));
        try (TopicProbe notifications = new TopicProbe(Topics.NOTIFICATIONS)) {
            TopicProbe.send(confirmed);
            notifications.await(record -> confirmed.tourId().equals(record.key())
                    && EventType.MESSAGE_FAILED.ceType().equals(record.type()), WAIT);
        }
        JsonNode failed = messageTo(messagesOf(confirmed.registrationId()), "ola@");
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("attempts").asInt()).isEqualTo(8);
        assertThat(failed.path("lastError").asString()).isNotBlank();

        Http.Response resent = operator().post("/api/messages/" + failed.path("id").asString() + "/resend", "");
        assertThat(resent.status()).isEqualTo(202);
        assertThat(resent.json().path("resends").asInt()).isEqualTo(1);

        String contact = confirmed.details().contact().email();
        JsonNode sent = messageTo(messagesOf(confirmed.registrationId()), contact);
        assertThat(mailTo(contact)).hasSize(1);
        operator().post("/api/messages/" + sent.path("id").asString() + "/resend", "");
        Http.await(() -> mailTo(contact).size() == 2, WAIT, "the resent message delivered again");
        assertThat(operator().post("/api/messages/no-such-message/resend", "").status()).isEqualTo(404);
        assertThat(Http.at(port).get("/api/messages").status()).isEqualTo(401);
    }

    @Test
    void anSmtpOutageLosesNothingBlocksNoConsumerAndTheBacklogDrainsByItself(
            @Autowired JavaMailSenderImpl mail, @Autowired MessageSender sender) throws IOException {
        int smtpPort = mail.getPort();
        List<RegistrationConfirmed> registrations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            registrations.add(Samples.confirmed(List.of(participant("A " + i, Samples.address("a" + i), "nb"),
                    participant("B " + i, Samples.address("b" + i), "sv"))));
        }
        try {
            mail.setPort(closedPort());
            registrations.forEach(TopicProbe::send);
            // the consumer records every intent while nothing can be sent
            Http.await(() -> registrations.stream().allMatch(registration ->
                    messagesOf(registration.registrationId()).size() == 3), WAIT, "all 30 messages recorded");
            Http.await(() -> sender.breakerState() == CircuitBreaker.State.OPEN
                    || sender.breakerState() == CircuitBreaker.State.HALF_OPEN, WAIT, "the breaker to open");
            assertThat(registrations.stream().flatMap(registration -> messagesOf(registration.registrationId())
                    .findValuesAsString("status").stream())).doesNotContain("SENT", "FAILED");
        } finally {
            mail.setPort(smtpPort);
        }
        long recovered = System.nanoTime();
        Http.await(() -> registrations.stream().allMatch(registration -> messagesOf(registration.registrationId())
                .findValuesAsString("status").stream().allMatch("SENT"::equals)), WAIT, "the backlog drained");
        System.out.printf("SMTP outage: 30 messages drained %.1f s after the server came back%n",
                (System.nanoTime() - recovered) / 1e9);
        for (RegistrationConfirmed registration : registrations) {
            assertThat(mailTo(registration.details().contact().email())).hasSize(1);
            registration.details().participants().forEach(participant ->
                    assertThat(mailTo(participant.email())).hasSize(1));
        }
    }

    /**
     * Each occasion asks for its tour's program; it is read from the store once and kept, and a tour event this
     * instance consumes replaces the kept copy at once.
     */
    @Test
    void aTourProgramIsKeptOnceReadAndReplacedAtOnceByAnUpdate(@Autowired MongoTemplate mongo) {
        RegistrationConfirmed confirmed = Samples.confirmed(List.of(participant("Program", Samples.address("program"),
                "nb")));
        publish(confirmed);
        TourSnapshot published = tourPrograms.find(confirmed.tourId()).orElseThrow();

        mongo.updateFirst(Query.query(Criteria.where("_id").is(confirmed.tourId())),
                Update.update("tour.title", "Changed in the store alone"), "tours");
        assertThat(tourPrograms.find(confirmed.tourId())).as("the kept copy, not read again").contains(published);

        TourSnapshot moved = Samples.snapshot(Samples.startingIn(confirmed, 40).tour());
        TopicProbe.send(new TourUpdated(confirmed.tourId(), moved, Instant.now()));
        // well before the kept copy would have expired by itself (10 s)
        Http.await(() -> tourPrograms.find(confirmed.tourId()).map(TourSnapshot::startDate).orElseThrow()
                .equals(moved.startDate()), Duration.ofSeconds(5), "the updated program");
    }

    /** Records wait in the consumer only briefly: each costs milliseconds here, so it fetches few at a time. */
    @Test
    void theConsumerFetchesAFewRecordsAtATime(@Autowired Environment environment) {
        // the Kafka client settings the binder hands the consumer, as the binder reads them
        assertThat(Binder.get(environment).bind("spring.cloud.stream.kafka.bindings.events-in-0.consumer.configuration",
                Bindable.mapOf(String.class, String.class)).get())
                .containsEntry("max.poll.records", "50").containsEntry("max.partition.fetch.bytes", "65536");
    }

    /** Prints the sending rate (a figure for docs/benchmarks.md, not a timing assertion). */
    @Test
    void aBurstOfConfirmationsIsDeliveredOncePerRecipient() {
        List<RegistrationConfirmed> burst = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            burst.add(Samples.confirmed(List.of(participant("A " + i, Samples.address("burst-a" + i), "nb"),
                    participant("B " + i, Samples.address("burst-b" + i), "da"))));
        }
        try (TopicProbe notifications = new TopicProbe(Topics.NOTIFICATIONS)) {
            long started = System.nanoTime();
            burst.forEach(TopicProbe::send);
            Set<String> tours = burst.stream().map(RegistrationConfirmed::tourId)
                    .collect(Collectors.toSet());
            notifications.awaitCount(record -> tours.contains(record.key())
                    && EventType.MESSAGE_SENT.ceType().equals(record.type()), 300, Duration.ofSeconds(120));
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Burst: 300 e-mails (100 confirmations) recorded, rendered and sent in %.1f s: "
                    + "%.0f e-mails/s%n", seconds, 300 / seconds);
        }
        burst.forEach(registration -> assertThat(mailTo(registration.details().contact().email())).hasSize(1));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void publishesAnAsyncApiDocumentThatMatchesWhatTheServiceHandlesAndSends(
            @Autowired Consumer<Message<byte[]>> events) {
        AsyncApiDocument.ofService().assertDescribes(((EventDispatcher) events).handledTypes(),
                List.of(EventType.MESSAGE_SENT, EventType.MESSAGE_FAILED), port);
    }
}
