package no.studietur.localstack;

import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.Set;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The keys of the store's maps as mongo-java-server fills them: a unique index maps its key ({@link KeyValue}) to a
 * document's id, and a collection maps that id to the document. Neither the index key nor an {@link ObjectId} is a
 * type H2 knows, so H2's default type Java-serialised them: to compare two index keys at every step of every index
 * look-up (a tenth of the store's CPU under load), and to write every key and id of every page a commit touched: 8 %
 * of the store's CPU in the benchmark's profile of 2026-12-06, and a quarter of the store threads' samples in a probe
 * of the services' writes (docs/benchmarks.md).
 *
 * <p>Index keys are compared value by value. Index keys whose values BSON carries unchanged (text, numbers, booleans,
 * ObjectIds, null: every unique field the services index) and ObjectIds are written as BSON behind tags that H2's type
 * never writes. Anything else, and everything in a file written before, is written and read by H2's type, which
 * stores text and numbers compactly itself: older files still open.
 */
final class StoreKeyType extends BasicDataType<Object> {

    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();
    /** H2's {@link ObjectDataType} starts each value with a type tag from 0 up; these two are ours. */
    private static final byte BSON_INDEX_KEY = -1;
    private static final byte BSON_OBJECT_ID = -2;
    private static final String ONLY_VALUE = "0";
    private static final Set<Class<?>> UNCHANGED_BY_BSON = Set.of(String.class, Integer.class, Long.class,
            Double.class, Boolean.class, ObjectId.class);

    private final ObjectDataType h2Type = new ObjectDataType();

    @Override
    public int compare(Object one, Object other) {
        if (!(one instanceof KeyValue first) || !(other instanceof KeyValue second)) {
            return h2Type.compare(one, other);
        }
        int sizes = Integer.compare(first.size(), second.size());
        for (int i = 0; sizes == 0 && i < first.size(); i++) {
            int values = VALUES.compare(first.get(i), second.get(i));
            if (values != 0) {
                return values;
            }
        }
        return sizes;
    }

    /**
     * An estimate of the heap a key takes, by which H2 sizes its page cache. For what it serialises H2's type answers
     * a running average of what it serialised, starting from 10 000 bytes: with nothing serialised it would stay there.
     */
    @Override
    public int getMemory(Object key) {
        return switch (key) {
            case KeyValue values -> 48 + values.stream().mapToInt(StoreKeyType::valueMemory).sum();
            case ObjectId id -> valueMemory(id);
            default -> h2Type.getMemory(key);
        };
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        switch (key) {
            case KeyValue values when values.stream().allMatch(StoreKeyType::unchangedByBson) -> {
                Document document = new Document();
                for (int i = 0; i < values.size(); i++) {
                    document.put(String.valueOf(i), values.get(i));
                }
                BsonDocumentType.INSTANCE.write(buffer.put(BSON_INDEX_KEY), document);
            }
            case ObjectId id ->
                    BsonDocumentType.INSTANCE.write(buffer.put(BSON_OBJECT_ID), new Document(ONLY_VALUE, id));
            default -> h2Type.write(buffer, key);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        byte tag = buffer.get(buffer.position());
        if (tag != BSON_INDEX_KEY && tag != BSON_OBJECT_ID) {
            return h2Type.read(buffer);
        }
        Document document = BsonDocumentType.INSTANCE.read(buffer.position(buffer.position() + 1));
        return tag == BSON_INDEX_KEY ? new KeyValue(document.values()) : document.get(ONLY_VALUE);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    private static boolean unchangedByBson(Object value) {
        return value == null || UNCHANGED_BY_BSON.contains(value.getClass());
    }

    private static int valueMemory(Object value) {
        return value instanceof String text ? 48 + text.length() : 32;
    }
}
