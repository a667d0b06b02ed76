package no.studietur.catalog.seat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.MockProducer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import no.studietur.catalog.seat.SeatEntry.State;
import no.studietur.messaging.MessagingProperties;
import no.studietur.messaging.OutboxRelay;
import no.studietur.testsupport.TestInfrastructure;

/**
 * The two-step seat write against the real store: a crash between the tour write and the copy of its entries
 * loses nothing, and a late copy never overwrites a newer state.
 */
class SeatLedgerTest {

    private static final MongoClient CLIENT = MongoClients.create(TestInfrastructure.get().mongoUri("catalog-ledger"));
    private static final MongoTemplate MONGO = new MongoTemplate(CLIENT, "catalog-ledger");

    private final String tourId = UUID.randomUUID().toString();

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    /** Each ledger stands for a catalog instance that has not seen any write yet. */
    private static SeatLedger instance() {
        return new SeatLedger(MONGO, new OutboxRelay(MONGO, new MockProducer<>(),
                new MessagingProperties("test", List.of(), List.of(), null, null, null, null, null)), Clock.systemUTC());
    }

    @BeforeEach
    void tour() {
        MONGO.insert(new Document("_id", tourId).append("status", "PUBLISHED")
                .append("registrationDeadline", Date.from(Instant.parse("2099-01-01T00:00:00Z")))
                .append("version", 0L).append("seats", new Document("capacity", 3).append("taken", 0)
                        .append("waitingCount", 0)), "tours");
    }

    /** Registration ids are unique per test, as the store is shared. */
    private SeatEntry entry(String name, State state, long version) {
        return new SeatEntry(tourId + name, tourId, state, List.of(name + "1"), false, 1, version);
    }

    private Document tourDocument() {
        return MONGO.findById(tourId, Document.class, "tours");
    }

    @Test
    void aWriteIsRefusedWhenTheTourChangedSinceItWasRead() {
        SeatLedger ledger = instance();
        assertThat(ledger.write(tourId, 0, new SeatCount(3, 1, 0), List.of(entry("A", State.RESERVED, 1)), List.of()))
                .isTrue();
        assertThat(ledger.write(tourId, 0, new SeatCount(3, 1, 0), List.of(entry("B", State.RESERVED, 1)), List.of()))
                .isFalse();

        assertThat(ledger.entry(tourId + "A")).contains(entry("A", State.RESERVED, 1));
        assertThat(ledger.entry(tourId + "B")).isEmpty();
        assertThat(tourDocument().getLong("version")).isEqualTo(1);
    }

    @Test
    void theNextReaderCopiesTheEntriesOfAWriteWhoseInstanceDiedBeforeCopyingThem() {
        Document change = new Document();
        MONGO.getConverter().write(entry("A", State.RESERVED, 1), change);
        MONGO.updateFirst(Query.query(Criteria.where("_id").is(tourId)), new Update().set("version", 1L)
                .set(SeatEntry.IN_TOUR, List.of(change)), "tours");
        SeatLedger survivor = instance();
        assertThat(survivor.entry(tourId + "A")).isEmpty();

        survivor.decisionInput(tourId);

        assertThat(survivor.entry(tourId + "A")).contains(entry("A", State.RESERVED, 1));
    }

    @Test
    void aLateCopyOfAnOlderWriteNeverOverwritesTheNewerState() {
        SeatLedger first = instance();
        first.write(tourId, 0, new SeatCount(3, 0, 1), List.of(entry("A", State.WAITING, 1)), List.of());
        Document olderChanges = tourDocument();
        first.write(tourId, 1, new SeatCount(3, 0, 0), List.of(entry("A", State.CANCELLED, 2)), List.of());

        // A slow instance read the tour before the second write and copies what it read only now.
        MONGO.updateFirst(Query.query(Criteria.where("_id").is(tourId)),
                new Update().set(SeatEntry.IN_TOUR, olderChanges.get(SeatEntry.IN_TOUR)), "tours");
        SeatLedger slow = instance();
        slow.decisionInput(tourId);

        assertThat(slow.entry(tourId + "A")).contains(entry("A", State.CANCELLED, 2));
    }
}
