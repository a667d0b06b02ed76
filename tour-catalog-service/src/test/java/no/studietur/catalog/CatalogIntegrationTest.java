package no.studietur.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.Message;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import no.studietur.catalog.tour.TourService;
import no.studietur.contracts.EventJson;
import no.studietur.contracts.EventType;
import no.studietur.contracts.Topics;
import no.studietur.contracts.registration.RegistrationPlaced;
import no.studietur.contracts.seat.SeatsReserved;
import no.studietur.contracts.seat.SeatsWaitlisted;
import no.studietur.messaging.EventDispatcher;
import no.studietur.testsupport.AsyncApiDocument;
import no.studietur.testsupport.Http;
import no.studietur.testsupport.TestInfrastructure;
import no.studietur.testsupport.TopicProbe;

@SpringBootTest(classes = CatalogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CatalogApplication.CONFIG_NAME, "studietur.demo-data.enabled=true"})
class CatalogIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "catalog");
    }

    @LocalServerPort
    int port;

    @Autowired
    TourService tours;

    @Test
    void servesTheDemoToursWithProgramAndLiveAvailability() {
        var list = Http.at(port).get("/api/tours").json();
        assertThat(list.findValuesAsString("id")).contains("haderslev-eldreomsorg", "aalborg-modellen", "temadag-torn");

        var aalborg = Http.at(port).get("/api/tours/aalborg-modellen").json();
        assertThat(aalborg.path("pricePerParticipant").path("amount").asString()).isEqualTo("10990.00");
        assertThat(aalborg.path("program").size()).isGreaterThan(12);
        assertThat(aalborg.path("capacity").asInt()).isEqualTo(30);
        assertThat(aalborg.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(LocalDate.parse(aalborg.path("startDate").asString())).isAfter(LocalDate.now());

        var missing = Http.at(port).get("/api/tours/no-such-tour");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void publishesTheDemoToursAsEvents() {
        try (TopicProbe probe = new TopicProbe(Topics.TOURS)) {
            var published = probe.await(record -> "temadag-torn".equals(record.key())
                    && EventType.TOUR_PUBLISHED.ceType().equals(record.type()), WAIT);
            assertThat(published.data()).contains("\"kind\":\"THEME_DAY\"", "\"status\":\"PUBLISHED\"");
        }
    }

    @Test
    void searchesTheCaseLibraryByThemeMunicipalityAndText() {
        assertThat(Http.at(port).get("/api/cases").json().size()).isEqualTo(50);
        assertThat(Http.at(port).get("/api/cases?theme=Vis%20mig%20v%C3%A6rdien").json().findValuesAsString("title"))
                .hasSize(5);
        assertThat(Http.at(port).get("/api/cases?q=akvarier").json().findValues("number"))
                .extracting(node -> node.asInt()).containsExactly(11);
        assertThat(Http.at(port).get("/api/cases?municipality=viborg").json().findValues("number"))
                .extracting(node -> node.asInt()).containsExactly(1, 13);
    }

    @Test
    void reservesSeatsOnceForARedeliveredRegistrationAndWaitlistsWhenFull() {
        String tourId = tours.publish(Fixtures.draftTour(3)).id();
        try (TopicProbe seats = new TopicProbe(Topics.SEATS)) {
            RegistrationPlaced two = Fixtures.registration(tourId, 2);
            String eventId = UUID.randomUUID().toString();
            Fixtures.send(two, eventId);
            Fixtures.send(two, eventId);                       // the broker redelivers the same record
            Fixtures.send(two, UUID.randomUUID().toString());  // a client retried and the event was published twice

            var reserved = seats.await(record -> record.key().equals(tourId)
                    && EventType.SEATS_RESERVED.ceType().equals(record.type()), WAIT);
            assertThat(EventJson.read(reserved.data().getBytes(), SeatsReserved.class).seatsLeft()).isEqualTo(1);

            RegistrationPlaced tooMany = Fixtures.place(tourId, 2);
            RegistrationPlaced fitsButMustQueue = Fixtures.place(tourId, 1);

            List<TopicProbe.Received> waitlisted = seats.awaitCount(record -> record.key().equals(tourId)
                    && EventType.SEATS_WAITLISTED.ceType().equals(record.type()), 2, WAIT);
            assertThat(waitlisted).extracting(record -> EventJson.read(record.data().getBytes(), SeatsWaitlisted.class))
                    .extracting(SeatsWaitlisted::registrationId, SeatsWaitlisted::position)
                    .containsExactly(Tuple.tuple(tooMany.registrationId(), 1),
                            Tuple.tuple(fitsButMustQueue.registrationId(), 2));
            assertThat(seats.drain(Duration.ofSeconds(1))).filteredOn(record -> record.key().equals(tourId))
                    .hasSize(3);
        }
        var tour = Http.at(port).get("/api/tours/" + tourId).json();
        assertThat(tour.path("seatsLeft").asInt()).isEqualTo(1);
        assertThat(tour.path("waitingListLength").asInt()).isEqualTo(2);
    }

    @Test
    void aRegistrationThatCannotBeReadGoesToTheDeadLetterTopic() {
        String eventId = UUID.randomUUID().toString();
        try (TopicProbe deadLetters = new TopicProbe("tour-catalog-service.dlq")) {
            TopicProbe.send(Topics.REGISTRATIONS, "some-tour", eventId, EventType.REGISTRATION_PLACED.ceType(),
                    "{\"registrationId\": [not json");
            var dead = deadLetters.await(record -> eventId.equals(record.id()), WAIT);
            assertThat(dead.headers()).containsEntry("x-original-topic", Topics.REGISTRATIONS);
        }
    }

    @Test
    void publishesAnAsyncApiDocumentThatMatchesWhatTheServiceHandlesAndSends(
            @Autowired Consumer<Message<byte[]>> events) {
        AsyncApiDocument.ofService().assertDescribes(((EventDispatcher) events).handledTypes(),
                List.of(EventType.TOUR_PUBLISHED, EventType.TOUR_UPDATED, EventType.TOUR_REGISTRATION_CLOSED,
                        EventType.TOUR_CANCELLED, EventType.SEATS_RESERVED, EventType.SEATS_WAITLISTED,
                        EventType.SEATS_RELEASED, EventType.SEATS_REJECTED), port);
    }
}
