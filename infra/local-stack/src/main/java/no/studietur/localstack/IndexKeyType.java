package no.studietur.localstack;

import java.nio.ByteBuffer;
import java.util.Comparator;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;

/**
 * The keys of a unique index, compared value by value. mongo-java-server's key is not {@link Comparable}, so H2's
 * default type compared two keys by Java-serialising both, at every step of every index look-up: a tenth of the
 * store's CPU under load. Stored as before.
 */
final class IndexKeyType extends BasicDataType<Object> {

    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();

    private final ObjectDataType serialized = new ObjectDataType();

    @Override
    public int compare(Object one, Object other) {
        if (!(one instanceof KeyValue first) || !(other instanceof KeyValue second)) {
            return serialized.compare(one, other);
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

    @Override
    public int getMemory(Object key) {
        return serialized.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        serialized.write(buffer, key);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        return serialized.read(buffer);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
