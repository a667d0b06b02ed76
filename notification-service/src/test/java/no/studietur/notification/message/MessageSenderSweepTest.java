package no.studietur.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import no.studietur.messaging.OutboxRelay;
import no.studietur.notification.NotificationApplication;
import no.studietur.testsupport.Http;
import no.studietur.testsupport.TestInfrastructure;

/**
 * A backlog of due messages larger than one sweep's batch, as after a restart or a long SMTP outage: it is swept
 * once per batch, not again and again while the batch is being sent (each sweep scans the collection).
 */
@SpringBootTest(classes = {NotificationApplication.class, MessageSenderSweepTest.SweepCounter.class},
        properties = "spring.config.name=" + NotificationApplication.CONFIG_NAME)
class MessageSenderSweepTest {

    private static final AtomicInteger SWEEPS = new AtomicInteger();

    /**
     * A database of its own: the senders of other test classes' cached application contexts keep sweeping theirs,
     * and would take part of this backlog.
     */
    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification-sweep");
    }

    /** Counts the store's sweeps: finds on the messages collection for any due message, not one by its id. */
    @TestConfiguration
    static class SweepCounter {

        @Bean
        MongoClientSettingsBuilderCustomizer countSweeps() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    BsonDocument command = event.getCommand();
                    if ("find".equals(event.getCommandName()) && "messages".equals(command.getString("find").getValue())
                            && command.getDocument("filter").containsKey("dueAt")
                            && !command.getDocument("filter").containsKey("_id")) {
                        SWEEPS.incrementAndGet();
                    }
                }
            });
        }
    }

    @Test
    void aBacklogLargerThanABatchIsSweptOnceABatch(@Autowired MongoTemplate mongo, @Autowired MailDelivery delivery,
                                                   @Autowired OutboxRelay relay, @Autowired MessageSender before) {
        int batch = 4;
        int backlog = 41;
        String tourId = "sweep-" + UUID.randomUUID();
        // As after a restart: the application's sender is gone, and the new one's first sweep finds the backlog
        // nobody handed over. (Left running, the old one's own periodic sweep, 500 at a time, could take part of it.)
        before.stop();
        int sweeps;
        try {
            recordDueMessages(mongo, tourId, backlog);
            MessageSender restarted = new MessageSender(mongo, delivery, relay, Clock.systemUTC(), 8,
                    Duration.ofSeconds(1), Duration.ofSeconds(30), 4, batch);
            int sweepsBefore = SWEEPS.get();
            restarted.start();
            try {
                Query sentOnTour = Query.query(Criteria.where("tourId").is(tourId).and("status").is(MessageStatus.SENT));
                Http.await(() -> mongo.count(sentOnTour, Message.class) == backlog, Duration.ofSeconds(60),
                        "the backlog of " + backlog + " sent");
            } finally {
                restarted.stop();
            }
            sweeps = SWEEPS.get() - sweepsBefore;
        } finally {
            before.start();
        }
        // ten full batches and the last, partial one; one more if the sender looked once more before it stopped
        assertThat(sweeps).as("sweeps for %d due messages in batches of %d", backlog, batch)
                .isBetween(backlog / batch + 1, backlog / batch + 2);
        for (int i = 0; i < backlog; i++) {
            assertThat(TestInfrastructure.get().receivedMailTo("sweep-" + i + "@example.no")).hasSize(1);
        }
    }

    /** Messages recorded a minute ago by a sender that then died: pending, due, and nobody told about them. */
    private static void recordDueMessages(MongoTemplate mongo, String tourId, int count) {
        Instant recordedBeforeRestart = Instant.now().minusSeconds(60);
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            mongo.insert(new MessageContent(id, "Velkommen " + i, "<p>Velkommen " + i + "</p>", List.of()));
            mongo.insert(new Message(id, "event-" + i, "registration-" + i, tourId, "confirmation",
                    "sweep-" + i + "@example.no", "nb", "Velkommen", List.of(), MessageStatus.PENDING, 0, null,
                    recordedBeforeRestart, recordedBeforeRestart, null, 0));
        }
    }
}
