package dev.cobra.runtime.persistence;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the embedded database stores and orders the keys of its unique indexes (the {@code _id} index of every
 * collection among them): by their BSON encoding.
 *
 * <p>Why: mongo-java-server's index keys ({@link KeyValue}) are not {@code Comparable}, so H2's default type
 * orders them by comparing their Java serialisations, serialising both keys at every step of every B-tree
 * search. BSON bytes give the same equality (equal keys, equal bytes) at a fraction of the cost, and a lookup
 * encodes its key once. The order differs from the old one, so index maps written by the plain H2 backend are
 * rebuilt once when opened ({@link EmbeddedDatabase}). A key the BSON encoder cannot represent (mongo-java-server's
 * {@code Missing} marker) is encoded with Java serialisation behind a different first byte, which keeps one total
 * order.
 */
final class EmbeddedIndexKeyType extends BasicDataType<KeyValue> {

    static final EmbeddedIndexKeyType INSTANCE = new EmbeddedIndexKeyType();

    private static final byte MARKER = EmbeddedDocumentType.BSON_MARKER;
    private static final byte BSON = 0;
    private static final byte JAVA = 1;

    private final ObjectDataType javaSerialised = new ObjectDataType();

    private EmbeddedIndexKeyType() {
    }

    @Override
    public int getMemory(KeyValue key) {
        return 64;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        byte[] encoded = encode(key);
        buffer.put(MARKER).putVarInt(encoded.length).put(encoded);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != MARKER) {
            return (KeyValue) javaSerialised.read(buffer);
        }
        buffer.get();
        byte[] encoded = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(encoded);
        return decode(encoded);
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        return Arrays.compareUnsigned(encode(a), encode(b));
    }

    /** As {@link BasicDataType#binarySearch}, with the searched key encoded once. */
    @Override
    public int binarySearch(KeyValue key, Object storage, int size, int initialGuess) {
        KeyValue[] keys = cast(storage);
        byte[] searched = encode(key);
        int low = 0;
        int high = size - 1;
        int x = initialGuess - 1;
        if (x < 0 || x > high) {
            x = high >>> 1;
        }
        while (low <= high) {
            int compare = Arrays.compareUnsigned(searched, encode(keys[x]));
            if (compare > 0) {
                low = x + 1;
            } else if (compare < 0) {
                high = x - 1;
            } else {
                return x;
            }
            x = (low + high) >>> 1;
        }
        return -(low + 1);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    static byte[] encode(KeyValue key) {
        Document values = new Document();
        int i = 0;
        for (Object value : key) {
            values.put(Integer.toString(i++), value);
        }
        ByteBuf bson = Unpooled.buffer(64);
        try {
            bson.writeByte(BSON);
            BsonEncoder.encodeDocument(values, bson);
            byte[] encoded = new byte[bson.readableBytes()];
            bson.readBytes(encoded);
            return encoded;
        } catch (RuntimeException unsupportedValue) {
            return javaEncoded(key);
        } finally {
            bson.release();
        }
    }

    static KeyValue decode(byte[] encoded) {
        if (encoded[0] == JAVA) {
            try (ObjectInputStream in = new ObjectInputStream(
                    new ByteArrayInputStream(encoded, 1, encoded.length - 1))) {
                return (KeyValue) in.readObject();
            } catch (IOException | ClassNotFoundException e) {
                throw new IllegalStateException("unreadable index key", e);
            }
        }
        Document values = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(encoded, 1, encoded.length - 1));
        List<Object> list = new ArrayList<>(values.values());
        return new KeyValue(list);
    }

    private static byte[] javaEncoded(KeyValue key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(JAVA);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
