package no.studietur.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.unit.DataSize;

import no.studietur.localstack.ReceivedMail;
import no.studietur.messaging.OutboxRelay;
import no.studietur.notification.NotificationApplication;
import no.studietur.testsupport.Http;
import no.studietur.testsupport.StoreCommands;
import no.studietur.testsupport.TestInfrastructure;

/**
 * What sending costs the store: an occasion's messages are recorded in one write per collection and sent without
 * a claim each, since recording leased them to this instance's sender; a backlog is swept once per batch.
 */
@SpringBootTest(classes = {NotificationApplication.class, StoreCommands.class},
        properties = "spring.config.name=" + NotificationApplication.CONFIG_NAME)
class MessageSenderTest {

    /**
     * A database of its own: the senders of other test classes' cached application contexts keep sweeping theirs,
     * and would take part of this backlog.
     */
    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification-sender");
    }

    /** The store's sweeps: finds on the messages collection for any due message, not one by its id. */
    private static long sweeps() {
        return StoreCommands.count(command -> command.is("find", "messages") && command.filter().containsKey("dueAt")
                && !command.filter().containsKey("_id"));
    }

    private static long commands(String name, String collection) {
        return StoreCommands.count(command -> command.is(name, collection));
    }

    private static long claimsOf(String messageId) {
        return StoreCommands.count(command -> command.is("findAndModify", "messages") && command.names(messageId));
    }

    private static long contentReadsOf(String messageId) {
        return StoreCommands.count(command -> command.is("find", "messageContents") && command.names(messageId));
    }

    private static List<ReceivedMail> mailTo(String address) {
        return TestInfrastructure.get().receivedMailTo(address);
    }

    @Test
    void anOccasionIsRecordedInOneWritePerCollectionAndSentWithoutAClaim(@Autowired Messages messages,
                                                                         @Autowired MongoTemplate mongo) {
        String cause = "event-" + UUID.randomUUID();
        List<Messages.Intent> intents = IntStream.range(0, 3).mapToObj(i -> new Messages.Intent(cause,
                "registration-" + cause, "tour-" + cause, "registration-confirmed-participant",
                "occasion-" + i + "-" + cause + "@example.no", "nb",
                new MessageComposer.Rendered("Velkommen", "Velkommen " + i, "<p>Velkommen " + i + "</p>"), List.of()))
                .toList();
        long contentInsertsBefore = commands("insert", "messageContents");
        long messageInsertsBefore = commands("insert", "messages");
        messages.record(intents);
        Query ofCause = Query.query(Criteria.where("eventId").is(cause));
        Http.await(() -> mongo.find(ofCause, Message.class).stream().filter(m -> m.status() == MessageStatus.SENT)
                .count() == 3, Duration.ofSeconds(30), "the occasion's three messages sent");

        assertThat(commands("insert", "messageContents") - contentInsertsBefore).as("content inserts").isEqualTo(1);
        assertThat(commands("insert", "messages") - messageInsertsBefore).as("message inserts").isEqualTo(1);
        List<String> ids = mongo.find(ofCause, Message.class).stream().map(Message::id).toList();
        ids.forEach(id -> assertThat(claimsOf(id)).as("claims of %s", id).isZero());
        ids.forEach(id -> assertThat(contentReadsOf(id)).as("content reads of %s", id).isZero());
        intents.forEach(intent -> assertThat(mailTo(intent.recipient())).hasSize(1));

        // recorded again, as for a redelivered event: each is handed over by id, claimed in vain, and not sent again
        messages.record(intents);
        Http.await(() -> ids.stream().allMatch(id -> claimsOf(id) == 1), Duration.ofSeconds(30),
                "the messages recorded before offered for a claim");
        intents.forEach(intent -> assertThat(mailTo(intent.recipient())).hasSize(1));
    }

    /**
     * A message whose lease from recording runs short before a sender thread reaches it (a backlog) renews it with
     * a claim first, which fails if another sender has taken the message meanwhile.
     */
    @Test
    void aRecordedMessageWhoseLeaseRunsShortIsClaimedFirstAndLeftAloneOnceAnotherSenderTookIt(
            @Autowired MongoTemplate mongo, @Autowired MailDelivery delivery, @Autowired OutboxRelay relay,
            @Autowired MessageSender applicationSender) {
        MessageSender sender = senderWithOneThread(mongo, delivery, relay, DataSize.ofMegabytes(1));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Message runningShort = stored(mongo, "short", now.plusSeconds(10));
        Message takenMeanwhile = stored(mongo, "taken", now.plusSeconds(10));
        Instant otherSendersLease = now.plusSeconds(25);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(takenMeanwhile.id())),
                Update.update("dueAt", otherSendersLease), Message.class);
        Message fresh = stored(mongo, "fresh", sender.leaseFrom(now));
        // the application's own sender would not touch them either; stopped, it cannot make this test pass
        aloneWith(sender, applicationSender, () -> {
            sender.handOverLeased(List.of(runningShort, takenMeanwhile, fresh), Map.of());
            // one sender thread takes them in order: once the last is sent, the first two were decided
            Http.await(() -> mailTo(fresh.recipient()).size() == 1, Duration.ofSeconds(30), "the fresh one sent");
        });
        assertThat(mailTo(runningShort.recipient())).hasSize(1);
        assertThat(claimsOf(runningShort.id())).as("claims of the one running short").isEqualTo(1);
        assertThat(mailTo(takenMeanwhile.recipient())).isEmpty();
        assertThat(mongo.findById(takenMeanwhile.id(), Message.class)).satisfies(message -> {
            assertThat(message.status()).isEqualTo(MessageStatus.PENDING);
            assertThat(message.dueAt()).isEqualTo(otherSendersLease);
        });
        assertThat(claimsOf(fresh.id())).as("claims of the fresh one").isZero();
    }

    /**
     * Content recorded here goes to the sender threads with the message, up to a limit; beyond it (a backlog) the
     * message goes without, and its content is read from the store when it is sent.
     */
    @Test
    void aMessageHandedOverBeyondTheCarriedContentLimitIsSentWithItsContentFromTheStore(
            @Autowired MongoTemplate mongo, @Autowired MailDelivery delivery, @Autowired OutboxRelay relay,
            @Autowired MessageSender applicationSender) {
        MessageSender sender = senderWithOneThread(mongo, delivery, relay, DataSize.ofBytes(10));
        Message message = stored(mongo, "beyond", sender.leaseFrom(Instant.now()));
        MessageContent handedContent = new MessageContent(message.id(), "Not what the store holds", null, List.of());
        aloneWith(sender, applicationSender, () -> {
            sender.handOverLeased(List.of(message), Map.of(message.id(), handedContent));
            Http.await(() -> mailTo(message.recipient()).size() == 1, Duration.ofSeconds(30), "the message sent");
        });
        assertThat(contentReadsOf(message.id())).as("content reads").isEqualTo(1);
        assertThat(mailTo(message.recipient()).getFirst().text()).contains("Velkommen");
    }

    /** A sender thread keeps its SMTP connection from one wake-up to the next while messages keep coming. */
    @Test
    void messagesHandedOverOneAfterAnotherGoOverOneConnection(@Autowired MongoTemplate mongo,
                                                              @Autowired OutboxRelay relay,
                                                              @Autowired MessageSender applicationSender)
            throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
            MessageSender sender = senderWithOneThread(mongo, server.delivery(), relay, DataSize.ofMegabytes(1));
            aloneWith(sender, applicationSender, () -> {
                for (int i = 1; i <= 3; i++) {
                    sender.handOverLeased(List.of(stored(mongo, "in-a-row", sender.leaseFrom(Instant.now()))),
                            Map.of());
                    int sent = i;
                    Http.await(() -> server.messages() == sent, Duration.ofSeconds(30), "message " + i + " sent");
                }
            });
            assertThat(server.connections()).isEqualTo(1);
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
        long sweeps;
        try {
            recordDueMessages(mongo, tourId, backlog);
            MessageSender restarted = new MessageSender(mongo, delivery, relay, Clock.systemUTC(), 8,
                    Duration.ofSeconds(1), Duration.ofSeconds(30), 4, batch, DataSize.ofMegabytes(1));
            long sweepsBefore = sweeps();
            restarted.start();
            try {
                Query sentOnTour = Query.query(Criteria.where("tourId").is(tourId).and("status").is(MessageStatus.SENT));
                Http.await(() -> mongo.count(sentOnTour, Message.class) == backlog, Duration.ofSeconds(60),
                        "the backlog of " + backlog + " sent");
            } finally {
                restarted.stop();
            }
            sweeps = sweeps() - sweepsBefore;
        } finally {
            before.start();
        }
        // ten full batches and the last, partial one; one more if the sender looked once more before it stopped
        assertThat(sweeps).as("sweeps for %d due messages in batches of %d", backlog, batch)
                .isBetween((long) backlog / batch + 1, (long) backlog / batch + 2);
        for (int i = 0; i < backlog; i++) {
            assertThat(mailTo("sweep-" + i + "@example.no")).hasSize(1);
        }
    }

    /** A sender of the test's own, with one thread, whose handed-over messages carry at most {@code carried}. */
    private static MessageSender senderWithOneThread(MongoTemplate mongo, MailDelivery delivery, OutboxRelay relay,
                                                     DataSize carried) {
        return new MessageSender(mongo, delivery, relay, Clock.systemUTC(), 8, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 1, 500, carried);
    }

    /** Runs the work with {@code sender} as the only one sending; the application's own is stopped meanwhile. */
    private static void aloneWith(MessageSender sender, MessageSender applicationSender, Runnable work) {
        applicationSender.stop();
        sender.start();
        try {
            work.run();
        } finally {
            sender.stop();
            applicationSender.start();
        }
    }

    /** Messages recorded a minute ago by a sender that then died: pending, due, and nobody told about them. */
    private static void recordDueMessages(MongoTemplate mongo, String tourId, int count) {
        Instant recordedBeforeRestart = Instant.now().minusSeconds(60);
        for (int i = 0; i < count; i++) {
            store(mongo, new Message(UUID.randomUUID().toString(), "event-" + i, "registration-" + i, tourId,
                    "confirmation", "sweep-" + i + "@example.no", "nb", "Velkommen", List.of(), MessageStatus.PENDING,
                    0, null, recordedBeforeRestart, recordedBeforeRestart, null, 0));
        }
    }

    /** A pending message to a recipient of its own, due (or leased) until {@code dueAt}. */
    private static Message stored(MongoTemplate mongo, String name, Instant dueAt) {
        String id = UUID.randomUUID().toString();
        return store(mongo, new Message(id, "event-" + id, "registration-" + id, "tour-" + id, "confirmation",
                "lease-" + name + "-" + id + "@example.no", "nb", "Velkommen", List.of(), MessageStatus.PENDING, 0,
                null, dueAt, Instant.now(), null, 0));
    }

    private static Message store(MongoTemplate mongo, Message message) {
        mongo.insert(new MessageContent(message.id(), "Velkommen", "<p>Velkommen</p>", List.of()));
        return mongo.insert(message);
    }
}
