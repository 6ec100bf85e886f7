package dev.cobra.runtime.persistence;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * How the embedded database stores a document in its MVStore file: as BSON, the encoding the wire protocol
 * already uses, instead of H2's default Java serialisation.
 *
 * <p>Why: the load harness's flight recording showed Java serialisation of stored documents (a new
 * {@code ObjectOutputStream} per document, every commit) as one of the largest CPU costs of a turn. BSON
 * round-trips exactly the values the server received over the wire, since every stored document came from
 * there (or from the server's own operators, which produce BSON types too).
 *
 * <p>Files written before this type existed hold Java-serialised values. A BSON value starts with
 * {@link #BSON_MARKER}, a tag H2's {@link ObjectDataType} never writes (its tags end at 119), so a value without
 * the marker is read the old way: old files open unchanged and their pages are rewritten as BSON when next
 * written. A value the BSON encoder cannot represent is stored the old way too (never expected, but nothing is
 * refused).
 */
final class EmbeddedDocumentType extends BasicDataType<Document> {

    static final EmbeddedDocumentType INSTANCE = new EmbeddedDocumentType();

    /** First byte of a BSON value; H2's ObjectDataType tags are 0–119. */
    static final byte BSON_MARKER = (byte) 0xB5;

    private final ObjectDataType javaSerialised = new ObjectDataType();
    /** Running average of the encoded size, for MVStore's page memory accounting (as ObjectDataType does). */
    private volatile int averageSize = 512;

    private EmbeddedDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(averageSize + 64);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (RuntimeException unsupportedValue) {
            bson.release();
            javaSerialised.write(buffer, document);
            return;
        }
        int size = bson.readableBytes();
        averageSize = (averageSize * 15 + size) / 16;
        buffer.put(BSON_MARKER).putVarInt(size).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), size);
        bson.release();
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON_MARKER) {
            return (Document) javaSerialised.read(buffer);
        }
        buffer.get(); // the marker
        int size = DataUtils.readVarInt(buffer);
        ByteBuffer slice = buffer.slice();
        slice.limit(size);
        buffer.position(buffer.position() + size);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
    }

    /** Values are never ordered; MVStore only asks whether two are equal. */
    @Override
    public int compare(Document a, Document b) {
        return a.equals(b) ? 0 : 1;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
