package no.studietur.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import no.studietur.catalog.seat.SeatEntry;
import no.studietur.catalog.tour.Tour;
import no.studietur.catalog.tour.TourService;
import no.studietur.contracts.EventJson;
import no.studietur.contracts.EventType;
import no.studietur.contracts.Topics;
import no.studietur.contracts.registration.CancellationRequested;
import no.studietur.contracts.registration.RegistrationPlaced;
import no.studietur.contracts.seat.SeatsReserved;
import no.studietur.contracts.seat.SeatsWaitlisted;
import no.studietur.testsupport.TestInfrastructure;
import no.studietur.testsupport.TopicProbe;

/**
 * 200 single-seat registrations race for a 10-seat tour while a second catalog instance joins the consumer group
 * halfway (a rebalance during the run). Exactly 10 get seats; the other 190 wait at positions 1..190; after 3
 * cancellations the first 3 waiting are promoted.
 */
@SpringBootTest(classes = CatalogApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.config.name=" + CatalogApplication.CONFIG_NAME)
class NeverOversellIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String DATABASE = "catalog-oversell";
    private static final int SEATS = 10;
    private static final int ATTEMPTS = 200;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, DATABASE);
    }

    @Autowired
    TourService tours;

    @Autowired
    MongoTemplate mongo;

    @Test
    void neverOversellsAndKeepsTheWaitingListInOrderThroughARebalance() throws Exception {
        Tour tour = tours.publish(Fixtures.draftTour(SEATS));
        String tourId = tour.id();
        List<RegistrationPlaced> registrations = IntStream.range(0, ATTEMPTS)
                .mapToObj(i -> Fixtures.registration(tourId, 1)).toList();

        try (TopicProbe seats = new TopicProbe(Topics.SEATS);
             ExecutorService clients = Executors.newFixedThreadPool(8)) {
            long started = System.nanoTime();
            List<Future<?>> sends = new ArrayList<>();
            ConfigurableApplicationContext secondInstance = null;
            for (int i = 0; i < ATTEMPTS; i++) {
                RegistrationPlaced registration = registrations.get(i);
                sends.add(clients.submit(() -> Fixtures.send(registration, UUID.randomUUID().toString())));
                if (i == ATTEMPTS / 4) {
                    secondInstance = startSecondInstance();
                }
            }
            for (Future<?> send : sends) {
                send.get();
            }
            Map<String, TopicProbe.Received> decisions = awaitDecisions(seats, tourId);
            double seconds = (System.nanoTime() - started) / 1e9;
            var decidedAt = decisions.values().stream().map(record -> Instant.parse(record.headers().get("ce_time")))
                    .sorted().toList();
            double deciding = Duration.between(decidedAt.getFirst(), decidedAt.getLast()).toMillis() / 1000.0;
            long longestPause = IntStream.range(1, decidedAt.size())
                    .mapToLong(i -> Duration.between(decidedAt.get(i - 1), decidedAt.get(i)).toMillis()).max().orElse(0);
            System.out.printf("Seat decisions on one tour: %d, first to last decision %.2f s = %.0f decisions/s"
                    + " (longest pause %d ms, the rebalance); %.2f s from the first send%n",
                    ATTEMPTS, deciding, (ATTEMPTS - 1) / deciding, longestPause, seconds);

            List<String> reserved = decisions.values().stream()
                    .filter(record -> EventType.SEATS_RESERVED.ceType().equals(record.type()))
                    .map(record -> EventJson.read(record.data().getBytes(), SeatsReserved.class).registrationId()).toList();
            List<SeatsWaitlisted> waitlisted = decisions.values().stream()
                    .filter(record -> EventType.SEATS_WAITLISTED.ceType().equals(record.type()))
                    .map(record -> EventJson.read(record.data().getBytes(), SeatsWaitlisted.class))
                    .sorted(Comparator.comparingInt(SeatsWaitlisted::position)).toList();
            assertThat(reserved).hasSize(SEATS).doesNotHaveDuplicates();
            assertThat(waitlisted).extracting(SeatsWaitlisted::position)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, ATTEMPTS - SEATS).boxed().toList());
            assertThat(waitlisted).extracting(SeatsWaitlisted::registrationId).doesNotHaveDuplicates()
                    .doesNotContainAnyElementsOf(reserved);
            Tour stored = tours.find(tourId).orElseThrow();
            assertThat(stored.seats().taken()).isEqualTo(SEATS);
            assertThat(entries(tourId, SeatEntry.State.RESERVED)).hasSize(SEATS);
            assertThat(entries(tourId, SeatEntry.State.WAITING)).hasSize(ATTEMPTS - SEATS);

            for (String cancelled : reserved.subList(0, 3)) {
                TopicProbe.send(Topics.REGISTRATIONS, tourId, UUID.randomUUID().toString(),
                        EventType.CANCELLATION_REQUESTED.ceType(), new String(EventJson.write(
                                new CancellationRequested(cancelled, tourId, List.of(), true, Instant.now()))));
            }
            List<String> promoted = awaitPromotions(seats, tourId, 3);
            assertThat(promoted).containsExactlyInAnyOrderElementsOf(
                    waitlisted.subList(0, 3).stream().map(SeatsWaitlisted::registrationId).toList());
            if (secondInstance != null) {
                secondInstance.close();
            }
        }
        Tour after = tours.find(tourId).orElseThrow();
        assertThat(after.seats().taken()).isEqualTo(SEATS);
        assertThat(after.seats().waitingCount()).isEqualTo(ATTEMPTS - SEATS - 3);
        assertThat(entries(tourId, SeatEntry.State.WAITING)).hasSize(ATTEMPTS - SEATS - 3);
        assertThat(entries(tourId, SeatEntry.State.CANCELLED)).hasSize(3);
    }

    private List<SeatEntry> entries(String tourId, SeatEntry.State state) {
        return mongo.find(Query.query(Criteria.where("tourId").is(tourId).and("state").is(state)), SeatEntry.class);
    }

    private Map<String, TopicProbe.Received> awaitDecisions(TopicProbe seats, String tourId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, TopicProbe.Received> decisions = Map.of();
        while (decisions.size() < ATTEMPTS && System.nanoTime() < deadline) {
            decisions = distinctDecisions(seats.drain(Duration.ofMillis(300)).stream()
                    .filter(record -> tourId.equals(record.key())).toList());
        }
        assertThat(decisions).as("decisions published; the store holds %d reserved, %d waiting, %d rejected",
                entries(tourId, SeatEntry.State.RESERVED).size(), entries(tourId, SeatEntry.State.WAITING).size(),
                entries(tourId, SeatEntry.State.REJECTED).size()).hasSize(ATTEMPTS);
        return decisions;
    }

    /** Distinct promoted registrations: both relays may publish the same promotion (same ce_id). */
    private static List<String> awaitPromotions(TopicProbe seats, String tourId, int expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> promoted = List.of();
        while (promoted.size() < expected && System.nanoTime() < deadline) {
            promoted = seats.drain(Duration.ofMillis(300)).stream()
                    .filter(record -> tourId.equals(record.key()) && record.data().contains("\"promotedFromWaitlist\":true"))
                    .map(record -> EventJson.read(record.data().getBytes(), SeatsReserved.class).registrationId())
                    .distinct().toList();
        }
        return promoted;
    }

    /** One decision per registration: both instances' relays may publish the same event (same ce_id). */
    private static Map<String, TopicProbe.Received> distinctDecisions(List<TopicProbe.Received> records) {
        Map<String, TopicProbe.Received> byRegistration = new LinkedHashMap<>();
        Map<String, String> eventOfRegistration = new LinkedHashMap<>();
        for (TopicProbe.Received record : records) {
            String registrationId = record.headers().get("ce_subject");
            String earlier = eventOfRegistration.putIfAbsent(registrationId, record.id());
            assertThat(earlier == null || earlier.equals(record.id()))
                    .as("registration %s decided twice", registrationId).isTrue();
            byRegistration.putIfAbsent(registrationId, record);
        }
        return byRegistration;
    }

    private static ConfigurableApplicationContext startSecondInstance() {
        List<String> arguments = new ArrayList<>(List.of("--spring.main.web-application-type=none"));
        TestInfrastructure.get().springProperties(DATABASE).forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(CatalogApplication.class)
                .properties("spring.config.name=" + CatalogApplication.CONFIG_NAME).run(arguments.toArray(String[]::new));
    }
}
