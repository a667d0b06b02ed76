package no.studietur.localstack;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.bson.Document;

/**
 * How many commands the store answered per collection and kind, and how long they took, reported in the shape of
 * MongoDB's {@code top} admin command (which mongo-java-server lacks): the benchmark reads it to say how many store
 * round trips a registration costs and where the store's time goes. A command's time runs from its arrival to its
 * answer, so a write's includes its commit and any wait for another commit.
 */
final class StoreTop {

    static final String COMMAND = "top";

    private record Tally(LongAdder count, LongAdder micros) {
        Tally() {
            this(new LongAdder(), new LongAdder());
        }

        void add(long nanos) {
            count.increment();
            micros.add(nanos / 1_000);
        }

        Document report() {
            return new Document("time", micros.sum()).append("count", count.sum());
        }
    }

    private final Map<String, Map<String, Tally>> byNamespace = new ConcurrentHashMap<>();

    /** Counts a command on a collection; commands without one (ping, hello, endSessions) are not listed by top. */
    void record(String database, String command, Document query, long nanos) {
        String collection = collectionOf(command, query);
        if (collection == null) {
            return;
        }
        Map<String, Tally> kinds = byNamespace.computeIfAbsent(database + "." + collection,
                namespace -> new ConcurrentHashMap<>());
        kinds.computeIfAbsent("total", kind -> new Tally()).add(nanos);
        kinds.computeIfAbsent(kindOf(command), kind -> new Tally()).add(nanos);
    }

    /** The collection a command works on: most name it as their value, getMore (whose value is a cursor) apart. */
    private static String collectionOf(String command, Document query) {
        Object named = "getmore".equalsIgnoreCase(command) ? query.get("collection") : query.get(command);
        return named instanceof String collection ? collection : null;
    }

    /** The answer to {@code top}: every namespace with its total and each kind of command seen, times in µs. */
    Document report() {
        Document totals = new Document("note", "all times in microseconds");
        new TreeMap<>(byNamespace).forEach((namespace, kinds) -> {
            Document perKind = new Document();
            new TreeMap<>(kinds).forEach((kind, tally) -> perKind.append(kind, tally.report()));
            totals.append(namespace, perKind);
        });
        return new Document("totals", totals).append("ok", 1.0);
    }

    /** The kinds MongoDB's top reports: queries, getmore, insert, update, remove, and other commands. */
    static String kindOf(String command) {
        return switch (command.toLowerCase(Locale.ROOT)) {
            case "find", "count", "aggregate", "distinct" -> "queries";
            case "getmore" -> "getmore";
            case "insert" -> "insert";
            case "update", "findandmodify" -> "update";
            case "delete" -> "remove";
            default -> "commands";
        };
    }
}
