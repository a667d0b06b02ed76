package no.studietur.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class StoreLoadTest {

    @Test
    void aLoadsStoreCommandsArePerRegistrationPerServiceAndPerCollectionAndKindMostFirst() {
        StoreLoad before = StoreLoad.of(totals(
                namespace("registration.registrations", tally("insert", 10, 5_000), tally("total", 10, 5_000))));
        StoreLoad after = StoreLoad.of(totals(
                namespace("registration.registrations", tally("insert", 110, 55_000), tally("queries", 300, 60_000),
                        tally("total", 410, 115_000)),
                namespace("notification.messages", tally("update", 420, 210_000), tally("getmore", 5, 1_000),
                        tally("total", 425, 211_000))));

        StoreLoad load = after.since(before);

        assertThat(load.perRegistrationByService(100))
                .isEqualTo("8.3 (3.2 ms in the store): notification 4.3, registration 4.0");
        assertThat(load.perRegistrationByCollectionAndKind(100)).isEqualTo("notification.messages update 4.2 × 0.50 ms, "
                + "registration.registrations queries 3.0 × 0.20 ms, registration.registrations insert 1.0 × 0.50 ms");
    }

    private static Document totals(Document... namespaces) {
        Document totals = new Document("note", "all times in microseconds");
        for (Document namespace : namespaces) {
            totals.putAll(namespace);
        }
        return totals;
    }

    private static Document namespace(String name, Document... tallies) {
        Document kinds = new Document();
        for (Document tally : tallies) {
            kinds.putAll(tally);
        }
        return new Document(name, kinds);
    }

    private static Document tally(String kind, long count, long micros) {
        return new Document(kind, new Document("time", micros).append("count", count));
    }
}
