package no.studietur.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
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
import no.studietur.contracts.registration.CancellationRequested;
import no.studietur.contracts.registration.RegistrationPlaced;
import no.studietur.contracts.seat.SeatsReleased;
import no.studietur.contracts.seat.SeatsReserved;
import no.studietur.contracts.tour.TourRegistrationClosed;
import no.studietur.testsupport.Http;
import no.studietur.testsupport.TestInfrastructure;
import no.studietur.testsupport.TopicProbe;

/** The operator API, the public filters, closing at the deadline, and the waiting list moving on. */
@SpringBootTest(classes = CatalogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + CatalogApplication.CONFIG_NAME, "studietur.demo-data.enabled=true",
                "studietur.catalog.deadline-check-interval=300ms"})
class TourLifecycleIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate START = LocalDate.now().plusMonths(4);
    private static final Instant DEADLINE = Instant.now().plus(Duration.ofDays(60));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "catalog-lifecycle");
    }

    @LocalServerPort
    int port;

    private Http anyone() {
        return Http.at(port);
    }

    private Http operator() {
        return Http.operatorAt(port);
    }

    @Test
    void anOperatorCreatesEditsPublishesClosesAndCancelsATour() {
        String id = "odense-" + UUID.randomUUID().toString().substring(0, 8);
        String request = TourRequests.tour(id, "STUDY_TOUR", START, DEADLINE, 20, "Velferdsteknologi");
        try (TopicProbe tours = new TopicProbe(Topics.TOURS)) {
            assertThat(anyone().post("/api/tours", request).status()).isEqualTo(401);
            var created = operator().post("/api/tours", request);
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.location()).isEqualTo("/api/tours/" + id);
            assertThat(created.json().path("status").asString()).isEqualTo("DRAFT");
            assertThat(operator().post("/api/tours", request).status()).isEqualTo(409);
            assertThat(anyone().get("/api/tours/" + id).status()).isEqualTo(404);
            assertThat(operator().get("/api/tours/" + id).status()).isEqualTo(200);

            var edited = operator().put("/api/tours/" + id, request.replace("Velferdsteknologi i Odense", "Odense-modellen"));
            assertThat(edited.json().path("title").asString()).isEqualTo("Odense-modellen");

            assertThat(operator().post("/api/tours/" + id + "/publication", "").json().path("status").asString())
                    .isEqualTo("PUBLISHED");
            assertThat(anyone().get("/api/tours/" + id).json().path("title").asString()).isEqualTo("Odense-modellen");
            operator().put("/api/tours/" + id, request.replace("Velferdsteknologi i Odense", "Odense-modellen 2"));
            assertThat(operator().post("/api/tours/" + id + "/closing", "").json().path("status").asString())
                    .isEqualTo("REGISTRATION_CLOSED");
            var cancelled = operator().post("/api/tours/" + id + "/cancellation", "{\"reason\":\"For få påmeldte\"}");
            assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");

            var refused = operator().post("/api/tours/" + id + "/publication", "");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(operator().put("/api/tours/" + id, request).status()).isEqualTo(409);

            List<String> types = tours.awaitCount(record -> id.equals(record.key()), 4, WAIT).stream()
                    .map(TopicProbe.Received::type).toList();
            assertThat(types).containsExactly(EventType.TOUR_PUBLISHED.ceType(), EventType.TOUR_UPDATED.ceType(),
                    EventType.TOUR_REGISTRATION_CLOSED.ceType(), EventType.TOUR_CANCELLED.ceType());
            var updated = tours.await(record -> id.equals(record.key())
                    && EventType.TOUR_UPDATED.ceType().equals(record.type()), WAIT);
            assertThat(updated.data()).contains("\"title\":\"Odense-modellen 2\"", "\"capacity\":20");
        }
    }

    @Test
    void refusesAnInvalidTourNamingEachBadField() {
        String bad = TourRequests.tour("bad-" + UUID.randomUUID().toString().substring(0, 8), "STUDY_TOUR", START,
                        START.plusDays(10).atStartOfDay().toInstant(ZoneOffset.UTC), 5, "x")
                .replace("\"Europe/Copenhagen\"", "\"Mars/Olympus\"").replace("\"caseNumber\":1", "\"caseNumber\":999")
                .replace("\"feePercent\":100", "\"feePercent\":150").replace("\"currency\":\"NOK\"", "\"currency\":\"kroner\"");
        var response = operator().post("/api/tours", bad);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").propertyNames()).contains("pricePerParticipant.currency");

        var domain = operator().post("/api/tours", TourRequests.tour("bad2-" + UUID.randomUUID().toString().substring(0, 8),
                "STUDY_TOUR", START, DEADLINE, 5, "x").replace("\"Europe/Copenhagen\"", "\"Mars/Olympus\"")
                .replace("\"feePercent\":100", "\"feePercent\":150"));
        assertThat(domain.status()).isEqualTo(400);
        assertThat(domain.json().path("errors").propertyNames()).contains("timeZone", "cancellationPolicy");

        var unknownCase = operator().post("/api/tours", TourRequests.tour("bad3-" + UUID.randomUUID().toString().substring(0, 8),
                "STUDY_TOUR", START, DEADLINE, 5, "x").replace("\"caseNumber\":1", "\"caseNumber\":999"));
        assertThat(unknownCase.status()).isEqualTo(400);
        assertThat(unknownCase.json().path("errors").propertyNames()).contains("program[0].caseNumber");
    }

    @Test
    void filtersTheTourListByKindMonthDestinationThemeAndAvailability() {
        String id = publish(1, "Demens");
        assertThat(ids("?kind=STUDY_TOUR")).contains(id, "aalborg-modellen").doesNotContain("temadag-torn");
        assertThat(ids("?kind=THEME_DAY")).containsExactly("temadag-torn");
        assertThat(ids("?month=" + YearMonth.from(START))).contains(id).doesNotContain("temadag-torn");
        assertThat(ids("?destination=aalborg")).containsExactly("aalborg-modellen");
        assertThat(ids("?theme=demens")).containsExactly(id);
        Fixtures.place(id, 1);
        Http.await(() -> !ids("?seatsAvailable=true").contains(id), WAIT, "the full tour to drop out");
        assertThat(ids("?seatsAvailable=false")).contains(id);
    }

    @Test
    void closesRegistrationByItselfAtTheDeadline() {
        String id = "deadline-" + UUID.randomUUID().toString().substring(0, 8);
        operator().post("/api/tours", TourRequests.tour(id, "SEMINAR", START, Instant.now().plusSeconds(2), 10, "x"));
        try (TopicProbe tours = new TopicProbe(Topics.TOURS)) {
            operator().post("/api/tours/" + id + "/publication", "");
            var closed = tours.await(record -> id.equals(record.key())
                    && EventType.TOUR_REGISTRATION_CLOSED.ceType().equals(record.type()), WAIT);
            assertThat(EventJson.read(closed.data().getBytes(), TourRegistrationClosed.class).reason()).isEqualTo("DEADLINE");
        }
        assertThat(anyone().get("/api/tours/" + id).json().path("status").asString()).isEqualTo("REGISTRATION_CLOSED");
    }

    @Test
    void aCancellationReleasesSeatsAndPromotesTheFirstWaitingRegistrationThatFits() {
        String id = publish(3, "x");
        try (TopicProbe seats = new TopicProbe(Topics.SEATS)) {
            RegistrationPlaced two = Fixtures.place(id, 2);
            RegistrationPlaced one = Fixtures.place(id, 1);
            RegistrationPlaced waitingTwo = Fixtures.place(id, 2);
            RegistrationPlaced waitingOne = Fixtures.place(id, 1);
            seats.awaitCount(record -> id.equals(record.key()), 4, WAIT);

            String cancellationId = UUID.randomUUID().toString();
            String cancellation = new String(EventJson.write(new CancellationRequested(one.registrationId(), id,
                    List.of(one.details().participants().getFirst().participantId()), true, Instant.now())));
            TopicProbe.send(Topics.REGISTRATIONS, id, cancellationId, EventType.CANCELLATION_REQUESTED.ceType(), cancellation);
            TopicProbe.send(Topics.REGISTRATIONS, id, cancellationId, EventType.CANCELLATION_REQUESTED.ceType(), cancellation);

            var released = seats.await(record -> id.equals(record.key())
                    && EventType.SEATS_RELEASED.ceType().equals(record.type()), WAIT);
            assertThat(EventJson.read(released.data().getBytes(), SeatsReleased.class).registrationId())
                    .isEqualTo(one.registrationId());
            // One seat free: the first waiting (two people) does not fit, the second (one person) does.
            var promoted = seats.await(record -> id.equals(record.key()) && record.data().contains("\"promotedFromWaitlist\":true"), WAIT);
            assertThat(EventJson.read(promoted.data().getBytes(), SeatsReserved.class).registrationId())
                    .isEqualTo(waitingOne.registrationId());
            Fixtures.send(one, UUID.randomUUID().toString()); // published again after its cancellation: no new decision
            assertThat(seats.drain(Duration.ofSeconds(1))).filteredOn(record -> id.equals(record.key())).hasSize(6);
            assertThat(two.registrationId()).isNotEqualTo(waitingTwo.registrationId());
        }
        var tour = anyone().get("/api/tours/" + id).json();
        assertThat(tour.path("seatsLeft").asInt()).isZero();
        assertThat(tour.path("waitingListLength").asInt()).isEqualTo(1);
    }

    @Test
    void aCapacityIncreasePromotesAndACutBelowTheSeatsTakenIsRefused() {
        String id = publish(1, "x");
        Fixtures.place(id, 1);
        RegistrationPlaced waiting = Fixtures.place(id, 1);
        Http.await(() -> anyone().get("/api/tours/" + id).json().path("waitingListLength").asInt() == 1, WAIT, "waiting");

        assertThat(operator().put("/api/tours/" + id + "/capacity", "{\"capacity\":0}").status()).isEqualTo(400);
        try (TopicProbe seats = new TopicProbe(Topics.SEATS)) {
            var increased = operator().put("/api/tours/" + id + "/capacity", "{\"capacity\":2}");
            assertThat(increased.json().path("seatsLeft").asInt()).isZero();
            assertThat(increased.json().path("waitingListLength").asInt()).isZero();
            seats.await(record -> record.data() != null && record.data().contains(waiting.registrationId())
                    && record.data().contains("\"promotedFromWaitlist\":true"), WAIT);
        }
        var cut = operator().put("/api/tours/" + id + "/capacity", "{\"capacity\":1}");
        assertThat(cut.status()).isEqualTo(409);
        assertThat(cut.json().path("detail").asString()).contains("below the 2 seats taken");
    }

    @Test
    void operatorsManageTheCaseLibrary() {
        String body = """
                {"title":"Hverdagsrehabilitering","theme":"Med borgeren som udgangspunkt","host":"Fredericia Kommune",
                 "municipality":"Fredericia","description":"Rehabilitering i eget hjem.","contactRole":"Leder"}""";
        assertThat(anyone().put("/api/cases/901", body).status()).isEqualTo(401);
        assertThat(operator().put("/api/cases/901", body).status()).isEqualTo(201);
        assertThat(operator().put("/api/cases/901", body.replace("eget hjem", "hjemmet")).status()).isEqualTo(200);
        assertThat(anyone().get("/api/cases/901").json().path("description").asString()).contains("hjemmet");
        assertThat(operator().put("/api/cases/902", "{\"title\":\"\"}").status()).isEqualTo(400);
        assertThat(operator().delete("/api/cases/901").status()).isEqualTo(204);
        assertThat(anyone().get("/api/cases/901").status()).isEqualTo(404);
    }

    private String publish(int capacity, String theme) {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(operator().post("/api/tours", TourRequests.tour(id, "STUDY_TOUR", START, DEADLINE, capacity, theme))
                .status()).isEqualTo(201);
        assertThat(operator().post("/api/tours/" + id + "/publication", "").status()).isEqualTo(200);
        return id;
    }

    private List<String> ids(String query) {
        return anyone().get("/api/tours" + query).json().findValuesAsString("id");
    }
}
