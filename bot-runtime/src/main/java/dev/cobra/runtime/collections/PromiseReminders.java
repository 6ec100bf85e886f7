package dev.cobra.runtime.collections;

import dev.cobra.flow.template.LocaleFormats;
import dev.cobra.runtime.channel.whatsapp.GraphMessages;
import dev.cobra.runtime.channel.whatsapp.OutboxSender;
import dev.cobra.runtime.channel.whatsapp.WhatsAppOutbox;
import dev.cobra.runtime.compliance.ContactAttempt;
import dev.cobra.runtime.compliance.ContactDecision;
import dev.cobra.runtime.compliance.ContactPolicy;
import dev.cobra.runtime.conversation.engine.CollectionActions;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The promise sweep: for each open promise (plan installments included: each is a promise), in the debtor's time zone, the day before its date a WhatsApp
 * reminder template (after {@link ContactPolicy#attempt}; a promise made that same day gets none), and once its
 * date has passed without a payment the promise is marked broken (event {@code promise_broken}). Safe on several
 * instances: reminders and breaks are conditional single-document updates.
 */
@Component
public class PromiseReminders {

    static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(PromiseReminders.class);

    private final PromiseStore promises;
    private final DebtorDirectory debtors;
    private final ContactPolicy policy;
    private final ObjectProvider<WhatsAppOutbox> outbox;
    private final ObjectProvider<GraphMessages> graphMessages;
    private final ObjectProvider<OutboxSender> sender;
    private final CollectionActions actions;
    private final Clock clock;
    private final String template;
    private final String templateLanguage;

    public PromiseReminders(PromiseStore promises, DebtorDirectory debtors, ContactPolicy policy,
                            ObjectProvider<WhatsAppOutbox> outbox, ObjectProvider<GraphMessages> graphMessages,
                            ObjectProvider<OutboxSender> sender, CollectionActions actions, ObjectProvider<Clock> clock,
                            @Value("${bot.promises.reminder-template:recordatorio_promesa}") String template,
                            @Value("${bot.promises.reminder-template-language:es}") String templateLanguage) {
        this.promises = promises;
        this.debtors = debtors;
        this.policy = policy;
        this.outbox = outbox;
        this.graphMessages = graphMessages;
        this.sender = sender;
        this.actions = actions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.template = template;
        this.templateLanguage = templateLanguage;
    }

    /** What one sweep did. */
    public record SweepResult(int remindersSent, int remindersDeferred, int broken) {
    }

    public Mono<SweepResult> sweep() {
        Instant now = clock.instant();
        int[] counts = new int[3];
        // Only promises due for a reminder or a break in some time zone: dated up to two days after today in UTC.
        String latest = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(2).toString();
        return page(latest, null, now, counts)
                .then(Mono.fromSupplier(() -> new SweepResult(counts[0], counts[1], counts[2])));
    }

    private Mono<Void> page(String latest, ObjectId after, Instant now, int[] counts) {
        return promises.open(latest, after, PAGE).collectList().flatMap(list -> {
            if (list.isEmpty()) {
                return Mono.empty();
            }
            ObjectId last = list.get(list.size() - 1).getObjectId("_id");
            return reactor.core.publisher.Flux.fromIterable(list)
                    .concatMap(p -> one(p, now, counts).onErrorResume(e -> {
                        log.warn("promise.sweep.failed promise={} error={}", p.get("_id"), e.toString());
                        return Mono.empty();
                    }))
                    .then(list.size() < PAGE ? Mono.empty() : Mono.defer(() -> page(latest, last, now, counts)));
        });
    }

    private Mono<Void> one(Document promise, Instant now, int[] counts) {
        LocalDate date = date(promise.getString("date"));
        String debtorId = promise.getString("debtorId");
        if (date == null || debtorId == null) {
            return Mono.empty();
        }
        return debtors.findById(debtorId).flatMap(debtor -> {
            LocalDate today = LocalDate.ofInstant(now, debtor.zone());
            ObjectId id = promise.getObjectId("_id");
            if (today.isAfter(date)) {
                return promises.markBroken(id, now).flatMap(b -> {
                    counts[2]++;
                    log.info("promise.broken promise={}", id);
                    Map<String, Object> data = new java.util.LinkedHashMap<>();
                    data.put("promiseId", id.toHexString());
                    data.put("date", date.toString());
                    if (b.getString("planId") != null) { // a plan installment: the creditor can tell which
                        data.put("planId", b.getString("planId"));
                        data.put("installment", b.get("installment"));
                    }
                    return actions.emitEvent(new CollectionActions.ConversationEvent("promise_broken",
                            b.getString("conversationId"), debtorId, data, now));
                });
            }
            LocalDate made = promise.getDate("createdAt") == null ? null
                    : LocalDate.ofInstant(promise.getDate("createdAt").toInstant(), debtor.zone());
            boolean reminderDay = today.equals(date.minusDays(1)) && (made == null || made.isBefore(today));
            if (!reminderDay) {
                return Mono.empty();
            }
            return promises.claimReminder(id, now).flatMap(claimed -> remind(claimed, debtor, date, now, counts));
        });
    }

    private Mono<Void> remind(Document promise, Debtor debtor, LocalDate date, Instant now, int[] counts) {
        ObjectId id = promise.getObjectId("_id");
        String address = debtor.phone() != null && !debtor.phone().isBlank() ? debtor.phone()
                : debtor.bsuids().stream().sorted().findFirst().orElse(null);
        ContactPolicy contactPolicy = policy;
        WhatsAppOutbox whatsapp = outbox.getIfAvailable();
        if (address == null || whatsapp == null) {
            return promises.settleReminder(id, "SKIPPED", "no_channel", null, now);
        }
        return contactPolicy.attempt(new ContactAttempt(debtor.id(), "whatsapp", "reminder", id.toHexString(), template, now))
                .flatMap(decision -> decision.allowed() ? send(whatsapp, promise, debtor, address, date, now)
                        .then(Mono.fromRunnable(() -> counts[0]++))
                        .then(promises.settleReminder(id, "SENT", "allowed", null, now))
                        : blocked(id, decision, now, counts));
    }

    private Mono<Void> blocked(ObjectId id, ContactDecision decision, Instant now, int[] counts) {
        log.info("promise.reminder.blocked promise={} reason={}", id, decision.reason());
        if (decision.nextAllowedAt() != null) {
            counts[1]++;
            return promises.settleReminder(id, "PENDING", decision.reason(), decision.nextAllowedAt(), now);
        }
        return promises.settleReminder(id, "BLOCKED", decision.reason(), null, now);
    }

    private Mono<Void> send(WhatsAppOutbox whatsapp, Document promise, Debtor debtor, String address, LocalDate date,
                            Instant now) {
        String locale = debtor.locale() == null ? "es-CO" : debtor.locale();
        String amount = promise.getString("amount") == null ? ""
                : LocaleFormats.money(new BigDecimal(promise.getString("amount")), promise.getString("currency"), locale);
        String language = locale.toLowerCase().startsWith("en") ? "en" : templateLanguage;
        String body = graphMessages.getObject().template(address, template, language,
                List.of(debtor.firstName(), amount, LocaleFormats.longDate(date, locale))).toString();
        String digits = address.replaceAll("[^0-9]", "");
        String to = address.startsWith("+") || address.matches("[0-9 ()-]+") ? digits : address;
        Document message = WhatsAppOutbox.newMessage(to, promise.getString("conversationId"), debtor.id(), "template", body, now)
                .append("purpose", "reminder").append("promiseId", promise.getObjectId("_id").toHexString());
        return whatsapp.enqueue(List.of(message)).then(Mono.fromRunnable(() -> {
            OutboxSender s = sender.getIfAvailable();
            if (s != null) {
                s.wake();
            }
        }));
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
