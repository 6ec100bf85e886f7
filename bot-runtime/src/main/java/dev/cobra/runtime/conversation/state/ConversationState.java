package dev.cobra.runtime.conversation.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authoritative state of one conversation, stored as our own JSON document (never Spring Statemachine's
 * Kryo persistence). Mutable on purpose: one turn works on its own freshly loaded copy, inside the
 * conversation's serial lane, and writes it back with an optimistic {@code version} check.
 *
 * <p>{@code flowId}/{@code flowVersion}/{@code step} describe the top of the flow stack; {@code stack} holds
 * the callers waiting for a subflow to return (bottom first).
 */
public final class ConversationState {

    private String id;
    private String channel;
    private String debtorId;
    private String externalUserId;
    private String locale;
    private ConversationStatus status = ConversationStatus.BOT;
    private String flowId;
    private int flowVersion;
    private String step;
    private List<StackFrame> stack = new ArrayList<>();
    private Map<String, Object> slots = new LinkedHashMap<>();
    /**
     * Entity values the debtor said that no step used yet (entity name to value text, e.g. {@code date} to
     * {@code 2026-12-15}): a later input step takes them instead of asking. Never document digits.
     */
    private Map<String, String> heard = new LinkedHashMap<>();
    /** An intent the debtor stated while answering something else (e.g. with the ID digits), acted on at the next menu. */
    private String pendingIntent;
    /** What the bot said when the conversation last closed (the outcome: link, promise, plan), said again on request. */
    private List<String> closingRecap = List.of();
    private boolean verified;
    private boolean optedOut;
    private Handoff handoff;
    private String disposition;
    /** The staff user who owns the chat while {@code status} is AGENT (set by the handoff side); else stale or null. */
    private String agent;
    /** Misses in the current menu (clarification asked, no route); reset when the step changes. */
    private int clarifyCount;
    /** Invalid answers in the current input step; reset when the step changes. */
    private int retryCount;
    /** Last seq allocated in the message log. */
    private long messageSeq;
    private Instant lastInboundAt;
    /** When the debtor, waiting for an agent, was last told they are in line; before {@code handoff.at}: an earlier wait. */
    private Instant queueAckAt;
    /** The last channel-delivered turn (for finishing it after a crash); null when none is recorded. */
    private LastTurn lastTurn;
    private Instant createdAt;
    private Instant updatedAt;
    /** Optimistic-concurrency version: a write succeeds only when the stored document still has it. */
    private long version;

    public ConversationState() {
    }

    public static ConversationState start(String id, String channel, String debtorId, String externalUserId,
                                          String locale, Instant now) {
        ConversationState state = new ConversationState();
        state.id = id;
        state.channel = channel;
        state.debtorId = debtorId;
        state.externalUserId = externalUserId;
        state.locale = locale;
        state.createdAt = now;
        state.updatedAt = now;
        return state;
    }

    /** Moves within the current flow; resets the per-step counters. */
    public void moveTo(String stepId) {
        if (stepId == null || !stepId.equals(step)) {
            clarifyCount = 0;
            retryCount = 0;
        }
        step = stepId;
    }

    /**
     * Starts another run of the stage flow in a finished conversation: the flow position and its slots are cleared,
     * but verification, the disposition reached, the opt-out and what the debtor said are kept (a new request
     * never asks the ID digits again).
     */
    public void continueRun() {
        flowId = null;
        flowVersion = 0;
        step = null;
        stack = new ArrayList<>();
        Object attempts = slots.get("verificationAttempts");
        slots = new LinkedHashMap<>();
        if (attempts != null) {
            slots.put("verificationAttempts", attempts);
        }
        handoff = null;
        clarifyCount = 0;
        retryCount = 0;
        status = ConversationStatus.BOT;
    }

    /** Clears everything a flow run accumulated, keeping identity, log position and version. */
    public void resetRun() {
        flowId = null;
        flowVersion = 0;
        step = null;
        stack = new ArrayList<>();
        slots = new LinkedHashMap<>();
        heard = new LinkedHashMap<>();
        pendingIntent = null;
        closingRecap = List.of();
        verified = false;
        handoff = null;
        disposition = null;
        clarifyCount = 0;
        retryCount = 0;
        status = ConversationStatus.BOT;
    }

    public String id() { return id; }
    public void id(String id) { this.id = id; }
    public String channel() { return channel; }
    public void channel(String channel) { this.channel = channel; }
    public String debtorId() { return debtorId; }
    public void debtorId(String debtorId) { this.debtorId = debtorId; }
    public String externalUserId() { return externalUserId; }
    public void externalUserId(String externalUserId) { this.externalUserId = externalUserId; }
    public String locale() { return locale; }
    public void locale(String locale) { this.locale = locale; }
    public ConversationStatus status() { return status; }
    public void status(ConversationStatus status) { this.status = status; }
    public String flowId() { return flowId; }
    public void flowId(String flowId) { this.flowId = flowId; }
    public int flowVersion() { return flowVersion; }
    public void flowVersion(int flowVersion) { this.flowVersion = flowVersion; }
    public String step() { return step; }
    public void step(String step) { this.step = step; }
    public List<StackFrame> stack() { return stack; }
    public void stack(List<StackFrame> stack) { this.stack = new ArrayList<>(stack); }
    public Map<String, Object> slots() { return slots; }
    public void slots(Map<String, Object> slots) { this.slots = new LinkedHashMap<>(slots); }
    public Map<String, String> heard() { return heard; }
    public void heard(Map<String, String> heard) { this.heard = heard == null ? new LinkedHashMap<>() : new LinkedHashMap<>(heard); }
    public List<String> closingRecap() { return closingRecap; }
    public void closingRecap(List<String> closingRecap) { this.closingRecap = closingRecap == null ? List.of() : List.copyOf(closingRecap); }
    public String pendingIntent() { return pendingIntent; }
    public void pendingIntent(String pendingIntent) { this.pendingIntent = pendingIntent; }
    public boolean verified() { return verified; }
    public void verified(boolean verified) { this.verified = verified; }
    public boolean optedOut() { return optedOut; }
    public void optedOut(boolean optedOut) { this.optedOut = optedOut; }
    public Handoff handoff() { return handoff; }
    public void handoff(Handoff handoff) { this.handoff = handoff; }
    public String disposition() { return disposition; }
    public void disposition(String disposition) { this.disposition = disposition; }
    public String agent() { return agent; }
    public void agent(String agent) { this.agent = agent; }
    public int clarifyCount() { return clarifyCount; }
    public void clarifyCount(int clarifyCount) { this.clarifyCount = clarifyCount; }
    public int retryCount() { return retryCount; }
    public void retryCount(int retryCount) { this.retryCount = retryCount; }
    public long messageSeq() { return messageSeq; }
    public void messageSeq(long messageSeq) { this.messageSeq = messageSeq; }
    public Instant lastInboundAt() { return lastInboundAt; }
    public void lastInboundAt(Instant lastInboundAt) { this.lastInboundAt = lastInboundAt; }
    public Instant queueAckAt() { return queueAckAt; }
    public void queueAckAt(Instant queueAckAt) { this.queueAckAt = queueAckAt; }
    public LastTurn lastTurn() { return lastTurn; }
    public void lastTurn(LastTurn lastTurn) { this.lastTurn = lastTurn; }
    public Instant createdAt() { return createdAt; }
    public void createdAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public void updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public long version() { return version; }
    public void version(long version) { this.version = version; }
}
