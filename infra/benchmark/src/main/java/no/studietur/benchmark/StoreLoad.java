package no.studietur.benchmark;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.bson.Document;

import com.mongodb.client.MongoClients;

/**
 * The store's commands and their time per collection and kind, read with MongoDB's {@code top} command (the local
 * store answers it in MongoDB's shape). Two readings around a load say how many store round trips a registration
 * costs, in which service, and where the store's time went; unlike CPU time, the counts do not depend on how busy
 * the machine was, so a change that adds or saves a round trip shows in them exactly.
 */
record StoreLoad(Map<String, Tally> byCollectionAndKind) {

    /** Commands of one kind on one collection ({@code database.collection kind}), and their time in the store. */
    record Tally(long count, long micros) {
        Tally minus(Tally earlier) {
            return new Tally(count - earlier.count, micros - earlier.micros);
        }
    }

    private static final String TOTAL = "total";

    static StoreLoad read(String uri) {
        try (var client = MongoClients.create(uri)) {
            return of(client.getDatabase("admin").runCommand(new Document("top", 1)).get("totals", Document.class));
        }
    }

    /** From top's {@code totals}: namespaces, each with its kinds (and their total), each with count and time. */
    static StoreLoad of(Document totals) {
        Map<String, Tally> tallies = new HashMap<>();
        totals.forEach((namespace, kinds) -> {
            if (kinds instanceof Document perKind) {
                perKind.forEach((kind, tally) -> {
                    Document counted = (Document) tally;
                    tallies.put(namespace + " " + kind, new Tally(counted.get("count", Number.class).longValue(),
                            counted.get("time", Number.class).longValue()));
                });
            }
        });
        return new StoreLoad(tallies);
    }

    /** What happened between {@code earlier} and this reading. */
    StoreLoad since(StoreLoad earlier) {
        Map<String, Tally> difference = new HashMap<>();
        byCollectionAndKind.forEach((key, tally) -> difference.put(key,
                tally.minus(earlier.byCollectionAndKind.getOrDefault(key, new Tally(0, 0)))));
        return new StoreLoad(difference);
    }

    /** Commands per registration in all, per service (the database), and the store's time for them. */
    String perRegistrationByService(long registrations) {
        Map<String, Double> byService = new TreeMap<>();
        totals().forEach((key, tally) -> byService.merge(key.substring(0, key.indexOf('.')),
                (double) tally.count() / registrations, Double::sum));
        double all = byService.values().stream().mapToDouble(Double::doubleValue).sum();
        double millis = totals().values().stream().mapToLong(Tally::micros).sum() / 1e3 / registrations;
        return "%.1f (%.1f ms in the store): ".formatted(all, millis) + byService.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(service -> "%s %.1f".formatted(service.getKey(), service.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Each collection's commands of each kind per registration, most first, with their mean time in the store. */
    String perRegistrationByCollectionAndKind(long registrations) {
        return byCollectionAndKind.entrySet().stream()
                .filter(entry -> !entry.getKey().endsWith(" " + TOTAL))
                .filter(entry -> entry.getValue().count() * 10 >= registrations)
                .sorted(Map.Entry.<String, Tally>comparingByValue((a, b) -> Long.compare(b.count(), a.count())))
                .map(entry -> "%s %.1f × %.2f ms".formatted(entry.getKey(),
                        (double) entry.getValue().count() / registrations,
                        entry.getValue().micros() / 1e3 / entry.getValue().count()))
                .collect(Collectors.joining(", "));
    }

    private Map<String, Tally> totals() {
        return byCollectionAndKind.entrySet().stream().filter(entry -> entry.getKey().endsWith(" " + TOTAL))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
