package dev.cobra.runtime.conversation.engine;

import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names the records a turn's side effects write (promises, plan requests, payment links, creditor events) after the
 * inbound message that caused them, so that running the same message's turn again writes none of them twice.
 *
 * <p>Why: the engine writes these records while it runs, before the conversation state is saved. A turn is run
 * again when its save loses a race with another instance (version conflict) or when the process died before the
 * save; the records of the first run are then already stored. With ids derived from
 * {@code <conversation>:<message>}, the kind of record and its position in the turn, the second run's inserts meet
 * the first run's records and are skipped. Carried in the Reactor context of the engine call; a turn without an
 * inbound message id (a conversation opened by the system, an agent's resume) gets fresh ids as before.
 *
 * @param turnKey {@code <conversation>:<inbound message id>}
 * @param at      when the message was received: the time part of the ids, the same in every run of the turn
 */
public record TurnEffects(String turnKey, Instant at, Map<String, AtomicInteger> positions) {

    private static final String CONTEXT_KEY = TurnEffects.class.getName();

    public static TurnEffects of(String conversationId, String messageId, Instant receivedAt) {
        return new TurnEffects(conversationId + ":" + messageId, receivedAt, new ConcurrentHashMap<>());
    }

    public Context addTo(Context context) {
        return context.put(CONTEXT_KEY, this);
    }

    /**
     * The id of the next record of {@code kind} in the running turn: deterministic inside a turn named by
     * {@link TurnEffects}, a fresh {@link ObjectId} otherwise. The first four bytes are the message's time (as in
     * every ObjectId, so ids still sort by time) and the fifth is the record's position in the turn.
     */
    public static Mono<ObjectId> nextObjectId(String kind) {
        return Mono.deferContextual(context -> Mono.just(context.<TurnEffects>getOrEmpty(CONTEXT_KEY)
                .map(effects -> effects.objectId(kind)).orElseGet(ObjectId::new)));
    }

    /** Like {@link #nextObjectId}, as URL-safe text (e.g. a payment link id); empty outside a named turn. */
    public static Mono<String> nextKey(String kind) {
        return Mono.deferContextual(context -> Mono.justOrEmpty(context.<TurnEffects>getOrEmpty(CONTEXT_KEY)
                .map(effects -> Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(Arrays.copyOf(effects.digest(kind, effects.nextPosition(kind)), 12)))));
    }

    private ObjectId objectId(String kind) {
        int position = nextPosition(kind);
        ByteBuffer bytes = ByteBuffer.allocate(12);
        bytes.putInt((int) at.getEpochSecond());
        bytes.put((byte) Math.min(position, 255));
        bytes.put(digest(kind, position), 0, 7);
        return new ObjectId(bytes.array());
    }

    private int nextPosition(String kind) {
        return positions.computeIfAbsent(kind, k -> new AtomicInteger()).getAndIncrement();
    }

    /** SHA-256 of the turn, the kind and the record's position among that kind. */
    private byte[] digest(String kind, int position) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((turnKey + ":" + kind + ":" + position).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
