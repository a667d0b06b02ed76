package no.studietur.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * Publishes the events waiting in aggregate documents and then removes them from the documents.
 *
 * <p>Publishing happens before removal, so a crash in between publishes the events again after restart:
 * at-least-once, made exactly-once in effect by idempotent consumers. Only the events that were published are
 * pulled, so events appended meanwhile stay for the next round.
 *
 * <p>Removal waits up to {@link MessagingProperties#pullDelay()} and then takes the events of every document published
 * meanwhile out in one write per collection; until then the relay skips them when it reads those documents again.
 * Each round used to end with its own removal: under load a round carried one or two documents, so every event
 * cost the store a second write and commit. The price is a longer window in which a crash republishes events.
 *
 * <p>A writer names the document it just wrote ({@link #nudge(String, Object)}): the relay fetches it by id and
 * its events leave within milliseconds, however large the collection. Finding pending events without a hint takes
 * a query on the outbox field, which a store without a (partial) index on it answers by scanning the collection,
 * so the relay sweeps that way only when it starts, after a failure and every poll interval: that catches events
 * whose writer died before its hint, or that another instance wrote. In the local store a sweep holds the
 * collection while it scans (0.4 s at 27 000 registrations), which is why the interval is long.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Bson HAS_PENDING_EVENTS = Filters.exists(Outbox.FIELD + ".0");

    private final MongoTemplate mongo;
    private final Producer<String, byte[]> producer;
    private final MessagingProperties properties;
    private final Semaphore nudges = new Semaphore(0);
    private final Map<String, Set<Object>> written = new ConcurrentHashMap<>();
    private final AtomicBoolean sweepAsked = new AtomicBoolean(true);
    /** Per collection and document, the events published but not yet pulled; the worker thread's alone. */
    private final Map<String, Map<Object, Set<String>>> publishedNotPulled = new HashMap<>();
    private long publishedSince;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(MongoTemplate mongo, Producer<String, byte[]> producer, MessagingProperties properties) {
        this.mongo = mongo;
        this.producer = producer;
        this.properties = properties;
    }

    /** Tells the relay that this document now holds events to publish. */
    public void nudge(String collection, Object id) {
        written.computeIfAbsent(collection, ignored -> ConcurrentHashMap.newKeySet()).add(id);
        nudges.release();
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        nudges.release();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long failures = 0;
        long lastSweep = System.nanoTime();
        while (running) {
            try {
                nudges.tryAcquire(millisUntilNextDuty(), TimeUnit.MILLISECONDS);
                nudges.drainPermits();
                relayWritten();
                if (nanosUntilPull() <= 0) {
                    pullPublished();
                }
                if (sweepAsked.getAndSet(false) || System.nanoTime() - lastSweep >= properties.pollInterval().toNanos()) {
                    lastSweep = System.nanoTime();
                    while (running && sweep()) {
                        // a full batch may have left more behind
                    }
                }
                failures = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures++;
                sweepAsked.set(true);
                log.warn("Outbox relay round failed ({} in a row); events stay pending: {}", failures, e.toString());
                sleepQuietly(Math.min(5_000, 100L << Math.min(failures, 6)));
            }
        }
        pullPublishedQuietly();
    }

    /**
     * Until the next sweep, or sooner when published events wait to be pulled; no wait when a sweep is asked for,
     * as at the start, where waiting for the first nudge had left a dead writer's events for a whole poll interval.
     */
    private long millisUntilNextDuty() {
        if (sweepAsked.get()) {
            return 0;
        }
        return Math.max(0, Math.min(properties.pollInterval().toMillis(),
                TimeUnit.NANOSECONDS.toMillis(nanosUntilPull())));
    }

    /** How long until the oldest published event is due to be pulled; {@link Long#MAX_VALUE} with none waiting. */
    private long nanosUntilPull() {
        return publishedNotPulled.isEmpty() ? Long.MAX_VALUE
                : properties.pullDelay().toNanos() - (System.nanoTime() - publishedSince);
    }

    /**
     * Publishes one batch per collection; true when a batch was full, so more may be pending. Not "when anything
     * was found": under load writers keep adding events, and each repeated sweep is a scan that holds the
     * collection (a second at 45 000 registrations), which had brought the POST rate down to 11/s. Published
     * events are pulled first, so the scan finds only documents with events still to publish.
     */
    private boolean sweep() {
        pullPublished();
        boolean fullBatch = false;
        for (String collection : properties.outboxCollections()) {
            fullBatch |= relay(collection, HAS_PENDING_EVENTS) == properties.batchSize();
        }
        return fullBatch;
    }

    /** The documents writers named since the last round, fetched by id (a failed round is caught by a sweep). */
    private void relayWritten() {
        for (Map.Entry<String, Set<Object>> entry : written.entrySet()) {
            List<Object> ids = new ArrayList<>(entry.getValue());
            entry.getValue().removeAll(ids);
            inBatches(ids, batch -> relay(entry.getKey(), Filters.in("_id", batch)));
        }
    }

    /**
     * Publishes the events of the matching documents that were not published yet; returns how many documents had
     * any. They are remembered for {@link #pullPublished()} once Kafka has acknowledged them all.
     */
    private int relay(String collection, Bson pending) {
        var documents = mongo.getCollection(collection).find(pending)
                .projection(Projections.include(Outbox.FIELD)).limit(properties.batchSize())
                .into(new ArrayList<>());
        Map<Object, Set<String>> alreadyPublished = publishedNotPulled.getOrDefault(collection, Map.of());
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        Map<Object, List<String>> publishedNow = new HashMap<>();
        for (Document document : documents) {
            Object id = document.get("_id");
            Set<String> skip = alreadyPublished.getOrDefault(id, Set.of());
            for (Document event : document.getList(Outbox.FIELD, Document.class, List.of())) {
                String eventId = event.getString("eventId");
                if (!skip.contains(eventId)) {
                    sends.add(producer.send(record(event)));
                    publishedNow.computeIfAbsent(id, key -> new ArrayList<>()).add(eventId);
                }
            }
        }
        if (publishedNow.isEmpty()) {
            return 0;
        }
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            awaitAcknowledgement(send);
        }
        if (publishedNotPulled.isEmpty()) {
            publishedSince = System.nanoTime();
        }
        Map<Object, Set<String>> toPull = publishedNotPulled.computeIfAbsent(collection, name -> new HashMap<>());
        publishedNow.forEach((id, eventIds) -> toPull.computeIfAbsent(id, key -> new HashSet<>()).addAll(eventIds));
        return publishedNow.size();
    }

    /** Takes the published events out of their documents: one write per collection and batch. */
    private void pullPublished() {
        for (var collection = publishedNotPulled.entrySet().iterator(); collection.hasNext(); ) {
            var entry = collection.next();
            List<WriteModel<Document>> removals = entry.getValue().entrySet().stream()
                    .<WriteModel<Document>>map(document -> new UpdateOneModel<>(Filters.eq("_id", document.getKey()),
                            Updates.pull(Outbox.FIELD, Filters.in("eventId", document.getValue()))))
                    .toList();
            inBatches(removals, batch -> mongo.getCollection(entry.getKey()).bulkWrite(batch));
            collection.remove();
        }
    }

    /** Hands {@code items} over in slices of at most {@code batchSize}, in order. */
    private <T> void inBatches(List<T> items, Consumer<List<T>> batch) {
        for (int from = 0; from < items.size(); from += properties.batchSize()) {
            batch.accept(items.subList(from, Math.min(items.size(), from + properties.batchSize())));
        }
    }

    /** On the way out: what stays is published again after the restart, which consumers shrug off. */
    private void pullPublishedQuietly() {
        try {
            pullPublished();
        } catch (RuntimeException e) {
            log.warn("Could not take published events out of their documents; they will be published again: {}",
                    e.toString());
        }
    }

    private ProducerRecord<String, byte[]> record(Document event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.bytes("1.0"));
        headers.add(CloudEventHeaders.ID, CloudEventHeaders.bytes(event.getString("eventId")));
        headers.add(CloudEventHeaders.TYPE, CloudEventHeaders.bytes(event.getString("type")));
        headers.add(CloudEventHeaders.SOURCE, CloudEventHeaders.bytes(properties.source()));
        headers.add(CloudEventHeaders.SUBJECT, CloudEventHeaders.bytes(event.getString("subject")));
        headers.add(CloudEventHeaders.TIME, CloudEventHeaders.bytes(event.get("time", Date.class).toInstant().toString()));
        headers.add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.bytes(CloudEventHeaders.JSON));
        return new ProducerRecord<>(event.getString("topic"), null, event.getString("key"),
                CloudEventHeaders.bytes(event.getString("data")), headers);
    }

    private static void awaitAcknowledgement(Future<RecordMetadata> send) {
        try {
            send.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing", e);
        } catch (Exception e) {
            throw new IllegalStateException("Publishing failed", e);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
