package dev.cobra.runtime.conversation;

import dev.cobra.runtime.conversation.message.DeliveryKey;
import dev.cobra.runtime.conversation.message.InboundMessage;
import dev.cobra.runtime.conversation.message.OutboundChannel;
import dev.cobra.runtime.conversation.message.OutboundMessage;
import dev.cobra.runtime.conversation.message.PreparedDelivery;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.conversation.engine.FlowEngine;
import dev.cobra.runtime.conversation.engine.TurnContext;
import dev.cobra.runtime.conversation.engine.TurnEffects;
import dev.cobra.runtime.conversation.engine.TurnInput;
import dev.cobra.runtime.conversation.engine.TurnOutcome;
import dev.cobra.runtime.conversation.state.ConcurrentTurnException;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStatus;
import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.conversation.state.LastTurn;
import dev.cobra.runtime.conversation.state.MessageLog;
import dev.cobra.runtime.conversation.state.TranscriptEntry;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The turn pipeline: serialise per conversation → load state → engine → save state (compare-and-set on
 * {@code version}) → append to the message log → hand the replies to the channel.
 *
 * <p>Ordering: inside one instance, turns of a conversation run one at a time in arrival order
 * ({@link ConversationLanes}, shared with the channels: a WhatsApp message's whole processing runs in its user's
 * lane, and its turn joins that lane instead of queueing again). Across instances, the version check makes a concurrent writer fail its save; the turn
 * then reruns on fresh state (at most {@link #MAX_CONFLICT_RETRIES} times). A rerun repeats the engine's side
 * effects (e.g. a second payment link), which is why they are all single, self-contained records.
 *
 * <p>The state is saved before the messages are logged, and both before the channel delivers. The state write of a
 * channel-delivered turn also records the turn's log entries and the message's id ({@link LastTurn}): when the
 * process dies after that write, the channel redelivers the message (WhatsApp: still PENDING, resumed at start) and
 * the turn is finished from the record — missing log entries and outbox messages written, nothing run or sent
 * twice — instead of running again.
 */
@Component
public class ConversationTurnHandler implements TurnHandler {

    /**
     * Compare-and-set retries under cross-instance contention; each retry reloads the conversation. A conflict
     * means another instance completed a turn, so retries are cheap progress, spaced with jitter.
     */
    static final int MAX_CONFLICT_RETRIES = 10;
    private static final Duration FIRST_RETRY_BACKOFF = Duration.ofMillis(5);
    private static final Duration MAX_RETRY_BACKOFF = Duration.ofMillis(200);
    /** A turn that takes longer is failed so it cannot hold its conversation's lane forever. */
    static final Duration TURN_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(ConversationTurnHandler.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConversationStore store;
    private final MessageLog messages;
    private final FlowEngine engine;
    private final DebtorDirectory debtors;
    private final Clock clock;
    private final Map<String, OutboundChannel> channels;
    private final List<TurnObserver> observers;
    private final ConversationLanes lanes;
    private final QueueEntryLimit queueEntries;

    public ConversationTurnHandler(ConversationStore store, MessageLog messages, FlowEngine engine, DebtorDirectory debtors,
                                   Clock clock, List<OutboundChannel> channels) {
        this(store, messages, engine, debtors, clock, channels, List.of());
    }

    public ConversationTurnHandler(ConversationStore store, MessageLog messages, FlowEngine engine, DebtorDirectory debtors,
                                   Clock clock, List<OutboundChannel> channels, List<TurnObserver> observers) {
        this(store, messages, engine, debtors, clock, channels, observers,
                new ConversationLanes(ConversationLanes.DEFAULT_IN_FLIGHT));
    }

    @org.springframework.beans.factory.annotation.Autowired
    public ConversationTurnHandler(ConversationStore store, MessageLog messages, FlowEngine engine, DebtorDirectory debtors,
                                   Clock clock, List<OutboundChannel> channels, List<TurnObserver> observers,
                                   ConversationLanes lanes) {
        this.lanes = lanes;
        this.observers = List.copyOf(observers);
        this.store = store;
        this.queueEntries = new QueueEntryLimit(store);
        this.messages = messages;
        this.engine = engine;
        this.debtors = debtors;
        this.clock = clock;
        this.channels = channels.stream().collect(Collectors.toMap(OutboundChannel::channel, Function.identity(), (a, b) -> a));
    }

    @Override
    public Mono<TurnResult> handle(InboundMessage message) {
        String key = message.conversationId() != null ? message.conversationId()
                : ConversationLanes.identityKey(message.channel(), message.externalUserId());
        return lanes.submit(key, () -> Mono.defer(() -> turn(message))
                .retryWhen(conflictRetry()
                        .doBeforeRetry(signal -> log.info("conversation.turn.conflict_retry conversation={} attempt={}",
                                message.conversationId(), signal.totalRetries() + 1)))
                .timeout(TURN_TIMEOUT));
    }

    /**
     * Creates a conversation and runs its opening turn (webchat sessions). The debtor may be null (anonymous).
     */
    @Override
    public Mono<TurnResult> open(String channel, String debtorId, String externalUserId) {
        String id = newConversationId();
        return lanes.submit(id, () -> debtor(debtorId).flatMap(debtor -> {
            TurnContext context = TurnContext.of(debtor.orElse(null), clock);
            ConversationState state = ConversationState.start(id, channel, debtorId, externalUserId,
                    debtor.map(Debtor::locale).orElse(null), context.now());
            return engine.start(state, context).flatMap(outcome -> persist(state, null, outcome, context.now()));
        }).timeout(TURN_TIMEOUT));
    }

    @Override
    public Mono<TurnResult> resume(String conversationId, String stepId) {
        return lanes.submit(conversationId, () -> Mono.defer(() -> store.findForTurn(conversationId)
                        .flatMap(state -> debtor(state.debtorId()).flatMap(debtor -> {
                            TurnContext context = TurnContext.of(debtor.orElse(null), clock);
                            return engine.resume(state, stepId, context)
                                    .flatMap(outcome -> persist(state, null, outcome, context.now()));
                        })))
                .retryWhen(conflictRetry())
                .timeout(TURN_TIMEOUT));
    }

    private static reactor.util.retry.RetryBackoffSpec conflictRetry() {
        return Retry.backoff(MAX_CONFLICT_RETRIES, FIRST_RETRY_BACKOFF).maxBackoff(MAX_RETRY_BACKOFF).jitter(0.5)
                .filter(ConcurrentTurnException.class::isInstance);
    }

    private Mono<TurnResult> turn(InboundMessage message) {
        Mono<ConversationState> loaded = message.conversationId() != null
                ? store.findForTurn(message.conversationId()).switchIfEmpty(Mono.error(() ->
                        new IllegalArgumentException("unknown conversation " + message.conversationId())))
                : store.findLatestForTurn(message.channel(), message.externalUserId());
        return loaded.defaultIfEmpty(ConversationState.start(newConversationId(), message.channel(), message.debtorId(),
                        message.externalUserId(), null, clock.instant()))
                .flatMap(state -> {
                    if (state.debtorId() == null && message.debtorId() != null) {
                        state.debtorId(message.debtorId()); // a channel identity linked to a debtor since
                    }
                    LastTurn last = state.lastTurn();
                    if (message.messageId() != null && last != null && message.messageId().equals(last.inboundId())) {
                        return finishRecordedTurn(state, last);
                    }
                    return debtorFor(state, message).flatMap(debtor -> {
                        TurnContext context = TurnContext.of(debtor.orElse(null), clock);
                        state.lastInboundAt(message.receivedAt() != null ? message.receivedAt() : context.now());
                        TurnInput input = new TurnInput(message.text(), message.optionId());
                        TurnObserver.Snapshot before = TurnObserver.Snapshot.of(state);
                        ConversationStatus statusBefore = state.status();
                        Mono<TurnOutcome> flow = Mono.defer(() -> engine.handle(state, input, context))
                                .flatMap(outcome -> queueEntries.apply(statusBefore, state, outcome))
                                .flatMap(outcome -> observed(before, state, context, outcome));
                        return intercepted(state, input, context).switchIfEmpty(flow)
                                // Records the engine writes are named after this message: a second run of its turn
                                // (lost save race, crash before the save) meets them instead of writing them again.
                                .contextWrite(ctx -> message.messageId() == null ? ctx
                                        : TurnEffects.of(state.id(), message.messageId(), message.receivedAt() != null
                                                ? message.receivedAt() : Instant.EPOCH).addTo(ctx))
                                .flatMap(outcome -> persist(state, outcome.debtorText() == null ? "" : outcome.debtorText(),
                                        outcome, context.now(), message.messageId()));
                    });
                });
    }

    /** The first observer's answer that replaces the flow's for this message, if any. */
    private Mono<TurnOutcome> intercepted(ConversationState state, TurnInput input, TurnContext context) {
        return reactor.core.publisher.Flux.fromIterable(observers)
                .concatMap(o -> o.before(state, input, context))
                .next()
                .map(i -> new TurnOutcome(i.replies(), i.debtorText()));
    }

    /** The flow's outcome with what the observers add at the end of the turn. */
    private Mono<TurnOutcome> observed(TurnObserver.Snapshot before, ConversationState state, TurnContext context,
                                       TurnOutcome outcome) {
        if (observers.isEmpty()) {
            return Mono.just(outcome);
        }
        return reactor.core.publisher.Flux.fromIterable(observers)
                .concatMap(o -> o.after(before, state, context))
                .collectList()
                .map(extra -> {
                    List<Reply> replies = new ArrayList<>(outcome.replies());
                    extra.forEach(replies::addAll);
                    return new TurnOutcome(replies, outcome.debtorText(), outcome.behaviours());
                });
    }

    /**
     * The delivery already ran its turn: its state was saved (the same write recorded {@code last}) but the process
     * stopped before the rest was written. Writes what is missing of the log and the outbox, without running the
     * engine again (which would answer twice and repeat side effects).
     */
    private Mono<TurnResult> finishRecordedTurn(ConversationState state, LastTurn last) {
        List<Reply> replies = last.entries().stream().filter(e -> TranscriptEntry.FROM_BOT.equals(e.from()))
                .map(TranscriptEntry::reply).toList();
        log.info("conversation.turn.finishing conversation={} replies={}", state.id(), replies.size());
        DeliveryKey key = new DeliveryKey(state.id() + ":" + last.inboundId(), true);
        OutboundChannel channel = channels.get(state.channel());
        Mono<Void> handOver = last.channelRecords().isEmpty() || channel == null ? deliver(state, replies, key)
                : channel.recover(last.channelRecords(), key);
        return Mono.when(messages.appendMissing(last.entries()), handOver)
                .thenReturn(new TurnResult(state.id(), replies, state.locale()));
    }

    private Mono<TurnResult> persist(ConversationState state, String debtorText, TurnOutcome outcome, Instant now) {
        return persist(state, debtorText, outcome, now, null);
    }

    private Mono<TurnResult> persist(ConversationState state, String debtorText, TurnOutcome outcome, Instant now,
                                     String inboundId) {
        List<TranscriptEntry> entries = new ArrayList<>(outcome.replies().size() + 1);
        long seq = state.messageSeq();
        if (debtorText != null) {
            entries.add(TranscriptEntry.of(state.id(), ++seq, TranscriptEntry.FROM_DEBTOR, Reply.text(debtorText), now));
        }
        entries.addAll(MessageLog.entries(state.id(), seq + 1, TranscriptEntry.FROM_BOT, outcome.replies(), now));
        state.messageSeq(seq + outcome.replies().size());
        state.updatedAt(now);
        DeliveryKey key = inboundId == null ? null : new DeliveryKey(state.id() + ":" + inboundId, false);
        // The channel prepares what it will store for the replies in memory, so that it is saved with the turn: the
        // turn's one awaited write (issue 17, step 2). Then the replies go out at once, and their outbox rows and the
        // log lines are written behind them.
        PreparedDelivery prepared = key == null ? null : prepare(state, outcome.replies(), key);
        // Saved with the state in one write: after a crash, a redelivery of this message finishes the turn from it.
        state.lastTurn(inboundId == null ? null
                : new LastTurn(inboundId, entries, prepared == null ? List.of() : prepared.records()));
        // Once the state (with the turn's record) is saved, the log lines and the hand-over to the channel are both
        // derived from it and independent: written side by side. Either failing fails the turn, whose redelivery
        // finishes it from the record (finishRecordedTurn) without running it again.
        Mono<Void> handOver = prepared != null ? Mono.defer(prepared::commit) : deliver(state, outcome.replies(), key);
        Mono<ConversationState> saved = prepared == null ? store.save(state)
                : store.save(state).doOnError(e -> prepared.abandon()).doOnCancel(prepared::abandon);
        return saved
                .then(Mono.when(messages.append(entries), handOver))
                .thenReturn(new TurnResult(state.id(), outcome.replies(), state.locale()));
    }

    /** The channel's in-memory preparation of a turn's replies, or null when it delivers them after the save. */
    private PreparedDelivery prepare(ConversationState state, List<Reply> replies, DeliveryKey key) {
        OutboundChannel channel = channels.get(state.channel());
        if (channel == null || replies.isEmpty()) {
            return null;
        }
        return channel.prepare(outbound(state, replies), key);
    }

    private static OutboundMessage outbound(ConversationState state, List<Reply> replies) {
        return new OutboundMessage(state.id(), state.channel(), state.debtorId(), state.externalUserId(),
                TranscriptEntry.FROM_BOT, replies, state.lastInboundAt(), state.locale());
    }

    private Mono<Void> deliver(ConversationState state, List<Reply> replies, DeliveryKey key) {
        OutboundChannel channel = channels.get(state.channel());
        if (channel == null || replies.isEmpty()) {
            return Mono.empty();
        }
        return channel.deliver(outbound(state, replies))
                .contextWrite(context -> key == null ? context : key.addTo(context))
                .onErrorResume(e -> {
                    // The turn is saved and logged; a failed hand-over is the channel's to retry, not a failed turn.
                    log.warn("conversation.deliver.failed conversation={} channel={} error={}", state.id(), state.channel(), e.toString());
                    return Mono.empty();
                });
    }

    /** The debtor the channel read a moment ago to identify the sender, when it is this conversation's. */
    private Mono<Optional<Debtor>> debtorFor(ConversationState state, InboundMessage message) {
        Debtor known = message.debtor();
        if (known != null && known.id().equals(state.debtorId())) {
            return Mono.just(Optional.of(known));
        }
        return debtor(state.debtorId());
    }

    private Mono<Optional<Debtor>> debtor(String debtorId) {
        if (debtorId == null) {
            return Mono.just(Optional.empty());
        }
        return debtors.findById(debtorId).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** 128 random bits, hex: unguessable, so a conversation id never reveals or enumerates others. */
    static String newConversationId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "c_" + HexFormat.of().formatHex(bytes);
    }
}
