package no.studietur.localstack;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Stored documents as BSON, the form they arrive and leave in. H2's default type wrote them with Java
 * serialisation, and every commit re-serialised each page it touched: a quarter of the store's CPU under load.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        // H2 samples a few values per page to size its cache; the BSON length is a fair estimate of the heap used
        return encode(document).readableBytes();
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = encode(document);
        buffer.putVarInt(bson.readableBytes()).put(bson.nioBuffer());
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length)));
        buffer.position(buffer.position() + length);
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    private static ByteBuf encode(Document document) {
        ByteBuf bson = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, bson);
        return bson;
    }
}
