package dev.cobra.runtime.handoff;

import dev.cobra.runtime.collections.DebtorAccountView;
import dev.cobra.runtime.collections.PlanRequestStore;
import dev.cobra.runtime.collections.PromiseStore;
import dev.cobra.runtime.compliance.ContactDecision;
import dev.cobra.runtime.compliance.ContactPolicy;
import dev.cobra.runtime.conversation.engine.CompiledFlows;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.debtor.Debt;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.handoff.ConversationContext.ConsentInfo;
import dev.cobra.runtime.handoff.ConversationContext.ContactNow;
import dev.cobra.runtime.handoff.ConversationContext.DebtInfo;
import dev.cobra.runtime.handoff.ConversationContext.DebtorInfo;
import dev.cobra.runtime.handoff.ConversationContext.PlanInfo;
import dev.cobra.runtime.handoff.ConversationContext.PromiseInfo;
import dev.cobra.runtime.handoff.ConversationContext.StepInfo;
import dev.cobra.runtime.web.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the agent console's side panel for one chat from the stores that already hold it: the conversation, the
 * debtor directory, the promise and plan request stores the bot and agents write, the debtor's account view, the
 * compiled flow (its steps, for hand-back) and the contact policy.
 */
@Service
class ConversationContextService {

    /** The panel shows the latest records only; older ones stay in the database. */
    static final int MAX_RECORDS = 20;

    private static final Logger log = LoggerFactory.getLogger(ConversationContextService.class);

    private final ConversationStore conversations;
    private final DebtorDirectory debtors;
    private final CompiledFlows flows;
    private final ContactPolicy contactPolicy;
    private final PromiseStore promiseStore;
    private final PlanRequestStore planStore;
    private final DebtorAccountView accounts;
    private final Clock clock;

    ConversationContextService(ConversationStore conversations, DebtorDirectory debtors, CompiledFlows flows,
                               ContactPolicy contactPolicy, PromiseStore promiseStore, PlanRequestStore planStore,
                               DebtorAccountView accounts, Clock clock) {
        this.accounts = accounts;
        this.conversations = conversations;
        this.debtors = debtors;
        this.flows = flows;
        this.contactPolicy = contactPolicy;
        this.promiseStore = promiseStore;
        this.planStore = planStore;
        this.clock = clock;
    }

    Mono<ConversationContext> context(String conversationId) {
        return conversations.findById(conversationId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No conversation with this id")))
                .flatMap(this::context);
    }

    private Mono<ConversationContext> context(ConversationState c) {
        Instant now = clock.instant();
        Mono<Optional<Debtor>> debtor = c.debtorId() == null ? Mono.just(Optional.empty())
                : debtors.findById(c.debtorId()).map(Optional::of).defaultIfEmpty(Optional.empty());
        return Mono.zip(debtor, promises(c.debtorId()), plans(c.debtorId()), contactNow(c, now), steps(c),
                        account(c, now))
                .map(t -> new ConversationContext(conversation(c, now), handoff(c),
                        t.getT1().map(d -> debtor(d, LocalDate.ofInstant(now, d.zone()))).orElse(null),
                        t.getT2(), t.getT3(), t.getT4(), t.getT5(), t.getT6().orElse(null)));
    }

    /** The debtor's account (outstanding, holds, plans with installments); absent without a debtor or on failure. */
    private Mono<Optional<Map<String, Object>>> account(ConversationState c, Instant now) {
        if (c.debtorId() == null) {
            return Mono.just(Optional.empty());
        }
        return accounts.view(c.debtorId(), now).map(Optional::of)
                .onErrorResume(e -> {
                    log.warn("agent.context.account_failed conversation={} error={}", c.id(), e.toString());
                    return Mono.just(Optional.empty());
                })
                .defaultIfEmpty(Optional.empty());
    }

    private static ConversationContext.Conversation conversation(ConversationState c, Instant now) {
        return new ConversationContext.Conversation(c.id(), c.channel(), c.status().name(), c.agent(), c.locale(),
                c.verified(), c.optedOut(), c.flowId(), c.step(), HandoffService.windowOpen(c, now), c.lastInboundAt());
    }

    private static ConversationContext.HandoffInfo handoff(ConversationState c) {
        return c.handoff() == null ? null : new ConversationContext.HandoffInfo(c.handoff().queue(), c.handoff().reason(),
                c.handoff().at(), c.handoff().understanding());
    }

    static DebtorInfo debtor(Debtor d, LocalDate today) {
        Map<String, ConsentInfo> consent = new LinkedHashMap<>();
        d.consent().forEach((channel, x) -> consent.put(channel, new ConsentInfo(x.optedIn(), x.at(), x.source())));
        List<DebtInfo> debts = d.debts().stream().map(x -> new DebtInfo(x.id(), x.product(), x.balance(), x.currency(),
                x.dueDate(), Math.max(0, x.daysPastDue(today)))).toList();
        String currency = d.primaryDebt().map(Debt::currency).orElse(null);
        // A total only makes sense in one currency; with mixed currencies the panel lists the debts alone.
        boolean oneCurrency = d.debts().stream().allMatch(x -> currency != null && currency.equals(x.currency()));
        BigDecimal total = oneCurrency ? d.debts().stream().map(Debt::balance).filter(b -> b != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add) : null;
        return new DebtorInfo(d.id(), d.name(), d.firstName(), d.locale(), d.country(), d.timezone(), d.optedOut(),
                d.wrongParty(), consent, debts, total, currency, Math.max(0, d.daysPastDue(today)));
    }

    private Mono<List<PromiseInfo>> promises(String debtorId) {
        if (debtorId == null) {
            return Mono.just(List.of());
        }
        return promiseStore.latest(debtorId, MAX_RECORDS).map(doc -> new PromiseInfo(doc.getString("date"), doc.getString("amount"),
                doc.getString("currency"), doc.getString("status"), doc.getString("conversationId"),
                instant(doc.get("createdAt")))).collectList();
    }

    private Mono<List<PlanInfo>> plans(String debtorId) {
        if (debtorId == null) {
            return Mono.just(List.of());
        }
        return planStore.latest(debtorId, MAX_RECORDS).map(doc -> new PlanInfo(
                doc.get("installments") instanceof Number n ? n.intValue() : null, doc.getString("amount"),
                doc.getString("currency"), doc.getString("status"), doc.getString("conversationId"),
                instant(doc.get("createdAt")))).collectList();
    }

    /** Business-initiated contact goes out on WhatsApp, so that is the channel the panel asks about. */
    static final String PROACTIVE_CHANNEL = "whatsapp";

    private Mono<ContactNow> contactNow(ConversationState c, Instant now) {
        ContactPolicy policy = contactPolicy;
        if (c.debtorId() == null) {
            return Mono.just(ContactNow.unknown(PROACTIVE_CHANNEL));
        }
        return policy.decide(c.debtorId(), PROACTIVE_CHANNEL, now)
                .map((ContactDecision d) -> new ContactNow(PROACTIVE_CHANNEL, true, d.allowed(), d.reason(), d.nextAllowedAt()))
                .defaultIfEmpty(ContactNow.unknown(PROACTIVE_CHANNEL))
                .onErrorResume(e -> {
                    log.warn("agent.context.contact_policy_failed conversation={} error={}", c.id(), e.toString());
                    return Mono.just(ContactNow.unknown(PROACTIVE_CHANNEL));
                });
    }

    private Mono<List<StepInfo>> steps(ConversationState c) {
        if (c.flowId() == null) {
            return Mono.just(List.of());
        }
        return flows.version(c.flowId(), c.flowVersion())
                .map(f -> f.flow().steps().values().stream().map(s -> new StepInfo(s.id(), s.type())).toList())
                .defaultIfEmpty(List.of())
                .onErrorResume(e -> Mono.just(List.of()));
    }

    private static Instant instant(Object value) {
        return value instanceof Date d ? d.toInstant() : null;
    }
}
