package no.studietur.localstack;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 backend of mongo-java-server with six changes the platform's write pattern and load need.
 *
 * <p>First, a query naming one {@code _id} plus further conditions ({@code {_id: x, version: 3}}, the shape of
 * every conditional update here, or the {@code $and} of them that the driver's {@code Filters.and} sends) looks
 * the document up by its id. The stock server uses an index only when the query has exactly the index's fields,
 * so each of these writes scanned its whole collection and the platform slowed down as its data grew.
 *
 * <p>Second, on disk, it commits after every write command, before the answer goes out: H2's MVStore commits on
 * its own only about once a second, so a killed store would lose writes it had acknowledged. A killed process
 * loses nothing (a power cut still may: there is no fsync per write). No write changes a map while a commit
 * serialises ({@link CommitGate}), and MVStore's own background writer is off (it would only repeat those commits,
 * on two more threads of H2's): either way H2 2.4.240 could lose track of a chunk under load and hang.
 *
 * <p>Third, its page cache is 128 MB instead of MVStore's 16 MB: with the documents of a few thousand registrations
 * the working set outgrew 16 MB, pages were read back from the file and deserialised again for every look-up, and
 * the POST accept rate fell from 113/s to 67/s within 45 s of load; with the larger cache it held 173–192/s. Its
 * pages split at 4 KB instead of 16 KB: every commit writes the whole page of each document it changed, and a
 * one-document change wrote 14.9 KB, now 8.0 KB.
 *
 * <p>Fourth, documents are stored as BSON ({@link BsonDocumentType}), index keys compared value by value, and index
 * keys and ObjectIds stored as BSON too ({@link StoreKeyType}), instead of through Java serialisation. Storing
 * documents so changed the file format: a file written before is refused with a message saying so, rather than read
 * as garbage. Keys and ids written by Java serialisation are still read.
 *
 * <p>Fifth, on disk, it compacts: every two seconds, while less than half of the chunks' bytes are live, it rewrites
 * the live pages of its sparsest chunks, under the {@link CommitGate} like a commit. A page that is not changed again
 * stays live in the chunk it was last written to, and MVStore reuses only chunks with nothing live left; rewriting
 * the others was its background writer's job. Without it the local platform's file held 127 MB after a few hundred
 * registrations, 5 % of its chunks' bytes live (4.9 MB once compacted); a few seconds of compaction took that to
 * 90 %. A chunk that falls empty is kept for MVStore's retention time (45 s) before its space is reused, so under
 * load the file also holds the last 45 s of writes, and compaction falls behind until the load stops.
 *
 * <p>Sixth, it answers MongoDB's {@code top} admin command: commands and their time per collection and kind
 * ({@link StoreTop}), which the benchmark reports per registration.
 */
final class IdLookupH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

    /** Marks a file in this backend's format; a file with collections but without it was written before. */
    private static final String FORMAT_MAP = "studietur-store-format";
    private static final String FORMAT = "bson-documents";
    private static final String ID = "_id";
    private static final String AND = "$and";
    private static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(IdLookupH2Backend.class);

    /** Compaction rewrites chunks until this share of their bytes is live, in percent. */
    private static final int TARGET_FILL_RATE = 50;
    /** At most about this many bytes per round: writes wait while a round runs, as they do for a commit. */
    private static final int REWRITE_BYTES_PER_ROUND = 2 << 20;
    private static final Duration COMPACTION_INTERVAL = Duration.ofSeconds(2);
    /** How long MVStore keeps a chunk that fell empty before it reuses its space (its default). */
    private static final Duration RETENTION = Duration.ofSeconds(45);

    private final boolean commitEachWrite;
    private final CommitGate commitGate = new CommitGate();
    private final StoreTop top = new StoreTop();
    private final ScheduledExecutorService compaction = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("store-compaction").daemon().factory());

    private IdLookupH2Backend(MVStore store, boolean commitEachWrite) {
        super(store);
        this.commitEachWrite = commitEachWrite;
    }

    static IdLookupH2Backend inMemoryStore() {
        return new IdLookupH2Backend(MVStore.open(null), false);
    }

    static IdLookupH2Backend fileStore(String fileName) {
        IdLookupH2Backend backend = fileStore(fileName, RETENTION);
        backend.compaction.scheduleWithFixedDelay(backend::compactQuietly, COMPACTION_INTERVAL.toMillis(),
                COMPACTION_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return backend;
    }

    /** A file store that compacts only when asked ({@link #compact()}); tests shorten the retention. */
    static IdLookupH2Backend fileStore(String fileName, Duration retention) {
        MVStore store = new MVStore.Builder().fileName(fileName).cacheSize(128).pageSplitSize(4096)
                .autoCommitDisabled().open();
        store.setRetentionTime((int) retention.toMillis());
        boolean writtenBefore = store.getMapNames().stream().anyMatch(name -> !name.equals(FORMAT_MAP));
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        if (writtenBefore && !FORMAT.equals(format.get("format"))) {
            store.closeImmediately();
            throw new IllegalStateException(fileName + " was written by an earlier version of the local store, which "
                    + "kept documents in another format. Delete it (for the local platform: the folder "
                    + "infra/local-platform/data) and start again.");
        }
        format.put("format", FORMAT);
        store.commit();
        return new IdLookupH2Backend(store, true);
    }

    /**
     * Rewrites the live pages of the sparsest chunks that are older than the retention time, if the chunks hold
     * less than {@link #TARGET_FILL_RATE} percent live data, and commits them; the chunks left with nothing live
     * are reused once the retention time has passed. Only open maps move: the databases this process has used.
     */
    void compact() {
        commitGate.commit(() -> {
            if (getMvStore().compact(TARGET_FILL_RATE, REWRITE_BYTES_PER_ROUND)) {
                commit();
            }
        });
    }

    /** A failed round leaves the data as it was; the next round tries again. */
    private void compactQuietly() {
        try {
            compact();
        } catch (RuntimeException e) {
            log.warn("Store compaction failed; the next round tries again", e);
        }
    }

    @Override
    public void close() {
        compaction.shutdownNow();
        try {
            compaction.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.close();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IdLookupDatabase(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (ADMIN.equals(database) && StoreTop.COMMAND.equalsIgnoreCase(command)) {
            return top.report();
        }
        long arrived = System.nanoTime();
        try {
            if (!commitEachWrite || !WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                return super.handleCommand(channel, database, command, query);
            }
            Document answer = commitGate.write(() -> super.handleCommand(channel, database, command, query));
            commitGate.commit(this::commit);
            return answer;
        } finally {
            top.record(database, command, query, System.nanoTime() - arrived);
        }
    }

    /**
     * The id a query names beside further conditions, either {@code {_id: x, version: 3}} or the form the driver's
     * {@code Filters.and} renders, {@code {$and: [{_id: x}, {version: {$lt: 3}}]}}; null for any other query.
     */
    static Object idNamedBeside(Document query) {
        if (query.size() > 1 && isPlainValue(query.get(ID))) {
            return query.get(ID);
        }
        if (query.size() == 1 && query.get(AND) instanceof List<?> conditions) {
            return conditions.stream().filter(condition -> condition instanceof Document document
                            && document.size() == 1 && isPlainValue(document.get(ID)))
                    .map(condition -> ((Document) condition).get(ID)).findFirst().orElse(null);
        }
        return null;
    }

    /** An id to look up, not an operator ({@code $in}), an embedded document, a pattern or an array. */
    private static boolean isPlainValue(Object id) {
        return id != null && !(id instanceof Document) && !(id instanceof Collection<?>)
                && !(id instanceof Pattern) && !(id instanceof BsonRegularExpression);
    }

    /** Inner, not static: H2Database opens existing collections in its constructor, before a field could be set. */
    private final class IdLookupDatabase extends H2Database {

        IdLookupDatabase(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            super(databaseName, store, cursorRegistry);
        }

        /** The same map names as {@link H2Database}, so data written by either opens in the other. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            MVMap<Object, Document> documents = store.openMap("databases." + fullName,
                    new MVMap.Builder<Object, Document>().keyType(new StoreKeyType())
                            .valueType(BsonDocumentType.INSTANCE));
            return new IdLookupCollection(this, collectionName, options, documents, store.openMap("meta." + fullName),
                    cursorRegistry);
        }

        /** Opens the index's map with {@link StoreKeyType} first: the stock code then finds it open and uses it. */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new MVMap.Builder<Object, Object>().keyType(new StoreKeyType()).valueType(new StoreKeyType()));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }

    private static final class IdLookupCollection extends H2Collection {

        IdLookupCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                           MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                           CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            Object id = idNamedBeside(query);
            Index<Object> idIndex = id != null ? idIndex() : null;
            if (idIndex == null) {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            Object position = idIndex.getPosition(new Document(ID, id));
            // the whole query still decides whether that one document matches
            return matchDocuments(query, position == null ? List.of() : List.of(position), orderBy, numberToSkip,
                    limit, batchSize, fieldSelector);
        }

        private Index<Object> idIndex() {
            return getIndexes().stream()
                    .filter(index -> index.getKeys().size() == 1 && index.getKeys().getFirst().getKey().equals(ID))
                    .findFirst().orElse(null);
        }
    }
}
