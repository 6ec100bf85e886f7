package dev.cobra.runtime.channel.whatsapp;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.BiFunction;

/**
 * The sender fed in memory (issue 17): a turn's messages are stored already claimed by this sender and POSTed as
 * soon as the insert is durable, through one in-memory queue per recipient, instead of waiting for a drain to find,
 * claim and read them back (three database round trips and a wake-up). The outbox drain stays for everything else:
 * retries, messages stored before a restart, claims in doubt.
 *
 * <p>Order per recipient: a recipient goes direct only while none of its messages waits in the outbox
 * ({@code PENDING}); a recipient with one is <em>slow</em>, and its new messages are queued {@code PENDING} behind
 * it, until a drain pass that started after its last such insert sees it with nothing unsettled. A direct message
 * that fails transiently goes back to the queue, and so do the ones behind it in its recipient's lane (claims
 * released), so the drain sends them in order.
 *
 * <p>Exactly once: a direct message is durably claimed ({@code SENDING} with {@code claimedAt}) before it is POSTed,
 * exactly like a drain's claim, so a crash leaves it in doubt and the status webhooks settle it (OutboxSender). The
 * claim is either the message's own insert (replies of agents, campaigns, the channel itself) or, for a turn's
 * replies, the conversation's save that carries them ({@link WhatsAppOutbox#prepare}, issue 17 step 2): those are
 * POSTed right after that save, while their insert is still in flight, and each send's outcome is recorded once the
 * insert is durable; a crash before it is recovered from the saved turn as a claim in doubt. Only for a sole sender
 * (the embedded database); with several instances the drain alone sends.
 */
final class DirectSends {

    private static final Logger log = LoggerFactory.getLogger(DirectSends.class);

    private final WhatsAppOutbox outbox;
    private final Clock clock;
    /**
     * Sends one claimed message and records the outcome once the second argument (its insert) completes; true when it
     * is settled (sent or failed for good).
     */
    private final BiFunction<Document, Mono<Void>, Mono<Boolean>> attempt;
    /** True while no claim is in doubt (a released one would be a queued message nobody here knows about). */
    private final BooleanSupplier noClaimsInDoubt;

    private final Map<String, Lane> lanes = new HashMap<>();
    /** Recipients with (possibly) queued messages, with the stamp of their last queued insert. */
    private final Map<String, Long> slow = new HashMap<>();
    private long stamps;
    private boolean enabled;
    /** Set by the first complete drain pass: before it, what waits in the outbox is not known. */
    private boolean ready;
    private volatile boolean halted;

    DirectSends(WhatsAppOutbox outbox, Clock clock, BiFunction<Document, Mono<Void>, Mono<Boolean>> attempt,
                BooleanSupplier noClaimsInDoubt) {
        this.outbox = outbox;
        this.clock = clock;
        this.attempt = attempt;
        this.noClaimsInDoubt = noClaimsInDoubt;
    }

    synchronized void enabled(boolean enabled) {
        this.enabled = enabled;
        this.halted = false;
    }

    /** Stops sending at once (a crash, or the end of the sender): claims stay as stored. */
    void halt() {
        halted = true;
    }

    /** One turn's (or one caller's) messages for one insert: the ones that go direct, per recipient. */
    final class Reservation {
        private final Map<Lane, Ticket> tickets = new LinkedHashMap<>();

        /**
         * Their claim is durable elsewhere (saved with the conversation's turn, which the recovery stores as a
         * claim in doubt): the reserved messages may go out before their own insert; each send's outcome is
         * recorded once that insert is durable.
         */
        void claimed() {
            tickets.forEach((lane, ticket) -> {
                synchronized (DirectSends.this) {
                    ticket.sendable = true;
                }
                pump(lane);
            });
        }

        /** The insert is durable: the reserved messages may go out, and their outcomes be recorded. */
        void stored() {
            tickets.forEach((lane, ticket) -> fill(lane, ticket, false));
        }

        /**
         * The insert (or the save that carried the claim) failed: nothing more of it is sent from here (the caller's
         * retry or the turn's recovery queues it again); a send already made is not recorded here.
         */
        void failed() {
            tickets.forEach((lane, ticket) -> fill(lane, ticket, true));
        }
    }

    /**
     * Called before the insert: marks the pending messages of direct recipients as claimed by this sender (they are
     * stored {@code SENDING}) and notes the others' recipients as slow. Refused ({@code FAILED}) messages pass.
     */
    synchronized Reservation reserve(List<Document> messages) {
        Reservation reservation = new Reservation();
        boolean open = enabled && ready && !halted && noClaimsInDoubt.getAsBoolean();
        Date now = Date.from(clock.instant());
        for (Document message : messages) {
            if (!WhatsAppOutbox.PENDING.equals(message.getString("status"))) {
                continue;
            }
            String to = message.getString("to");
            Lane lane = lanes.get(to);
            if (!open || slow.containsKey(to) || lane != null && lane.aborted) {
                slow.put(to, ++stamps);
                continue;
            }
            if (lane == null) {
                lane = new Lane(to);
                lanes.put(to, lane);
            }
            Ticket ticket = reservation.tickets.get(lane);
            if (ticket == null) {
                ticket = new Ticket();
                lane.tickets.add(ticket);
                reservation.tickets.put(lane, ticket);
            }
            message.append("status", WhatsAppOutbox.SENDING).append("claimedAt", now).append("attempts", 1);
            ticket.messages.add(message);
        }
        return reservation;
    }

    /** A queued insert for {@code to} landed: its recipient stays slow until a drain pass started after this. */
    synchronized void queued(String to) {
        slow.put(to, ++stamps);
    }

    /** The stamp a drain pass takes before it reads the outbox. */
    synchronized long mark() {
        return stamps;
    }

    /**
     * What a drain pass read (every unsettled message, oldest first, when {@code complete}): recipients with a queued
     * message are slow; slow ones with nothing unsettled and no queued insert since {@code mark} are direct again.
     */
    synchronized void observed(long mark, List<Document> unsettled, boolean complete) {
        Set<String> present = new HashSet<>();
        for (Document message : unsettled) {
            String to = message.getString("to");
            present.add(to);
            if (WhatsAppOutbox.PENDING.equals(message.getString("status")) && !lanes.containsKey(to)) {
                slow.putIfAbsent(to, mark);
            }
        }
        if (!complete) {
            return;
        }
        slow.entrySet().removeIf(entry -> entry.getValue() <= mark && !present.contains(entry.getKey()));
        ready = true;
    }

    private void fill(Lane lane, Ticket ticket, boolean failed) {
        List<Document> release = List.of();
        synchronized (this) {
            ticket.sendable = true;
            if (failed) {
                ticket.messages.clear();
            } else if (lane.aborted) {
                release = new ArrayList<>(ticket.messages);
                ticket.messages.clear();
            }
        }
        // Outside the lock: a send waiting for this insert records its outcome now.
        if (failed) {
            ticket.stored.tryEmitError(new IllegalStateException("the outbox insert failed"));
        } else {
            ticket.stored.tryEmitEmpty();
        }
        release(lane.to, release);
        pump(lane);
    }

    /** Sends the lane's next message when its head's insert is durable and nothing of the lane is in flight. */
    private void pump(Lane lane) {
        Document next;
        Ticket from = null;
        synchronized (this) {
            next = null;
            while (!lane.busy && next == null) {
                Ticket head = lane.tickets.peek();
                if (head == null) {
                    lanes.remove(lane.to, lane);
                    return;
                }
                if (!head.sendable) {
                    return; // its insert (or its turn's save) is still in flight: nothing behind it may overtake it
                }
                if (head.messages.isEmpty()) {
                    lane.tickets.poll();
                    continue;
                }
                if (halted) {
                    return;
                }
                next = head.messages.remove(0);
                from = head;
                lane.busy = true;
            }
            if (next == null) {
                return; // the lane is sending: its next message follows when that one is recorded
            }
        }
        Document sending = next;
        Mono<Void> stored = from.stored.asMono();
        attempt.apply(sending, stored).defaultIfEmpty(false).onErrorResume(error -> {
            log.warn("whatsapp.outbox.direct.failed id={} error={}", sending.getObjectId("_id"), error.toString());
            return Mono.just(false);
        }).subscribe(settled -> after(lane, settled));
    }

    private void after(Lane lane, boolean settled) {
        List<Document> release = new ArrayList<>();
        synchronized (this) {
            lane.busy = false;
            if (!settled && !lane.aborted) {
                // Back in the queue (a retry) or unknown: the rest of the lane follows it through the drain, in order.
                lane.aborted = true;
                slow.put(lane.to, ++stamps);
                for (Ticket ticket : lane.tickets) {
                    if (ticket.sendable) {
                        release.addAll(ticket.messages);
                        ticket.messages.clear();
                    }
                }
            }
        }
        release(lane.to, release);
        pump(lane);
    }

    private void release(String to, List<Document> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<ObjectId> ids = messages.stream().map(doc -> doc.getObjectId("_id")).toList();
        outbox.releaseClaims(ids).subscribe(count -> log.info("whatsapp.outbox.direct.requeued to={} count={}",
                OutboxSender.mask(to), count), error -> log.warn("whatsapp.outbox.direct.requeue_failed count={} error={}",
                ids.size(), error.toString()));
    }

    /** Messages reserved or being sent here (an orderly stop waits for them). */
    synchronized int inLanes() {
        int count = 0;
        for (Lane lane : lanes.values()) {
            count += lane.busy ? 1 : 0;
            for (Ticket ticket : lane.tickets) {
                count += ticket.messages.size();
            }
        }
        return count;
    }

    private static final class Lane {
        final String to;
        final ArrayDeque<Ticket> tickets = new ArrayDeque<>();
        boolean busy;
        boolean aborted;

        Lane(String to) {
            this.to = to;
        }
    }

    private static final class Ticket {
        final List<Document> messages = new ArrayList<>();
        /** Its messages may go out: stored, or claimed by a durable turn. */
        boolean sendable;
        /** Completes when the insert is durable (a send's outcome is recorded only then), errs when it failed. */
        final Sinks.Empty<Void> stored = Sinks.empty();
    }
}
