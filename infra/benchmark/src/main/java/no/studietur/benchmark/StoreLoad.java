package no.studietur.benchmark;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
record StoreLoad(Map<Key, Tally> tallies) {

    /** A kind of command on a collection, {@code database.collection}; top's kind "total" sums a collection's. */
    record Key(String namespace, String kind) {

        boolean isTotal() {
            return kind.equals("total");
        }

        String service() {
            return namespace.substring(0, namespace.indexOf('.'));
        }

        @Override
        public String toString() {
            return namespace + " " + kind;
        }
    }

    /** Commands of one kind on one collection, and their time in the store. */
    record Tally(long count, long micros) {
        Tally minus(Tally earlier) {
            return new Tally(count - earlier.count, micros - earlier.micros);
        }
    }

    static StoreLoad read(String uri) {
        try (var client = MongoClients.create(uri)) {
            return of(client.getDatabase("admin").runCommand(new Document("top", 1)).get("totals", Document.class));
        }
    }

    /** From top's {@code totals}: namespaces, each with its kinds (and their total), each with count and time. */
    static StoreLoad of(Document totals) {
        Map<Key, Tally> tallies = new HashMap<>();
        totals.forEach((namespace, kinds) -> {
            if (kinds instanceof Document perKind) {
                perKind.forEach((kind, tally) -> {
                    Document counted = (Document) tally;
                    tallies.put(new Key(namespace, kind), new Tally(counted.get("count", Number.class).longValue(),
                            counted.get("time", Number.class).longValue()));
                });
            }
        });
        return new StoreLoad(tallies);
    }

    /** What happened between {@code earlier} and this reading. */
    StoreLoad since(StoreLoad earlier) {
        Map<Key, Tally> difference = new HashMap<>();
        tallies.forEach((key, tally) -> difference.put(key,
                tally.minus(earlier.tallies.getOrDefault(key, new Tally(0, 0)))));
        return new StoreLoad(difference);
    }

    /** Commands of these kinds on every collection. */
    long count(String... kinds) {
        Set<String> wanted = Set.of(kinds);
        return tallies.entrySet().stream().filter(entry -> wanted.contains(entry.getKey().kind()))
                .mapToLong(entry -> entry.getValue().count()).sum();
    }

    /** Commands per registration in all, per service (the database), and the store's time for them. */
    String perRegistrationByService(long registrations) {
        Map<String, Double> byService = new TreeMap<>();
        long micros = 0;
        for (Map.Entry<Key, Tally> total : tallies.entrySet()) {
            if (total.getKey().isTotal()) {
                byService.merge(total.getKey().service(), (double) total.getValue().count() / registrations,
                        Double::sum);
                micros += total.getValue().micros();
            }
        }
        double all = byService.values().stream().mapToDouble(Double::doubleValue).sum();
        return "%.1f (%.1f ms in the store): ".formatted(all, micros / 1e3 / registrations) + byService.entrySet()
                .stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(service -> "%s %.1f".formatted(service.getKey(), service.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Each collection's commands of each kind per registration, most first, with their mean time in the store. */
    String perRegistrationByCollectionAndKind(long registrations) {
        return tallies.entrySet().stream()
                .filter(entry -> !entry.getKey().isTotal())
                .filter(entry -> entry.getValue().count() * 10 >= registrations)
                .sorted(Map.Entry.<Key, Tally>comparingByValue((a, b) -> Long.compare(b.count(), a.count())))
                .map(entry -> "%s %.1f × %.2f ms".formatted(entry.getKey(),
                        (double) entry.getValue().count() / registrations,
                        entry.getValue().micros() / 1e3 / entry.getValue().count()))
                .collect(Collectors.joining(", "));
    }
}
