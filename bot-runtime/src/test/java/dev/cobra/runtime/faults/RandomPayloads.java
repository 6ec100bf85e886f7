package dev.cobra.runtime.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Seeded generators of malformed and odd request bodies for the fuzz tests. */
final class RandomPayloads {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Keys of Meta's envelope, so random trees look like webhooks; never "id", so nothing is a message. */
    private static final List<String> KEYS = List.of("object", "entry", "changes", "field", "value", "messages",
            "statuses", "contacts", "from", "type", "text", "body", "timestamp", "wa_id", "user_id", "interactive",
            "button", "payload", "errors");

    private final Random random;

    RandomPayloads(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    JsonNode randomTree(int depth) {
        int pick = random.nextInt(depth > 4 ? 6 : 9);
        return switch (pick) {
            case 0 -> NODES.textNode(randomString(random.nextInt(40)));
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(300)));
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> NODES.numberNode(new BigInteger(200, random));
            case 6, 7 -> {
                ObjectNode object = NODES.objectNode();
                int fields = random.nextInt(5);
                for (int i = 0; i < fields; i++) {
                    String key = random.nextInt(4) == 0 ? randomString(8) : KEYS.get(random.nextInt(KEYS.size()));
                    object.set(key, randomTree(depth + 1));
                }
                yield object;
            }
            default -> {
                ArrayNode array = NODES.arrayNode();
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    array.add(randomTree(depth + 1));
                }
                yield array;
            }
        };
    }

    /** Letters, digits, accents, emoji, quotes, backslashes and control characters. */
    String randomString(int length) {
        String alphabet = "abcXYZ019 ñáé\"\\/\n\t\u0000\u001f€😀<>{}[]";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int at = random.nextInt(alphabet.length());
            char c = alphabet.charAt(at);
            if (Character.isHighSurrogate(c) && at + 1 < alphabet.length()) {
                text.append(c).append(alphabet.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                text.append(c);
            }
        }
        return text.toString();
    }

    byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Bytes that are not UTF-8 (a lone continuation byte, an overlong form, 0xFF) spliced into a JSON string. */
    static byte[] withInvalidUtf8(String json, String marker) {
        byte[] before = json.substring(0, json.indexOf(marker)).getBytes(StandardCharsets.UTF_8);
        byte[] after = json.substring(json.indexOf(marker) + marker.length()).getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0x80, (byte) 0xC0, (byte) 0xAF, (byte) 0xFF};
        byte[] all = new byte[before.length + bad.length + after.length];
        System.arraycopy(before, 0, all, 0, before.length);
        System.arraycopy(bad, 0, all, before.length, bad.length);
        System.arraycopy(after, 0, all, before.length + bad.length, after.length);
        return all;
    }

    static String deepArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static String deepObjects(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
