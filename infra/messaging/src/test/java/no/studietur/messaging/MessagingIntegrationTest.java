package no.studietur.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import no.studietur.contracts.EventType;
import no.studietur.contracts.Topics;
import no.studietur.contracts.tour.TourCancelled;
import no.studietur.testsupport.Http;
import no.studietur.testsupport.StoreCommands;
import no.studietur.testsupport.TestInfrastructure;
import no.studietur.testsupport.TopicProbe;

/** The outbox relay, the CloudEvents wire form and dead-lettering, against a real broker and store. */
class MessagingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void startService() {
        service = start();
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    private static ConfigurableApplicationContext start() {
        Map<String, Object> infrastructure = Map.copyOf(TestInfrastructure.get().springProperties("messaging-test"));
        return new SpringApplicationBuilder(MessagingTestApplication.class, StoreCommands.class)
                .properties("spring.config.name=messaging-test").properties(infrastructure).run();
    }

    @Test
    void anEventWrittenBeforeACrashIsPublishedAfterTheRestart() {
        String tourId = "tour-" + UUID.randomUUID();
        try (TopicProbe probe = new TopicProbe(Topics.TOURS)) {
            // The process dies right after its write: the event sits in the document, unpublished.
            service.getBean(OutboxRelay.class).stop();
            MongoTemplate mongo = service.getBean(MongoTemplate.class);
            Outbox.insert(mongo, new Document("_id", tourId).append("state", "cancelled"), "aggregates",
                    Clock.systemUTC(), new TourCancelled(tourId, "Too few participants", Instant.now()));
            service.close();
            assertThat(probe.drain(Duration.ofSeconds(1))).noneMatch(record -> tourId.equals(record.key()));

            service = start();

            var published = probe.await(record -> tourId.equals(record.key()), WAIT);
            assertThat(published.type()).isEqualTo(EventType.TOUR_CANCELLED.ceType());
            assertThat(published.headers()).containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_source", "/messaging-test").containsEntry("ce_subject", tourId)
                    .containsEntry("content-type", "application/json").containsKeys("ce_id", "ce_time");
            assertThat(published.data()).contains("\"reason\":\"Too few participants\"");
            Document stored = service.getBean(MongoTemplate.class).findById(tourId, Document.class, "aggregates");
            awaitEmptyOutbox(tourId);
            assertThat(stored).isNotNull();
        }
    }

    /**
     * Ten rounds, one document each, as under load: each event is published at once, and all ten leave their
     * documents in one write (two if the rounds straddle the pull delay), not one write per round. An event added
     * to a document whose earlier event is published but still in it is published too, and each only once.
     */
    @Test
    void publishedEventsOfManyRoundsLeaveTheirDocumentsTogether() {
        List<String> tourIds = IntStream.range(0, 10).mapToObj(i -> "tour-" + UUID.randomUUID()).toList();
        MongoTemplate mongo = service.getBean(MongoTemplate.class);
        OutboxRelay relay = service.getBean(OutboxRelay.class);
        try (TopicProbe probe = new TopicProbe(Topics.TOURS)) {
            long pullsBefore = pulls();
            for (String tourId : tourIds) {
                Outbox.insert(mongo, new Document("_id", tourId).append("state", "open"), "aggregates",
                        Clock.systemUTC(), new TourCancelled(tourId, "first", Instant.now()));
                relay.nudge("aggregates", tourId);
                probe.await(record -> tourId.equals(record.key()), WAIT);
            }
            String again = tourIds.getFirst();
            mongo.updateFirst(Query.query(Criteria.where("_id").is(again)), Outbox.append(new Update(),
                    Clock.systemUTC(), new TourCancelled(again, "second", Instant.now())), "aggregates");
            relay.nudge("aggregates", again);
            tourIds.forEach(MessagingIntegrationTest::awaitEmptyOutbox);

            assertThat(pulls() - pullsBefore).isBetween(1L, 3L);
            var published = probe.drain(Duration.ofSeconds(1));
            assertThat(tourIds).allSatisfy(tourId -> assertThat(published)
                    .filteredOn(record -> tourId.equals(record.key())).hasSize(tourId.equals(again) ? 2 : 1));
        }
    }

    /** A relay that stops cleanly leaves nothing published behind it, so the next start publishes nothing again. */
    @Test
    void aStoppingRelayFirstTakesWhatItPublishedOutOfTheDocuments() {
        String tourId = "tour-" + UUID.randomUUID();
        try (TopicProbe probe = new TopicProbe(Topics.TOURS)) {
            Outbox.insert(service.getBean(MongoTemplate.class), new Document("_id", tourId).append("state", "open"),
                    "aggregates", Clock.systemUTC(), new TourCancelled(tourId, "stopping", Instant.now()));
            service.getBean(OutboxRelay.class).nudge("aggregates", tourId);
            probe.await(record -> tourId.equals(record.key()), WAIT);

            service.getBean(OutboxRelay.class).stop(); // well within the pull delay
            assertThat(service.getBean(MongoTemplate.class).findById(tourId, Document.class, "aggregates")
                    .getList(Outbox.FIELD, Document.class)).isEmpty();

            service.close();
            service = start();
            assertThat(probe.drain(Duration.ofSeconds(1))).filteredOn(record -> tourId.equals(record.key())).hasSize(1);
        }
    }

    private static long pulls() {
        return StoreCommands.count(command -> command.is("update", "aggregates"));
    }

    @Test
    void aConsumerReceivesTheTypedEventWithItsAttributes() {
        String tourId = "tour-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        TopicProbe.send("test-tours", tourId, eventId, EventType.TOUR_CANCELLED.ceType(),
                "{\"tourId\":\"" + tourId + "\",\"reason\":\"weather\",\"cancelledAt\":\"2027-01-01T10:00:00Z\",\"futureField\":1}");

        awaitReceived(eventId);
        var event = MessagingTestApplication.RECEIVED.stream().filter(received -> received.id().equals(eventId))
                .findFirst().orElseThrow();
        assertThat(event.type()).isEqualTo(EventType.TOUR_CANCELLED);
        assertThat(event.source()).isEqualTo("/test");
        assertThat(event.data()).isEqualTo(new TourCancelled(tourId, "weather", Instant.parse("2027-01-01T10:00:00Z")));
    }

    @Test
    void aRecordThatKeepsFailingGoesToTheDeadLetterTopicAfterBoundedRetries() {
        String tourId = "tour-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (TopicProbe deadLetters = new TopicProbe("messaging-test.dlq")) {
            TopicProbe.send("test-tours", tourId, eventId, EventType.TOUR_CANCELLED.ceType(),
                    "{\"tourId\":\"" + tourId + "\",\"reason\":\"" + MessagingTestApplication.POISON
                            + "\",\"cancelledAt\":\"2027-01-01T10:00:00Z\"}");

            var dead = deadLetters.await(record -> eventId.equals(record.id()), WAIT);
            assertThat(dead.headers()).containsEntry("x-original-topic", "test-tours").containsKey("x-exception-message");
            assertThat(dead.headers().get("x-exception-message")).contains("cannot handle " + eventId);
            assertThat(dead.data()).contains(MessagingTestApplication.POISON);
        }
        // The consumer moved on: a later record on the same partition is still handled.
        String nextId = UUID.randomUUID().toString();
        TopicProbe.send("test-tours", tourId, nextId, EventType.TOUR_CANCELLED.ceType(),
                "{\"tourId\":\"" + tourId + "\",\"reason\":\"ok\",\"cancelledAt\":\"2027-01-01T10:00:00Z\"}");
        awaitReceived(nextId);
    }

    private static void awaitReceived(String eventId) {
        Http.await(() -> MessagingTestApplication.RECEIVED.stream().anyMatch(event -> event.id().equals(eventId)),
                WAIT, "event " + eventId + " received");
    }

    private static void awaitEmptyOutbox(String id) {
        Http.await(() -> service.getBean(MongoTemplate.class).findById(id, Document.class, "aggregates")
                .getList(Outbox.FIELD, Document.class).isEmpty(), WAIT, "outbox of " + id + " emptied");
    }
}
