package no.studietur.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.catalina.connector.Connector;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.messaging.Message;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import no.studietur.contracts.EventJson;
import no.studietur.contracts.EventType;
import no.studietur.contracts.Topics;
import no.studietur.contracts.common.CancellationPolicy;
import no.studietur.contracts.common.CancellationTier;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.VatTreatment;
import no.studietur.contracts.registration.CancellationRequested;
import no.studietur.contracts.registration.ParticipantSubstituted;
import no.studietur.contracts.registration.RegistrationCancelled;
import no.studietur.contracts.registration.RegistrationConfirmed;
import no.studietur.contracts.registration.RegistrationPlaced;
import no.studietur.contracts.seat.SeatsReleased;
import no.studietur.contracts.seat.SeatsReserved;
import no.studietur.contracts.seat.SeatsWaitlisted;
import no.studietur.contracts.tour.TourCancelled;
import no.studietur.contracts.tour.TourPublished;
import no.studietur.contracts.tour.TourRegistrationClosed;
import no.studietur.contracts.tour.TourSnapshot;
import no.studietur.messaging.EventDispatcher;
import no.studietur.registration.registration.Registration;
import no.studietur.testsupport.AsyncApiDocument;
import no.studietur.testsupport.Http;
import no.studietur.testsupport.StoreCommands;
import no.studietur.testsupport.TestInfrastructure;
import no.studietur.testsupport.TopicProbe;

@SpringBootTest(classes = {RegistrationApplication.class, StoreCommands.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // These tests poll fast from one address; the limits have their own test (PartnerIntegrationTest).
        properties = {"spring.config.name=" + RegistrationApplication.CONFIG_NAME,
                "studietur.registration.rate-limit.address-per-second=100000"})
class RegistrationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "registration");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private String tourId;

    @BeforeEach
    void publishTour() {
        tourId = "tour-" + UUID.randomUUID();
        publish(tourId, "PUBLISHED", Instant.now().plus(Duration.ofDays(30)));
    }

    @Test
    void acceptsARegistrationAndPublishesItForTheSeatDecision() {
        try (TopicProbe registrations = new TopicProbe(Topics.REGISTRATIONS)) {
            var response = Http.at(port).post("/api/registrations", request(tourId, "Ola Nordmann"));

            assertThat(response.status()).isEqualTo(202);
            String id = response.json().path("id").asString();
            assertThat(response.location()).isEqualTo("/api/registrations/" + id);
            assertThat(response.json().path("status").asString()).isEqualTo("PENDING");

            var placed = registrations.await(record -> EventType.REGISTRATION_PLACED.ceType().equals(record.type())
                    && id.equals(record.headers().get("ce_subject")), WAIT);
            assertThat(placed.key()).isEqualTo(tourId);
            RegistrationPlaced event = EventJson.read(placed.data().getBytes(), RegistrationPlaced.class);
            assertThat(event.details().participants()).singleElement()
                    .satisfies(participant -> assertThat(participant.fullName()).isEqualTo("Ola Nordmann"));
            assertThat(event.details().organisation().organisationNumber()).isEqualTo("944382038");
        }
    }

    /**
     * A request is observed once, by the HTTP server (the request metrics), not once more in each of Spring
     * Security's filters: that cost a twentieth of this service's CPU under load, for traces nobody reads.
     */
    @Test
    void aRequestIsObservedByTheServerAloneNotInEachSecurityFilter(@Autowired ObservationRegistry observations) {
        List<String> observed = new CopyOnWriteArrayList<>();
        AtomicBoolean recording = new AtomicBoolean(true);
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return recording.get();
            }

            @Override
            public void onStart(Observation.Context context) {
                observed.add(context.getName());
            }
        });
        try {
            assertThat(Http.at(port).post("/api/registrations", request(tourId, "Observert Person")).status())
                    .isEqualTo(202);
        } finally {
            recording.set(false);
        }
        assertThat(observed).contains("http.server.requests").noneMatch(name -> name.startsWith("spring.security"));
    }

    /**
     * A rush's connections wait to be accepted in a listen queue of 1 024, not Tomcat's 100: beyond the queue the
     * kernel drops handshakes, and their requests failed without an answer instead of getting a 429.
     */
    @Test
    void theServerKeepsRoomForARushOfConnectionsWaitingToBeAccepted(
            @Autowired WebServerApplicationContext context) {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("acceptCount")).isEqualTo(1024);
    }

    @Test
    void confirmsOnSeatsReservedOnceEvenWhenTheDecisionIsRedelivered() {
        String id = Http.at(port).post("/api/registrations", request(tourId, "Kari Nordmann")).json().path("id").asString();
        try (TopicProbe registrations = new TopicProbe(Topics.REGISTRATIONS)) {
            String decisionId = UUID.randomUUID().toString();
            String decision = new String(EventJson.write(new SeatsReserved(tourId, id, 1, false, 9, Instant.now())));
            TopicProbe.send(Topics.SEATS, tourId, decisionId, EventType.SEATS_RESERVED.ceType(), decision);
            TopicProbe.send(Topics.SEATS, tourId, decisionId, EventType.SEATS_RESERVED.ceType(), decision);

            Http.await(() -> "CONFIRMED".equals(status(id)), WAIT, "registration confirmed");
            var confirmed = registrations.await(record -> EventType.REGISTRATION_CONFIRMED.ceType().equals(record.type())
                    && id.equals(record.headers().get("ce_subject")), WAIT);
            RegistrationConfirmed event = EventJson.read(confirmed.data().getBytes(), RegistrationConfirmed.class);
            assertThat(event.tour().pricePerParticipant()).isEqualTo(Money.of("10990", "NOK"));
            assertThat(event.agreedPolicy().tiers()).hasSize(2);
            assertThat(registrations.drain(Duration.ofSeconds(1))).filteredOn(record ->
                    EventType.REGISTRATION_CONFIRMED.ceType().equals(record.type())
                            && id.equals(record.headers().get("ce_subject"))).hasSize(1);
        }
        assertThat(mongo.findById(id, Document.class, "registrations").getList("handledEvents", String.class))
                .hasSize(1);
    }

    /**
     * A rush on one tour is let in only as fast as the catalog decides its seats: past the bound of undecided
     * registrations the answer is 429 with Retry-After, and nothing is stored, nor the tour even read (a rush is
     * mostly refusals); a decision lets the next one in.
     */
    @Test
    void aTourWithTooManyUndecidedRegistrationsAnswers429UntilOneIsDecided(
            @Value("${studietur.registration.admission.undecided-per-tour}") int undecidedPerTour) {
        List<String> admitted = new ArrayList<>();
        for (int i = 0; i < undecidedPerTour; i++) {
            var response = Http.at(port).post("/api/registrations", request(tourId, "Deltaker " + i));
            assertThat(response.status()).isEqualTo(202);
            admitted.add(response.json().path("id").asString());
        }

        long tourReadsBefore = tourReads();
        var refused = Http.at(port).post("/api/registrations", request(tourId, "Én for mye"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(tourReads()).isEqualTo(tourReadsBefore);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.retryAfter()).isEqualTo("1");
        assertThat(refused.json().path("detail").asString()).contains("waiting for their seat decision");
        assertThat(mongo.count(Query.query(Criteria.where("tourId").is(tourId)), "registrations"))
                .isEqualTo(undecidedPerTour);

        TopicProbe.send(Topics.SEATS, tourId, UUID.randomUUID().toString(), EventType.SEATS_WAITLISTED.ceType(),
                new String(EventJson.write(new SeatsWaitlisted(tourId, admitted.getFirst(), 1, 1, Instant.now()))));
        Http.await(() -> Http.at(port).post("/api/registrations", request(tourId, "Neste i køen")).status() == 202,
                WAIT, "a registration admitted once one was decided");
        assertThat(Http.at(port).post("/api/registrations", request(tourId, "Enda en")).status()).isEqualTo(429);
    }

    @Test
    void showsTheWaitlistPosition() {
        String id = Http.at(port).post("/api/registrations", request(tourId, "Per Hansen")).json().path("id").asString();
        TopicProbe.send(Topics.SEATS, tourId, UUID.randomUUID().toString(), EventType.SEATS_WAITLISTED.ceType(),
                new String(EventJson.write(new SeatsWaitlisted(tourId, id, 1, 4, Instant.now()))));

        Http.await(() -> "WAITLISTED".equals(status(id)), WAIT, "registration waitlisted");
        assertThat(Http.at(port).get("/api/registrations/" + id).json().path("waitlistPosition").asInt()).isEqualTo(4);
    }

    @Test
    void aWaitingRegistrationIsConfirmedWhenPromotedAndARejectedOneSaysWhy() {
        String waiting = Http.at(port).post("/api/registrations", request(tourId, "Per Hansen")).json().path("id").asString();
        TopicProbe.send(Topics.SEATS, tourId, UUID.randomUUID().toString(), EventType.SEATS_WAITLISTED.ceType(),
                new String(EventJson.write(new SeatsWaitlisted(tourId, waiting, 1, 1, Instant.now()))));
        Http.await(() -> "WAITLISTED".equals(status(waiting)), WAIT, "waitlisted");
        try (TopicProbe registrations = new TopicProbe(Topics.REGISTRATIONS)) {
            TopicProbe.send(Topics.SEATS, tourId, UUID.randomUUID().toString(), EventType.SEATS_RESERVED.ceType(),
                    new String(EventJson.write(new SeatsReserved(tourId, waiting, 1, true, 0, Instant.now()))));
            Http.await(() -> "CONFIRMED".equals(status(waiting)), WAIT, "promoted and confirmed");
            var confirmed = registrations.await(record -> waiting.equals(record.headers().get("ce_subject"))
                    && EventType.REGISTRATION_CONFIRMED.ceType().equals(record.type()), WAIT);
            assertThat(EventJson.read(confirmed.data().getBytes(), RegistrationConfirmed.class).promotedFromWaitlist()).isTrue();
        }
        assertThat(Http.at(port).get("/api/registrations/" + waiting).json().path("waitlistPosition").isNull()).isTrue();

        String late = Http.at(port).post("/api/registrations", request(tourId, "Kari Nordmann")).json().path("id").asString();
        TopicProbe.send(Topics.SEATS, tourId, UUID.randomUUID().toString(), EventType.SEATS_REJECTED.ceType(),
                new String(EventJson.write(new no.studietur.contracts.seat.SeatsRejected(tourId, late, "DEADLINE_PASSED",
                        Instant.now()))));
        Http.await(() -> "REJECTED".equals(status(late)), WAIT, "rejected");
        assertThat(Http.at(port).get("/api/registrations/" + late).json().path("rejectionReason").asString())
                .isEqualTo("DEADLINE_PASSED");
    }

    @Test
    void refusesInvalidRequestsNamingEachBadFieldAndStoresNothing() {
        long before = mongo.getCollection("registrations").countDocuments();
        String bad = request(tourId, "Ola Nordmann").replace("\"944382038\"", "\"944382039\"")
                .replace("\"kari@example.no\"", "\"not-an-address\"").replace("\"acceptedTerms\":true", "\"acceptedTerms\":false");

        var response = Http.at(port).post("/api/registrations", bad);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().path("errors").propertyNames()).contains("contact.email", "acceptedTerms");
        var wrongCheckDigit = Http.at(port).post("/api/registrations",
                request(tourId, "Ola Nordmann").replace("\"944382038\"", "\"944382039\""));
        assertThat(wrongCheckDigit.status()).isEqualTo(400);
        assertThat(wrongCheckDigit.json().path("errors").has("organisation.organisationNumber")).isTrue();
        assertThat(Http.at(port).post("/api/registrations", "{not json").status()).isEqualTo(400);
        assertThat(mongo.getCollection("registrations").countDocuments()).isEqualTo(before);
    }

    @Test
    void answersHostileInputWithA4xxAndStoresUnusualNamesSafely() {
        long before = mongo.getCollection("registrations").countDocuments();
        String participant = "{\"fullName\":\"Ola\",\"email\":\"ola@example.no\"},";
        String crowd = request(tourId, "Ola").replace("\"participants\":[",
                "\"participants\":[" + participant.repeat(499));
        assertThat(Http.at(port).post("/api/registrations", crowd).status()).isEqualTo(400);
        var huge = Http.at(port).post("/api/registrations", request(tourId, "x".repeat(300_000)));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.contentType()).isEqualTo("application/problem+json");
        assertThat(Http.at(port).post("/api/registrations", request(tourId, "Ola").replace("\"acceptedTerms\":true",
                "\"acceptedTerms\":\"maybe\"")).status()).isEqualTo(400);
        assertThat(Http.at(port).post("/api/registrations", "[1,2,3]").status()).isEqualTo(400);
        assertThat(Http.at(port).post("/api/registrations", "").status()).isEqualTo(400);
        var noReference = Http.at(port).post("/api/registrations",
                request(tourId, "Ola").replace("\"buyerReference\":\"4100-ELDRE\",", ""));
        assertThat(noReference.status()).isEqualTo(400);
        assertThat(noReference.json().path("errors").has("invoice.buyerReference")).isTrue();
        assertThat(mongo.getCollection("registrations").countDocuments()).isEqualTo(before);

        String unusual = "<script>alert('x')</script> Áile Ŋuolláš Ørjasæter 🙂";
        var stored = Http.at(port).post("/api/registrations", request(tourId, unusual));
        assertThat(stored.status()).isEqualTo(202);
        var read = Http.at(port).get("/api/registrations/" + stored.json().path("id").asString());
        assertThat(read.contentType()).startsWith("application/json");
        assertThat(read.json().path("participants").get(0).path("fullName").asString()).isEqualTo(unusual);
    }

    @Test
    void keepsTheNewestSeatCountWhateverTheOrderOfTopics() {
        String id = Http.at(port).post("/api/registrations", request(tourId, "Ola Nordmann")).json().path("id").asString();
        Instant decided = Instant.now();
        TopicProbe.send(Topics.SEATS, tourId, UUID.randomUUID().toString(), EventType.SEATS_RESERVED.ceType(),
                new String(EventJson.write(new SeatsReserved(tourId, id, 1, false, 28, decided))));
        Http.await(() -> Integer.valueOf(28).equals(seatsLeft()), WAIT, "28 seats left");
        // A snapshot taken before that decision arrives late on the other topic: it must not win.
        TourSnapshot older = snapshot(tourId, "PUBLISHED", Instant.now().plus(Duration.ofDays(30)), 29);
        TopicProbe.send(Topics.TOURS, tourId, UUID.randomUUID().toString(), EventType.TOUR_UPDATED.ceType(),
                new String(EventJson.write(new no.studietur.contracts.tour.TourUpdated(tourId, older, decided.minusSeconds(1)))));
        TourSnapshot newer = snapshot(tourId, "PUBLISHED", Instant.now().plus(Duration.ofDays(30)), 27);
        TopicProbe.send(Topics.TOURS, tourId, UUID.randomUUID().toString(), EventType.TOUR_UPDATED.ceType(),
                new String(EventJson.write(new no.studietur.contracts.tour.TourUpdated(tourId, newer, decided.plusSeconds(1)))));
        Http.await(() -> Integer.valueOf(27).equals(seatsLeft()), WAIT, "27 seats left from the newer snapshot");
    }

    private Integer seatsLeft() {
        return mongo.findById(tourId, Document.class, "tours").getInteger("seatsLeft");
    }

    @Test
    void anOperatorRegistersOnBehalfOfSomeoneWhoPhonedAndTheChannelIsRecorded() {
        var operator = Http.operatorAt(port);
        var phoned = operator.post("/api/registrations?channel=PHONE", request(tourId, "Ola Nordmann"));
        assertThat(phoned.status()).isEqualTo(202);
        assertThat(phoned.json().path("channel").asString()).isEqualTo("PHONE");
        assertThat(Http.at(port).post("/api/registrations?channel=PHONE", request(tourId, "Ola Nordmann")).status())
                .isEqualTo(403);
        assertThat(operator.post("/api/registrations?channel=PIGEON", request(tourId, "Ola Nordmann")).status())
                .isEqualTo(400);
        assertThat(Http.at(port).post("/api/registrations", request(tourId, "Ola Nordmann")).json()
                .path("channel").asString()).isEqualTo("API");
        assertThat(Http.at(port).get("/v3/api-docs").body()).contains("4100-ELDRE");
    }

    @Test
    void refusesUnknownAndClosedToursWith422() {
        var unknown = Http.at(port).post("/api/registrations", request("no-such-tour", "Ola Nordmann"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");

        TopicProbe.send(Topics.TOURS, tourId, UUID.randomUUID().toString(), EventType.TOUR_REGISTRATION_CLOSED.ceType(),
                new String(EventJson.write(new TourRegistrationClosed(tourId, "OPERATOR", Instant.now()))));
        Http.await(() -> Http.at(port).post("/api/registrations", request(tourId, "Ola Nordmann")).status() == 422,
                WAIT, "closed tour refused");

        String pastDeadline = "tour-" + UUID.randomUUID();
        publish(pastDeadline, "PUBLISHED", Instant.now().minusSeconds(60));
        assertThat(Http.at(port).post("/api/registrations", request(pastDeadline, "Ola Nordmann")).status()).isEqualTo(422);
    }

    /**
     * The door keeps the tours it read for a moment: posting to one tour reads it from the store once, and a tour
     * event this instance applies is seen by the next registration at once, not when the copy expires.
     */
    @Test
    void theDoorReadsATourOnceAndSeesAClosingAppliedHereAtOnce() {
        long tourReadsBefore = tourReads();
        for (int i = 0; i < 5; i++) {
            assertThat(Http.at(port).post("/api/registrations", request(tourId, "Deltaker " + i)).status()).isEqualTo(202);
        }
        assertThat(tourReads() - tourReadsBefore).isEqualTo(1);

        TopicProbe.send(Topics.TOURS, tourId, UUID.randomUUID().toString(), EventType.TOUR_REGISTRATION_CLOSED.ceType(),
                new String(EventJson.write(new TourRegistrationClosed(tourId, "OPERATOR", Instant.now()))));
        Http.await(() -> "REGISTRATION_CLOSED".equals(mongo.findById(tourId, Document.class, "tours")
                .get("tour", Document.class).getString("status")), WAIT, "the closing applied");

        assertThat(Http.at(port).post("/api/registrations", request(tourId, "For sent")).status()).isEqualTo(422);
    }

    private static long tourReads() {
        return StoreCommands.count(command -> command.is("find", "tours"));
    }

    @Test
    void anIdempotencyKeyReturnsTheSameRegistrationAndRefusesADifferentBody() {
        String key = UUID.randomUUID().toString();
        var first = Http.at(port).post("/api/registrations", request(tourId, "Ola Nordmann"), "Idempotency-Key", key);
        var again = Http.at(port).post("/api/registrations", request(tourId, "Ola Nordmann"), "Idempotency-Key", key);
        var other = Http.at(port).post("/api/registrations", request(tourId, "Kari Nordmann"), "Idempotency-Key", key);

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(other.status()).isEqualTo(422);
        assertThat(mongo.count(Query.query(
                Criteria.where("idempotencyKey").is(key)), Registration.class))
                .isEqualTo(1);
    }

    /** The request's fingerprint is kept for comparing a repeated key's body, so only a keyed request stores one. */
    @Test
    void onlyARegistrationWithAnIdempotencyKeyKeepsTheRequestsFingerprint() {
        String keyed = Http.at(port).post("/api/registrations", request(tourId, "Ola Nordmann"), "Idempotency-Key",
                UUID.randomUUID().toString()).json().path("id").asString();
        String keyless = Http.at(port).post("/api/registrations", request(tourId, "Ola Nordmann")).json().path("id")
                .asString();

        assertThat(mongo.findById(keyed, Registration.class).requestFingerprint()).hasSize(64);
        assertThat(mongo.findById(keyless, Registration.class).requestFingerprint()).isNull();
    }

    /** Sent at once under one key (a client retrying before its first answer came): one registration, one id. */
    @Test
    void concurrentRequestsUnderOneIdempotencyKeyStoreOneRegistration() throws Exception {
        String key = UUID.randomUUID().toString();
        List<Callable<Http.Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(() -> Http.at(port).post("/api/registrations", request(tourId, "Ola Nordmann"),
                    "Idempotency-Key", key));
        }
        List<Http.Response> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            for (Future<Http.Response> answer : clients.invokeAll(attempts)) {
                answers.add(answer.get());
            }
        }

        assertThat(answers).extracting(Http.Response::status).containsOnly(202);
        assertThat(answers).extracting(answer -> answer.json().path("id").asString()).containsOnly(
                answers.getFirst().json().path("id").asString());
        assertThat(mongo.count(Query.query(Criteria.where("idempotencyKey").is(key)), Registration.class)).isEqualTo(1);
    }

    @Test
    void cancellingAParticipantAndThenTheRestEndsCancelledWithTheFeeReferenceTime() {
        String body = request(tourId, "Ola Nordmann").replace(
                "\"participants\":[{\"fullName\":\"Ola Nordmann\",\"jobTitle\":\"Enhetsleder\",\"email\":\"ola@example.no\",\"language\":\"nb\"}]",
                "\"participants\":[{\"fullName\":\"Ola Nordmann\",\"email\":\"ola@example.no\"},"
                        + "{\"fullName\":\"Kari Nordmann\",\"email\":\"kari@example.no\"}]");
        var placed = Http.at(port).post("/api/registrations", body).json();
        String id = placed.path("id").asString();
        List<String> participants = placed.path("participants").findValuesAsString("participantId");
        assertThat(participants).hasSize(2);
        confirm(id);
        try (TopicProbe registrations = new TopicProbe(Topics.REGISTRATIONS)) {
            var first = Http.at(port).post("/api/registrations/" + id + "/cancellation",
                    "{\"participantIds\":[\"" + participants.get(0) + "\"]}");
            assertThat(first.status()).isEqualTo(202);
            assertThat(first.json().path("participants").findValuesAsString("status"))
                    .containsExactly("CANCELLATION_REQUESTED", "COMING");
            var requested = registrations.await(record -> id.equals(record.headers().get("ce_subject"))
                    && EventType.CANCELLATION_REQUESTED.ceType().equals(record.type()), WAIT);
            CancellationRequested cancellation = EventJson.read(requested.data().getBytes(), CancellationRequested.class);
            assertThat(cancellation.participantIds()).containsExactly(participants.get(0));
            assertThat(cancellation.wholeRegistration()).isFalse();
            assertThat(Http.at(port).post("/api/registrations/" + id + "/cancellation",
                    "{\"participantIds\":[\"" + participants.get(0) + "\"]}").status()).isEqualTo(400);

            released(id, List.of(participants.get(0)));
            var partly = registrations.await(record -> id.equals(record.headers().get("ce_subject"))
                    && EventType.REGISTRATION_CANCELLED.ceType().equals(record.type()), WAIT);
            RegistrationCancelled partial = EventJson.read(partly.data().getBytes(), RegistrationCancelled.class);
            assertThat(partial.wholeRegistration()).isFalse();
            assertThat(partial.reason()).isEqualTo("CUSTOMER");
            assertThat(partial.requestedAt()).isEqualTo(cancellation.requestedAt());
            assertThat(status(id)).isEqualTo("CONFIRMED");

            Http.at(port).post("/api/registrations/" + id + "/cancellation", "");
            released(id, List.of(participants.get(1)));
            Http.await(() -> "CANCELLED".equals(status(id)), WAIT, "registration cancelled");
            assertThat(Http.at(port).post("/api/registrations/" + id + "/cancellation", "").status()).isEqualTo(409);
        }
    }

    @Test
    void aColleagueTakesAParticipantsPlace() {
        var placed = Http.at(port).post("/api/registrations", request(tourId, "Ola Nordmann")).json();
        String id = placed.path("id").asString();
        String ola = placed.path("participants").get(0).path("participantId").asString();
        try (TopicProbe registrations = new TopicProbe(Topics.REGISTRATIONS)) {
            var substituted = Http.at(port).put("/api/registrations/" + id + "/participants/" + ola,
                    "{\"fullName\":\"Per Kollega\",\"email\":\"per@example.no\",\"language\":\"nn\"}");
            assertThat(substituted.status()).isEqualTo(200);
            assertThat(substituted.json().path("participants").get(0).path("fullName").asString()).isEqualTo("Per Kollega");
            assertThat(substituted.json().path("participants").get(0).path("participantId").asString()).isEqualTo(ola);
            var event = registrations.await(record -> id.equals(record.headers().get("ce_subject"))
                    && EventType.PARTICIPANT_SUBSTITUTED.ceType().equals(record.type()), WAIT);
            ParticipantSubstituted substitution = EventJson.read(event.data().getBytes(), ParticipantSubstituted.class);
            assertThat(substitution.previous().fullName()).isEqualTo("Ola Nordmann");
            assertThat(substitution.replacement().language()).isEqualTo("nn");
        }
        assertThat(Http.at(port).put("/api/registrations/" + id + "/participants/nobody",
                "{\"fullName\":\"Per Kollega\",\"email\":\"per@example.no\"}").status()).isEqualTo(400);
        assertThat(Http.at(port).put("/api/registrations/" + id + "/participants/" + ola,
                "{\"fullName\":\"\",\"email\":\"not-an-address\"}").status()).isEqualTo(400);
    }

    @Test
    void aTourCancelledByTheOperatorCancelsItsRegistrationsWithoutFee() {
        String confirmed = Http.at(port).post("/api/registrations", request(tourId, "Ola Nordmann")).json().path("id").asString();
        confirm(confirmed);
        String pending = Http.at(port).post("/api/registrations", request(tourId, "Kari Nordmann")).json().path("id").asString();
        try (TopicProbe registrations = new TopicProbe(Topics.REGISTRATIONS)) {
            TopicProbe.send(Topics.TOURS, tourId, UUID.randomUUID().toString(), EventType.TOUR_CANCELLED.ceType(),
                    new String(EventJson.write(new TourCancelled(tourId, "For få påmeldte", Instant.now()))));
            var cancelled = registrations.awaitCount(record -> tourId.equals(record.key())
                    && EventType.REGISTRATION_CANCELLED.ceType().equals(record.type()), 2, WAIT);
            assertThat(cancelled).extracting(record -> EventJson.read(record.data().getBytes(), RegistrationCancelled.class))
                    .allSatisfy(event -> {
                        assertThat(event.reason()).isEqualTo("TOUR_CANCELLED");
                        assertThat(event.wholeRegistration()).isTrue();
                    });
        }
        assertThat(List.of(status(confirmed), status(pending))).containsOnly("CANCELLED");
    }

    private void confirm(String id) {
        TopicProbe.send(Topics.SEATS, tourId, UUID.randomUUID().toString(), EventType.SEATS_RESERVED.ceType(),
                new String(EventJson.write(new SeatsReserved(tourId, id, 1, false, 9, Instant.now()))));
        Http.await(() -> "CONFIRMED".equals(status(id)), WAIT, "registration confirmed");
    }

    private void released(String id, List<String> participantIds) {
        TopicProbe.send(Topics.SEATS, tourId, UUID.randomUUID().toString(), EventType.SEATS_RELEASED.ceType(),
                new String(EventJson.write(new SeatsReleased(tourId, id, participantIds, participantIds.size(), 5,
                        Instant.now()))));
    }

    @Test
    void publishesAnAsyncApiDocumentThatMatchesWhatTheServiceHandlesAndSends(
            @Autowired Consumer<Message<byte[]>> events) {
        AsyncApiDocument.ofService().assertDescribes(((EventDispatcher) events).handledTypes(),
                List.of(EventType.REGISTRATION_PLACED, EventType.REGISTRATION_CONFIRMED,
                        EventType.REGISTRATION_WAITLISTED, EventType.CANCELLATION_REQUESTED,
                        EventType.REGISTRATION_CANCELLED, EventType.PARTICIPANT_SUBSTITUTED), port);
    }

    private String status(String id) {
        return Http.at(port).get("/api/registrations/" + id).json().path("status").asString();
    }

    /** Makes a bookable tour known to the registration service at {@code port}, as the catalog would. */
    static void publishTour(int port, String id) {
        sendTour(id, "PUBLISHED", Instant.now().plus(Duration.ofDays(30)));
        Http.await(() -> Http.at(port).post("/api/registrations", request(id, "Probe")).status() != 422,
                WAIT, "tour " + id + " known");
    }

    private void publish(String id, String status, Instant deadline) {
        sendTour(id, status, deadline);
        Http.await(() -> mongo.findById(id, Document.class, "tours") != null, WAIT, "tour " + id + " known");
    }

    private static void sendTour(String id, String status, Instant deadline) {
        TopicProbe.send(Topics.TOURS, id, UUID.randomUUID().toString(), EventType.TOUR_PUBLISHED.ceType(),
                new String(EventJson.write(new TourPublished(id, snapshot(id, status, deadline, 30), Instant.now()))));
    }

    private static TourSnapshot snapshot(String id, String status, Instant deadline, int seatsLeft) {
        return new TourSnapshot("STUDY_TOUR", "Aalborg-modellen", "Kort", "Aalborg", "Aalborg Kommune", "DK",
                "Europe/Copenhagen", LocalDate.now().plusMonths(2), LocalDate.now().plusMonths(2).plusDays(2), deadline,
                Money.of("10990", "NOK"), new VatTreatment("Z", BigDecimal.ZERO, null), 30,
                new CancellationPolicy(List.of(new CancellationTier(null, 50), new CancellationTier(15, 100)), true),
                List.of("nb"), status, null, null, null, null, null, null, null, seatsLeft);
    }

    static String request(String tourId, String participant) {
        return """
                {"tourId":"%s",
                 "organisation":{"name":"Asker kommune","organisationNumber":"944382038","country":"NO"},
                 "contact":{"name":"Kari Nordmann","email":"kari@example.no","phone":"+4790000000"},
                 "invoice":{"street":"Postboks 353","postcode":"1372","town":"Asker","country":"NO",
                            "buyerReference":"4100-ELDRE","delivery":"EHF"},
                 "participants":[{"fullName":"%s","jobTitle":"Enhetsleder","email":"ola@example.no","language":"nb"}],
                 "heardAbout":"Nyhetsbrev","acceptedTerms":true}""".formatted(tourId, participant);
    }
}
