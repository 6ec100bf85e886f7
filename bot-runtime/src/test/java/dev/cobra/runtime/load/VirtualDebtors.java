package dev.cobra.runtime.load;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The debtors the harness plays: each has a phone number and walks a script of messages, sending the next one
 * only when the previous turn's answer has fully arrived at the Graph API recorder (so a late second reply of
 * one turn is never taken for the answer to the next). A turn is answered when the number of outbound messages
 * measured for that script step (calibrated once before the run) has arrived.
 */
final class VirtualDebtors implements GraphApiRecorder.Listener {

    /** One message in flight: when it was posted, when its first reply arrived, when the turn completed. */
    static final class Turn {
        final long postedNanos;
        final int expectedReplies;
        final AtomicInteger replies = new AtomicInteger();
        volatile long firstReplyNanos;
        final CompletableFuture<Turn> done = new CompletableFuture<>();

        Turn(long postedNanos, int expectedReplies) {
            this.postedNanos = postedNanos;
            this.expectedReplies = expectedReplies;
        }

        double latencyMs() {
            return (firstReplyNanos - postedNanos) / 1e6;
        }
    }

    private final Map<String, Turn> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong nextDebtor = new AtomicLong();
    private final AtomicLong strayReplies = new AtomicLong();
    private final int debtorCount;

    VirtualDebtors(int debtorCount) {
        this.debtorCount = debtorCount;
    }

    /** The wa_id (phone without '+') of debtor i; the portfolio has the same numbers with '+'. */
    static String phone(long index) {
        return "5730" + String.format("%08d", index);
    }

    /** A debtor no earlier script has used (each walks its script once). */
    String freshDebtor() {
        long index = nextDebtor.getAndIncrement();
        if (index >= debtorCount) {
            throw new IllegalStateException("all " + debtorCount + " debtors used: raise --debtors");
        }
        return phone(index);
    }

    /** Registers the turn before its webhook is posted, so that no reply can arrive unseen. */
    Turn expect(String phone, int expectedReplies) {
        Turn turn = new Turn(System.nanoTime(), expectedReplies);
        Turn previous = inFlight.put(phone, turn);
        if (previous != null) {
            previous.done.completeExceptionally(new IllegalStateException("superseded"));
        }
        return turn;
    }

    void abandon(String phone, Turn turn) {
        inFlight.remove(phone, turn);
    }

    @Override
    public void outbound(String to, long arrivedNanos) {
        Turn turn = inFlight.get(to);
        if (turn == null) {
            strayReplies.incrementAndGet();
            return;
        }
        int seen = turn.replies.incrementAndGet();
        if (seen == 1) {
            turn.firstReplyNanos = arrivedNanos;
        }
        if (seen >= turn.expectedReplies) {
            inFlight.remove(to, turn);
            turn.done.complete(turn);
        }
    }

    long strayReplies() {
        return strayReplies.get();
    }

    static List<SignedWebhooks.Message> menuScript() {
        return List.of(SignedWebhooks.Message.text("hola"), SignedWebhooks.Message.text("1234"),
                SignedWebhooks.Message.option("pay_now", "Pagar ahora"));
    }

    /** After verification every message is free text answered through the intent classifier. */
    static List<SignedWebhooks.Message> classifierScript() {
        return List.of(SignedWebhooks.Message.text("hola"), SignedWebhooks.Message.text("1234"),
                SignedWebhooks.Message.text("cuanto debo exactamente"),
                SignedWebhooks.Message.text("cual es mi saldo pendiente"),
                SignedWebhooks.Message.text("quiero saber cuanto debo"));
    }
}
