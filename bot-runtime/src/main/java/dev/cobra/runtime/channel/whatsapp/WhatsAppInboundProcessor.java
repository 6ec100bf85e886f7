package dev.cobra.runtime.channel.whatsapp;

import dev.cobra.runtime.conversation.message.InboundMessage;
import dev.cobra.runtime.conversation.message.OutboundMessage;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.conversation.ConversationLanes;
import dev.cobra.runtime.conversation.TurnHandler;
import dev.cobra.runtime.conversation.TurnResult;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Runs accepted inbound messages, one at a time per WhatsApp user and in the order they were accepted (in the
 * user's {@link ConversationLanes lane}, which the turn joins, so one lane orders both):
 * resolves the debtor (phone, else BSUID; links the BSUID when the phone matches), then either hands the message
 * to the {@link TurnHandler} (text, buttons, list rows, template buttons, captions) or answers by itself what
 * the flows cannot read (voice notes, stickers, locations, contacts, unsupported types). Media are downloaded
 * and attached first.
 */
public class WhatsAppInboundProcessor {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppInboundProcessor.class);

    /** Ids of buttons the channel itself offers (not the flow's), answered here. */
    static final String WRITE_INSTEAD = "cobra.write";
    static final String TALK_TO_AGENT = "cobra.agent";

    /** How long a turn is retried while the database is unreachable before it is left PENDING. */
    static final Duration DATABASE_RETRY_WINDOW = Duration.ofMinutes(3);
    private static final Duration DATABASE_RETRY_MAX_BACKOFF = Duration.ofSeconds(5);

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    private static final String CHANNEL = "whatsapp";

    private final WhatsAppInboundStore inboundStore;
    private final WhatsAppMediaStore mediaStore;
    private final ObjectProvider<TurnHandler> turnHandler;
    private final DebtorDirectory debtors;
    private final WhatsAppOutboundChannel outbound;
    private final Clock clock;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private List<WhatsAppInbound> held; // guarded by this; non-null until resumePending ran (when held)
    /** Replaced at start by the lanes the turn handler uses (the same lane orders the message and its turn). */
    private volatile ConversationLanes lanes = new ConversationLanes(ConversationLanes.DEFAULT_IN_FLIGHT);
    private volatile ConversationLookup lookup = ConversationLookup.NONE;

    public WhatsAppInboundProcessor(WhatsAppInboundStore inboundStore, WhatsAppMediaStore mediaStore,
                                    ObjectProvider<TurnHandler> turnHandler, DebtorDirectory debtors,
                                    WhatsAppOutboundChannel outbound, Clock clock) {
        this.inboundStore = inboundStore;
        this.mediaStore = mediaStore;
        this.turnHandler = turnHandler;
        this.debtors = java.util.Objects.requireNonNull(debtors, "debtor directory");
        this.outbound = outbound;
        this.clock = clock;
    }

    /**
     * The conversations' lanes (set at start, before any message is submitted): at most {@code bot.turns-in-flight}
     * run at once, the others wait in arrival order.
     */
    public WhatsAppInboundProcessor lanes(ConversationLanes lanes) {
        this.lanes = lanes;
        return this;
    }

    /** Where the channel's own answers read the user's conversation state (set at start). */
    public WhatsAppInboundProcessor conversationLookup(ConversationLookup lookup) {
        this.lookup = lookup;
        return this;
    }

    /**
     * Queues the message behind the user's earlier ones. The returned future completes when it was processed
     * (tests wait on it; the webhook does not).
     */
    public CompletableFuture<Void> submit(WhatsAppInbound message) {
        synchronized (this) {
            if (held != null) {
                held.add(message); // run by resumePending, after the older pending messages
                return DONE;
            }
        }
        if (!queued.add(message.wamid())) {
            return DONE; // already queued or running here (e.g. accepted again while the restart resumed it)
        }
        return lanes.submit(ConversationLanes.identityKey(CHANNEL, message.userKey()), () -> process(message)
                        .retryWhen(whileTheDatabaseIsDown())
                        .onErrorResume(error -> {
                            if (databaseUnavailable(error)) {
                                // Still PENDING in the database: processed by the next start's resumePending.
                                log.warn("whatsapp.inbound.postponed wamid={} error={}", message.wamid(), error.toString());
                                return Mono.empty();
                            }
                            log.warn("whatsapp.inbound.failed wamid={} error={}", message.wamid(), error.toString());
                            return inboundStore.markFailed(message.wamid(), error.getClass().getSimpleName(),
                                    clock.instant()).onErrorResume(e -> Mono.empty());
                        }))
                .onErrorResume(error -> Mono.empty())
                .doOnTerminate(() -> queued.remove(message.wamid()))
                .doOnCancel(() -> queued.remove(message.wamid()))
                .toFuture();
    }

    /**
     * A turn that failed because the database was unreachable is run again (in its lane, so the user's later
     * messages wait behind it) until it succeeds or {@link #DATABASE_RETRY_WINDOW} has passed.
     */
    private static Retry whileTheDatabaseIsDown() {
        return Retry.from(signals -> Mono.fromSupplier(System::nanoTime).flatMapMany(start -> signals.concatMap(signal -> {
            long waited = System.nanoTime() - start;
            if (!databaseUnavailable(signal.failure()) || waited > DATABASE_RETRY_WINDOW.toNanos()) {
                return Mono.error(signal.failure());
            }
            long backoff = Math.min(DATABASE_RETRY_MAX_BACKOFF.toMillis(), 250L << Math.min(signal.totalRetries(), 5));
            return Mono.delay(Duration.ofMillis(backoff));
        })));
    }

    /** Connection, timeout and primary-election failures: transient, unlike a bad document or a bug. */
    static boolean databaseUnavailable(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessException
                    || e instanceof MongoSocketException || e instanceof MongoTimeoutException
                    || e instanceof MongoNotPrimaryException || e instanceof MongoNodeIsRecoveringException
                    || e instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Makes messages submitted from now on wait until {@link #resumePending} ran: after a crash, the webhook
     * takes new messages as soon as the server listens, and they must neither overtake the same user's older
     * pending messages nor be run a second time by the resume (kill -9 check, docs/reliability.md).
     */
    public synchronized void holdUntilResumed() {
        if (held == null) {
            held = new ArrayList<>();
        }
    }

    /** Messages accepted before a restart but not processed yet, then the ones held meanwhile. */
    public Mono<Long> resumePending() {
        return inboundStore.pending().collectList()
                .onErrorResume(error -> {
                    takeHeld().forEach(this::submit);
                    return Mono.error(error);
                })
                .map(pending -> {
                    List<WhatsAppInbound> arrived = takeHeld();
                    Set<String> resumed = new HashSet<>();
                    pending.forEach(message -> {
                        resumed.add(message.wamid());
                        submit(message);
                    });
                    arrived.stream().filter(message -> !resumed.contains(message.wamid())).forEach(this::submit);
                    return (long) pending.size();
                });
    }

    private synchronized List<WhatsAppInbound> takeHeld() {
        List<WhatsAppInbound> taken = held == null ? List.of() : held;
        held = null;
        return taken;
    }

    Mono<Void> process(WhatsAppInbound message) {
        return resolveDebtor(message)
                .map(Sender::new)
                .defaultIfEmpty(new Sender(null))
                .flatMap(sender -> handle(message, sender));
    }

    /** Who wrote: the debtor record read to identify them (null when unknown). */
    private record Sender(Debtor debtor) {
        String debtorId() {
            return debtor == null ? null : debtor.id();
        }

        String locale() {
            return debtor == null ? null : debtor.locale();
        }

        boolean english() {
            String locale = locale();
            return locale != null && locale.toLowerCase(Locale.ROOT).startsWith("en");
        }
    }

    private Mono<Debtor> resolveDebtor(WhatsAppInbound message) {
        DebtorDirectory directory = debtors;
        Mono<Debtor> byPhone = message.phone() == null ? Mono.empty()
                : directory.findByPhone(message.phone())
                .flatMap(debtor -> message.bsuid() != null && !debtor.bsuids().contains(message.bsuid())
                        ? directory.linkBsuid(debtor.id(), message.bsuid()).thenReturn(debtor)
                        : Mono.just(debtor));
        Mono<Debtor> byBsuid = message.bsuid() == null ? Mono.empty() : directory.findByBsuid(message.bsuid());
        return byPhone.switchIfEmpty(byBsuid);
    }

    private Mono<Void> handle(WhatsAppInbound message, Sender sender) {
        String type = message.type();
        if (WRITE_INSTEAD.equals(message.optionId())) {
            return answer(message, sender, List.of(Reply.text(sender.english()
                    ? "Sure, type your message and I will read it."
                    : "Claro, escríbeme tu mensaje y lo leo enseguida.")));
        }
        if (TALK_TO_AGENT.equals(message.optionId())) {
            // Said in words so that the engine's global talk_to_agent handling applies in any step.
            return turn(message, sender, sender.english() ? "I want to talk to a person" : "Quiero hablar con un asesor",
                    null);
        }
        return switch (type) {
            case "text", "interactive", "button" -> turn(message, sender, message.text(), message.optionId());
            case "image", "document" -> receipt(message, sender);
            case "audio", "voice", "video" -> lookup.current(message.userKey()).flatMap(chat ->
                    answer(message, sender, List.of(ChannelTexts.cannotListen(sender.english(), chat.withAgent()))));
            case "reaction" -> reaction(message, sender);
            case WebhookPayloadParser.TOO_LONG -> answer(message, sender, List.of(Reply.text(ChannelTexts.tooLong(sender.english()))));
            case "unsupported" -> answer(message, sender, List.of(Reply.text(ChannelTexts.unsupported(sender.english()))));
            case "location", "contacts", "order" -> answer(message, sender, List.of(Reply.text(ChannelTexts.textOnly(sender.english()))));
            default -> ignore(message); // revoke, edit, system, sticker, flow and call-permission replies, errors, ...
        };
    }

    /**
     * Events that are not the debtor saying something (a deletion, an edit, a system notice, a sticker, a completed
     * WhatsApp Flow, a call-permission answer, a reply Meta could not read): recorded as processed, never an answer
     * to the conversation and never a reply.
     */
    private Mono<Void> ignore(WhatsAppInbound message) {
        log.info("whatsapp.inbound.not_an_answer wamid={} type={}", message.wamid(), message.type());
        return markDone(message, null);
    }

    /** A 👍 to a yes/no question answers yes; any other reaction (or a removed one) is not an answer. */
    private Mono<Void> reaction(WhatsAppInbound message, Sender sender) {
        if (!ChannelTexts.approves(message.text())) {
            return ignore(message);
        }
        return lookup.current(message.userKey()).flatMap(chat -> {
            Reply.Option yes = chat.withAgent() ? null : ChannelTexts.yesOption(chat.lastOptions());
            if (yes == null) {
                return ignore(message);
            }
            log.info("whatsapp.reaction.yes wamid={} option={}", message.wamid(), yes.id());
            return turn(message, sender, null, yes.id());
        });
    }

    private Mono<Void> receipt(WhatsAppInbound message, Sender sender) {
        Mono<Boolean> stored = message.mediaId() == null ? Mono.just(false)
                : mediaStore.download(message, sender.debtorId())
                .doOnNext(doc -> log.info("whatsapp.media.stored wamid={} type={} bytes={}", message.wamid(),
                        message.type(), doc.get("size")))
                .map(doc -> true)
                .defaultIfEmpty(false)
                .onErrorResume(error -> {
                    log.warn("whatsapp.media.failed wamid={} error={}", message.wamid(), error.toString());
                    return Mono.just(false);
                });
        boolean captioned = message.text() != null && !message.text().isBlank();
        return stored.flatMap(ok -> {
            Reply acknowledgement = Reply.text(ok ? ChannelTexts.fileReceived(sender.english())
                    : ChannelTexts.fileFailed(sender.english()));
            if (!captioned) {
                return answer(message, sender, List.of(acknowledgement));
            }
            // The file is acknowledged first, then its caption is read like any message.
            return deliver(message, sender, List.of(acknowledgement)).then(turn(message, sender, message.text(), null));
        });
    }

    private Mono<Void> turn(WhatsAppInbound message, Sender sender, String text, String optionId) {
        TurnHandler handler = turnHandler.getIfAvailable();
        if (handler == null) {
            return Mono.error(new IllegalStateException("no TurnHandler bean"));
        }
        InboundMessage inbound = new InboundMessage("whatsapp", null, sender.debtorId(), message.userKey(),
                message.wamid(), text, optionId, message.sentAt(), sender.debtor());
        return handler.handle(inbound)
                .flatMap(result -> attach(message, result).then(markDone(message, result.conversationId())));
    }

    private Mono<Void> attach(WhatsAppInbound message, TurnResult result) {
        if (message.mediaId() == null || result.conversationId() == null) {
            return Mono.empty();
        }
        return mediaStore.attachToConversation(message.wamid(), result.conversationId());
    }

    /** A reply of the channel itself (the message never reaches a flow): the user just wrote, the window is open. */
    private Mono<Void> answer(WhatsAppInbound message, Sender sender, List<Reply> replies) {
        return deliver(message, sender, replies).then(markDone(message, null));
    }

    private Mono<Void> deliver(WhatsAppInbound message, Sender sender, List<Reply> replies) {
        OutboundMessage reply = new OutboundMessage(null, "whatsapp", sender.debtorId(), message.userKey(), "bot",
                replies, message.sentAt().isAfter(clock.instant()) ? clock.instant() : message.sentAt(),
                sender.locale());
        return outbound.deliver(reply);
    }

    /**
     * Once the turn ran, only marking it done is retried while the database is unreachable: retrying the whole
     * turn would run it (and answer) a second time.
     */
    private Mono<Void> markDone(WhatsAppInbound message, String conversationId) {
        return Mono.defer(() -> inboundStore.markDone(message.wamid(), conversationId, clock.instant()))
                .retryWhen(whileTheDatabaseIsDown());
    }
}
