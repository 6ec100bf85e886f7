package dev.cobra.runtime.handoff;

import com.mongodb.client.model.Filters;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.conversation.TurnHandler;
import dev.cobra.runtime.conversation.TurnResult;
import dev.cobra.runtime.conversation.engine.CollectionActions;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStatus;
import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.conversation.state.MessageLog;
import dev.cobra.runtime.conversation.state.TranscriptEntry;
import dev.cobra.runtime.debtor.Debt;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.security.Role;
import dev.cobra.runtime.security.StaffUserStore;
import dev.cobra.runtime.web.error.ApiException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What agents and supervisors do with handed-off chats.
 *
 * <p>Implementation notes. Ownership lives on the conversation document itself ({@code status} AGENT plus
 * {@code agent}), and every change of hands is one conditional {@code findOneAndUpdate} on that document
 * ({@link ConversationStore#updateIf}): two agents claiming at once cannot both win, on one instance or several,
 * and no transaction is needed. The update bumps {@code version}, so a debtor's turn racing with a claim fails
 * its compare-and-set and reruns on the claimed state (where the bot stays silent). Hand-back to the bot goes
 * through {@link TurnHandler#resume}, which runs inside the conversation's serial lane like any turn.
 */
@Service
public class HandoffService {

    /** WhatsApp's longest text body; webchat uses the same bound so an agent's message fits either channel. */
    static final int MAX_TEXT_LENGTH = 4096;
    /** Meta's customer service window (PRODUCT.md): free-form WhatsApp messages within 24 h of the debtor's last. */
    static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(HandoffService.class);

    private final ConversationStore conversations;
    private final MessageLog messages;
    private final TurnHandler turns;
    private final ChannelDelivery delivery;
    private final AgentDirectory agents;
    private final StaffUserStore users;
    private final DebtorDirectory debtors;
    private final CollectionActions actions;
    private final HandoffProperties properties;
    private final Clock clock;
    private final AgentOutcomeStore outcomes;
    private final AgentReadMarks marks;

    HandoffService(ConversationStore conversations, MessageLog messages, TurnHandler turns, ChannelDelivery delivery,
                   AgentDirectory agents, StaffUserStore users, DebtorDirectory debtors, CollectionActions actions,
                   HandoffProperties properties, Clock clock, AgentOutcomeStore outcomes, AgentReadMarks marks) {
        this.marks = marks;
        this.conversations = conversations;
        this.messages = messages;
        this.turns = turns;
        this.delivery = delivery;
        this.agents = agents;
        this.users = users;
        this.debtors = debtors;
        this.actions = actions;
        this.properties = properties;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    // ---- the queue ----

    /** Chats waiting for an agent, oldest handoff first, with position, waiting time and a routing suggestion. */
    public Mono<List<QueueEntry>> queue() {
        return Mono.zip(conversations.findByStatus(ConversationStatus.WAITING_AGENT).collectList(), loads(),
                agents.available().collectList()).map(t -> {
            Instant now = clock.instant();
            List<ConversationState> waiting = t.getT1();
            List<String> suggestions = LeastBusyRouting.suggest(
                    waiting.stream().map(c -> c.handoff() == null ? null : c.handoff().queue()).toList(),
                    t.getT3(), t.getT2(), this::maxChats);
            List<QueueEntry> entries = new ArrayList<>(waiting.size());
            for (int i = 0; i < waiting.size(); i++) {
                entries.add(entry(waiting.get(i), now, i + 1, suggestions.get(i)));
            }
            return entries;
        });
    }

    /**
     * Auto-assign (when {@code bot.handoff.auto-assign} is on): gives every waiting chat to its suggested agent. Each
     * assignment is conditional on the chat still waiting, so instances running this at once never give one chat
     * to two agents.
     *
     * @return how many chats were assigned
     */
    public Mono<Integer> autoAssign() {
        return queue().flatMapMany(Flux::fromIterable)
                .filter(e -> e.suggestedAgent() != null)
                .concatMap(e -> conversations.updateIf(e.conversationId(),
                                Filters.eq("status", ConversationStatus.WAITING_AGENT.name()), owner(e.suggestedAgent()))
                        .doOnNext(c -> log.info("handoff.auto_assigned conversation={} agent={}", c.id(), e.suggestedAgent())))
                .count().map(Long::intValue);
    }

    /** Chats currently owned by {@code agent}. */
    /**
     * The agent's chats, what needs attention first: chats where the debtor wrote after the agent last did, the one
     * waiting longest first (since the agent's last message, or the handoff when they have not written yet); then
     * the others, most recent debtor message first. Each with its unread count (messages since the agent last read
     * or wrote). With up to {@code MAX_CHATS_LIMIT} asynchronous chats an agent works this list top-down.
     */
    public Mono<List<QueueEntry>> chatsOf(String agent) {
        Instant now = clock.instant();
        return conversations.findByStatus(ConversationStatus.AGENT).filter(c -> agent.equals(c.agent())).collectList()
                .flatMap(chats -> marks.of(chats.stream().map(ConversationState::id).toList())
                        .collectMap(AgentReadMarks.Mark::conversationId)
                        .map(byId -> {
                            List<QueueEntry> entries = new ArrayList<>();
                            for (ConversationState c : chats) {
                                AgentReadMarks.Mark mark = byId.get(c.id());
                                Instant spokeAt = mark == null || mark.repliedAt() == null
                                        ? (c.handoff() == null ? null : c.handoff().at()) : mark.repliedAt();
                                boolean waiting = c.lastInboundAt() != null
                                        && (spokeAt == null || c.lastInboundAt().isAfter(spokeAt));
                                long unread = Math.max(0, c.messageSeq() - (mark == null ? 0 : mark.seenSeq()));
                                entries.add(entry(c, now, 0, null).attention(unread,
                                        waiting ? (spokeAt == null ? c.lastInboundAt() : spokeAt) : null,
                                        c.lastInboundAt()));
                            }
                            entries.sort(QueueEntry.NEEDS_ATTENTION_FIRST);
                            return entries;
                        }));
    }

    /** Owned chats per agent. */
    Mono<Map<String, Integer>> loads() {
        return conversations.findByStatus(ConversationStatus.AGENT).filter(c -> c.agent() != null)
                .collect(HashMap::new, (m, c) -> m.merge(c.agent(), 1, Integer::sum));
    }

    int maxChats(AgentPresence presence) {
        return presence != null && presence.maxChats() > 0 ? presence.maxChats() : properties.defaultMaxChats();
    }

    QueueEntry entry(ConversationState c, Instant now, int position, String suggestedAgent) {
        Instant since = c.handoff() == null ? c.updatedAt() : c.handoff().at();
        long waiting = since == null ? 0 : Math.max(0, Duration.between(since, now).toSeconds());
        return new QueueEntry(c.id(), c.channel(), c.debtorId(), c.status().name(),
                c.handoff() == null ? null : c.handoff().queue(), c.handoff() == null ? null : c.handoff().reason(),
                since, waiting, position, c.status() == ConversationStatus.AGENT ? c.agent() : null, suggestedAgent);
    }

    // ---- taking a chat ----

    /**
     * The caller takes a waiting chat (or confirms one it already owns).
     *
     * @return error 404 for an unknown conversation, 409 when another agent owns it, it is not waiting, or the
     * caller already owns as many chats as allowed
     */
    public Mono<QueueEntry> claim(String conversationId, String agent) {
        return Mono.zip(loads(), agents.find(agent).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(t -> {
                    int owned = t.getT1().getOrDefault(agent, 0);
                    Bson mine = Filters.and(Filters.eq("status", ConversationStatus.AGENT.name()), Filters.eq("agent", agent));
                    Bson claimable = Filters.or(Filters.eq("status", ConversationStatus.WAITING_AGENT.name()), mine);
                    Bson condition = owned >= maxChats(t.getT2().orElse(null)) ? mine : claimable;
                    return conversations.updateIf(conversationId, condition, owner(agent))
                            .switchIfEmpty(Mono.defer(() -> refusal(conversationId, agent, owned)));
                })
                .doOnNext(c -> log.info("handoff.claimed conversation={} agent={}", c.id(), agent))
                .map(c -> entry(c, clock.instant(), 0, null));
    }

    /** A supervisor gives a waiting or owned chat to {@code agent} (a staff user with the AGENT role). */
    public Mono<QueueEntry> assign(String conversationId, String agent, String supervisor) {
        if (agent == null || agent.isBlank()) {
            return Mono.error(ApiException.badRequest("agent_required", "Say which agent gets the chat"));
        }
        return users.findByUsername(agent)
                .filter(u -> u.roles().contains(Role.AGENT))
                .switchIfEmpty(Mono.error(() -> ApiException.badRequest("unknown_agent", "No agent with this username")))
                .flatMap(u -> conversations.updateIf(conversationId, Filters.in("status",
                                ConversationStatus.WAITING_AGENT.name(), ConversationStatus.AGENT.name()), owner(agent)))
                .switchIfEmpty(Mono.defer(() -> conversations.findById(conversationId)
                        .switchIfEmpty(Mono.error(() -> ApiException.notFound("No conversation with this id")))
                        .flatMap(c -> Mono.error(ApiException.conflict("not_with_agents",
                                "The conversation is " + c.status() + ", not waiting for or with an agent")))))
                .doOnNext(c -> log.info("handoff.assigned conversation={} agent={} by={}", c.id(), agent, supervisor))
                .map(c -> entry(c, clock.instant(), 0, null));
    }

    private static Document owner(String agent) {
        return new Document("status", ConversationStatus.AGENT.name()).append("agent", agent);
    }

    private Mono<ConversationState> refusal(String conversationId, String agent, int owned) {
        return conversations.findById(conversationId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No conversation with this id")))
                .flatMap(c -> {
                    if (c.status() == ConversationStatus.AGENT && !agent.equals(c.agent())) {
                        return Mono.error(ApiException.conflict("claimed_by_another_agent", "Another agent owns this conversation"));
                    }
                    if (c.status() == ConversationStatus.WAITING_AGENT) {
                        return Mono.error(ApiException.conflict("chat_limit_reached",
                                "You already own " + owned + " chats, your limit; release one first"));
                    }
                    return Mono.error(ApiException.conflict("not_waiting",
                            "The conversation is " + c.status() + ", not waiting for an agent"));
                });
    }

    // ---- talking ----

    /** Result of an agent's message: the logged entry and whether WhatsApp's free-form window was open. */
    public record SentMessage(String conversationId, TranscriptEntry message, boolean windowOpen) {
    }

    /** Logs the owner's message ({@code from: agent}) and delivers it on the conversation's channel. */
    public Mono<SentMessage> send(String conversationId, String agent, String text) {
        if (text == null || text.isBlank()) {
            return Mono.error(ApiException.badRequest("text_required", "The message text is empty"));
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return Mono.error(ApiException.badRequest("text_too_long", "At most " + MAX_TEXT_LENGTH + " characters"));
        }
        List<Reply> replies = List.of(Reply.text(text.strip()));
        Instant now = clock.instant();
        return owned(conversationId, agent, false)
                .flatMap(c -> messages.appendOutsideTurn(conversations, c.id(), TranscriptEntry.FROM_AGENT, replies, now)
                        .flatMap(logged -> marks.replied(c.id(), agent, logged.get(logged.size() - 1).seq(), now)
                                .thenReturn(logged))
                        .flatMap(logged -> delivery.deliver(c, TranscriptEntry.FROM_AGENT, replies)
                                .thenReturn(new SentMessage(c.id(), logged.get(0), windowOpen(c, now)))))
                .doOnNext(m -> log.info("handoff.agent_message conversation={} agent={} windowOpen={}",
                        conversationId, agent, m.windowOpen()));
    }

    static boolean windowOpen(ConversationState c, Instant now) {
        if (!"whatsapp".equals(c.channel())) {
            return true;
        }
        return c.lastInboundAt() != null && c.lastInboundAt().isAfter(now.minus(WHATSAPP_WINDOW));
    }

    /** The transcript for whoever works the chat. */
    public Flux<TranscriptEntry> transcript(String conversationId) {
        return transcript(conversationId, null);
    }

    /** The transcript; when {@code viewer} owns the chat, everything in it counts as read. */
    public Flux<TranscriptEntry> transcript(String conversationId, String viewer) {
        return conversations.findById(conversationId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No conversation with this id")))
                .flatMap(c -> viewer != null && viewer.equals(c.agent())
                        ? marks.seen(c.id(), viewer, c.messageSeq()).thenReturn(c) : Mono.just(c))
                .flatMapMany(c -> messages.transcript(c.id()));
    }

    // ---- giving the chat back ----

    /** What an agent records when letting a chat go. */
    public record Release(boolean close, String disposition, String resumeStep, String note, PromiseInput promise) {
    }

    /** A promise to pay agreed by the agent; recorded as the bot records one. */
    public record PromiseInput(LocalDate date, BigDecimal amount) {
    }

    /** The result of a release: the new status and, on hand-back, what the bot said. */
    public record Released(String conversationId, String status, String disposition, List<Reply> replies) {
    }

    /**
     * Hands the chat back to the bot at {@code resumeStep} (or the step it left) or closes it with a disposition.
     * The owner may release; supervisors and admins may release any chat.
     */
    public Mono<Released> release(String conversationId, String agent, boolean supervisor, Release release) {
        if (release.disposition() != null && !Dispositions.isKnown(release.disposition())) {
            return Mono.error(ApiException.badRequest("unknown_disposition",
                    "Unknown disposition; use one of " + new java.util.TreeSet<>(Dispositions.ALL)));
        }
        if (release.close() && release.disposition() == null) {
            return Mono.error(ApiException.badRequest("disposition_required", "Closing needs a disposition"));
        }
        if (release.promise() != null && release.promise().date() == null) {
            return Mono.error(ApiException.badRequest("promise_date_required", "A promise needs a date"));
        }
        Instant now = clock.instant();
        return owned(conversationId, agent, supervisor).flatMap(c -> {
            String owner = c.agent();
            Mono<Released> released = release.close() ? close(c, owner, release.disposition())
                    : handBack(c, owner, release.resumeStep());
            return released.flatMap(r -> record(c, agent, release, now).thenReturn(r));
        });
    }

    private Mono<Released> close(ConversationState c, String owner, String disposition) {
        Bson stillOwned = Filters.and(Filters.eq("status", ConversationStatus.AGENT.name()), Filters.eq("agent", owner));
        return conversations.updateIf(c.id(), stillOwned,
                        new Document("status", ConversationStatus.CLOSED.name()).append("disposition", disposition))
                .switchIfEmpty(Mono.error(() -> ApiException.conflict("not_owner", "The chat changed hands meanwhile")))
                .doOnNext(s -> log.info("handoff.closed conversation={} disposition={}", s.id(), disposition))
                .map(s -> new Released(s.id(), s.status().name(), disposition, List.of()));
    }

    private Mono<Released> handBack(ConversationState c, String owner, String resumeStep) {
        return turns.resume(c.id(), blankToNull(resumeStep))
                .onErrorMap(IllegalArgumentException.class,
                        e -> ApiException.badRequest("unknown_step", "No step with this id in the conversation's current flow"))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No conversation with this id")))
                .flatMap(result -> clearOwner(c.id(), owner).thenReturn(result))
                .doOnNext(r -> log.info("handoff.released conversation={} step={}", c.id(), resumeStep))
                .map((TurnResult r) -> new Released(r.conversationId(), ConversationStatus.BOT.name(), null, r.replies()));
    }

    /** After the bot took over, the stale owner is cleared so nothing reads it as a current assignment. */
    private Mono<ConversationState> clearOwner(String conversationId, String owner) {
        return conversations.updateIf(conversationId, Filters.and(Filters.ne("status", ConversationStatus.AGENT.name()),
                Filters.eq("agent", owner)), new Document("agent", null));
    }

    /** The audit record of the agent's outcome, and a promise with the same effect as the bot's. */
    private Mono<Void> record(ConversationState c, String agent, Release release, Instant now) {
        Document doc = new Document("conversationId", c.id()).append("debtorId", c.debtorId()).append("agent", agent)
                .append("close", release.close()).append("disposition", release.disposition())
                .append("resumeStep", release.resumeStep()).append("note", release.note()).append("at", Date.from(now));
        Mono<Void> audit = outcomes.append(doc);
        if (release.close()) {
            Map<String, Object> closed = new LinkedHashMap<>();
            closed.put("disposition", release.disposition());
            closed.put("agent", agent);
            audit = audit.then(actions.emitEvent(new CollectionActions.ConversationEvent("conversation_closed", c.id(),
                    c.debtorId(), closed, now)));
        }
        if (release.promise() == null || c.debtorId() == null) {
            return audit;
        }
        PromiseInput p = release.promise();
        return audit.then(debtors.findById(c.debtorId()).flatMap(debtor -> {
            Debt debt = debtor.debts().isEmpty() ? null : debtor.debts().get(0);
            return actions.recordPromise(new CollectionActions.PromiseRecord(c.id(), debtor.id(),
                            debt == null ? null : debt.id(), p.date(), p.amount(), debt == null ? null : debt.currency(), now))
                    .then(actions.emitEvent(new CollectionActions.ConversationEvent("promise_made", c.id(), debtor.id(),
                            promiseData(p, agent), now)));
        }));
    }

    private static Map<String, Object> promiseData(PromiseInput p, String agent) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("date", p.date().toString());
        data.put("amount", p.amount() == null ? null : p.amount().toPlainString());
        data.put("recordedBy", "agent");
        data.put("agent", agent);
        return data;
    }

    /** The conversation if {@code agent} owns it (or any agent does and the caller supervises). */
    private Mono<ConversationState> owned(String conversationId, String agent, boolean supervisor) {
        return conversations.findById(conversationId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No conversation with this id")))
                .flatMap(c -> {
                    if (c.status() != ConversationStatus.AGENT) {
                        return Mono.error(ApiException.conflict("not_claimed", "Claim the conversation first; it is " + c.status()));
                    }
                    if (!supervisor && !agent.equals(c.agent())) {
                        return Mono.error(ApiException.conflict("claimed_by_another_agent", "Another agent owns this conversation"));
                    }
                    return Mono.just(c);
                });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
