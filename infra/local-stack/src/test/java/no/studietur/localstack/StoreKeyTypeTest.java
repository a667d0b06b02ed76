package no.studietur.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

class StoreKeyTypeTest {

    private final StoreKeyType type = new StoreKeyType();

    @Test
    void indexKeysOfTheServicesKindsAndObjectIdsAreWrittenWithoutJavaSerialisationAndReadBackEqual() {
        for (Object key : new Object[] {new KeyValue("kontakt@baerum.kommune.no"), new KeyValue(new ObjectId()),
                new KeyValue("tour-1", 3, 7L, 2.5, true, null), new ObjectId()}) {
            byte[] written = write(type, key);

            assertThat(javaSerialised(written)).as("%s", key).isFalse();
            assertThat(read(type, written)).as("%s", key).isEqualTo(key);
        }
    }

    @Test
    void anIndexKeyOfTwentyCharactersTakesUnderFortyBytesWhereJavaSerialisationTookOverAHundredAndFifty() {
        KeyValue key = new KeyValue("idem-4f1c2a9b0e77d3c5");

        assertThat(write(type, key).length).isLessThan(40);
        assertThat(write(new ObjectDataType(), key).length).isGreaterThan(150);
    }

    @Test
    void otherKeysAndIdsRoundTripThroughH2sOwnType() {
        for (Object key : new Object[] {new KeyValue(Instant.parse("2026-12-06T11:00:00Z")),
                new KeyValue(new Document("municipality", "Bærum")), "registration-1", 42L, UUID.randomUUID()}) {
            assertThat(read(type, write(type, key))).as("%s", key).isEqualTo(key);
        }
    }

    @Test
    void keysAndIdsWrittenBeforeByH2sTypeStillRead() {
        for (Object key : new Object[] {new KeyValue("kontakt@baerum.kommune.no", 3), new ObjectId(), "registration-1"}) {
            assertThat(read(type, write(new ObjectDataType(), key))).as("%s", key).isEqualTo(key);
        }
    }

    @Test
    void theCacheIsToldWhatAKeyTakesNotH2sStartingGuessOfTenThousandBytes() {
        assertThat(type.getMemory(new KeyValue("kontakt@baerum.kommune.no"))).isBetween(50, 200);
        assertThat(type.getMemory(new ObjectId())).isBetween(16, 100);
    }

    @Test
    void indexKeysAreOrderedByLengthThenValueByValue() {
        assertThat(type.compare(new KeyValue("a", 2), new KeyValue("a", 10))).isNegative();
        assertThat(type.compare(new KeyValue("b"), new KeyValue("a", 1))).isNegative();
        assertThat(type.compare(new KeyValue("a", 2), new KeyValue("a", 2))).isZero();
    }

    private static byte[] write(DataType<Object> type, Object key) {
        WriteBuffer out = new WriteBuffer();
        type.write(out, key);
        ByteBuffer written = out.getBuffer().flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }

    private static Object read(DataType<Object> type, byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        Object key = type.read(buffer);
        assertThat(buffer.remaining()).as("bytes left unread").isZero();
        return key;
    }

    /** Whether the bytes hold a Java-serialised object: its stream starts with 0xACED. */
    private static boolean javaSerialised(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == (byte) 0xAC && bytes[i + 1] == (byte) 0xED) {
                return true;
            }
        }
        return false;
    }
}
