package dev.cobra.runtime.collections;

import dev.cobra.runtime.channel.whatsapp.WhatsAppOutbox;
import dev.cobra.runtime.channel.whatsapp.WhatsAppStatusStore;
import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.payment.PaymentRecorder;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Collection KPIs over a time range, computed from the records themselves, read through the stores that own them
 * (conversations, WhatsApp outbox and statuses, promises, plan requests, payments), so they survive erasure: erased debtors' records are kept under a
 * pseudonym. Optional filters: a flow (the conversation's stage flow or any flow it is in) and a campaign (records
 * carrying that {@code campaignId}, and the conversations of the debtors it contacted).
 *
 * <p>Definitions (a rate is null when its denominator is 0): contact = debtors who replied / debtors contacted;
 * delivery, read = delivered, read / business messages sent; response = conversations with a debtor message /
 * conversations; right party = verified / conversations with a reply; containment = closed conversations never
 * handed to a person / closed conversations; handoff = conversations handed off / conversations; opt-out =
 * opted-out conversations / conversations; promise kept = kept / (kept + broken). The funnel counts conversations
 * per flow and the step they are at (or ended in): the message log keeps no per-step history.
 */
@Component
public class KpiService {

    private final ConversationStore conversationStore;
    private final WhatsAppOutbox outboxStore;
    private final WhatsAppStatusStore statusStore;
    private final PromiseStore promiseStore;
    private final PlanRequestStore planStore;
    private final PaymentRecorder paymentStore;
    private final CsatStore csatStore;

    public KpiService(ConversationStore conversationStore, WhatsAppOutbox outboxStore, WhatsAppStatusStore statusStore,
                      PromiseStore promiseStore, PlanRequestStore planStore, PaymentRecorder paymentStore,
                      CsatStore csatStore) {
        this.csatStore = csatStore;
        this.conversationStore = conversationStore;
        this.outboxStore = outboxStore;
        this.statusStore = statusStore;
        this.promiseStore = promiseStore;
        this.planStore = planStore;
        this.paymentStore = paymentStore;
    }

    public record Filter(Instant from, Instant to, String campaignId, String flowId) {
    }

    public Mono<Map<String, Object>> compute(Filter f) {
        return outboxStore.createdBetween(f.from(), f.to(), f.campaignId()).collectList().flatMap(messages -> {
            Set<String> campaignDebtors = new HashSet<>();
            messages.forEach(m -> campaignDebtors.add(m.getString("debtorId")));
            return conversationStore.createdBetween(f.from(), f.to()).collectList().flatMap(all -> {
                List<Document> conversations = all.stream()
                        .filter(c -> f.flowId() == null || inFlow(c, f.flowId()))
                        .filter(c -> f.campaignId() == null || f.campaignId().equals(c.getString("campaignId"))
                                || campaignDebtors.contains(c.getString("debtorId")))
                        .toList();
                Set<String> debtors = new HashSet<>();
                conversations.forEach(c -> debtors.add(c.getString("debtorId")));
                Set<String> ofThese = f.campaignId() == null && f.flowId() == null ? null : debtors;
                List<String> wamids = messages.stream().map(m -> m.getString("wamid")).filter(Objects::nonNull).toList();
                List<String> conversationIds = conversations.stream().map(c -> c.getString("_id")).toList();
                return Mono.zip(promiseStore.createdBetween(f.from(), f.to(), ofThese).collectList(),
                                planStore.createdBetween(f.from(), f.to(), ofThese).collectList(),
                                paymentStore.paidBetween(f.from(), f.to(), ofThese).collectList(),
                                statusStore.findAll(wamids).collectList(),
                                csatStore.forConversations(conversationIds).collectList())
                        .map(t -> {
                            Map<String, Object> out = report(f, conversations, messages, t.getT1(), t.getT2(), t.getT3(),
                                    t.getT4());
                            out.put("csat", csat(t.getT5()));
                            Map<String, List<Document>> byFlow = new TreeMap<>();
                            t.getT5().forEach(c -> byFlow.computeIfAbsent(c.getString("flowId") == null ? "-"
                                    : c.getString("flowId"), k -> new java.util.ArrayList<>()).add(c));
                            Map<String, Object> csatByFlow = new LinkedHashMap<>();
                            byFlow.forEach((flow, rows) -> csatByFlow.put(flow, csat(rows)));
                            out.put("csatByFlow", csatByFlow);
                            return out;
                        });
            });
        });
    }

    private static boolean inFlow(Document c, String flowId) {
        if (flowId.equals(c.getString("flowId"))) {
            return true;
        }
        Object stack = c.get("stack");
        return stack instanceof Collection<?> frames && frames.stream()
                .anyMatch(frame -> frame instanceof Document d && flowId.equals(d.getString("flowId")));
    }

    private static String rootFlow(Document c) {
        Object stack = c.get("stack");
        if (stack instanceof List<?> frames && !frames.isEmpty() && frames.get(0) instanceof Document d) {
            return d.getString("flowId");
        }
        return c.getString("flowId");
    }

    static Map<String, Object> report(Filter f, List<Document> conversations, List<Document> outbox, List<Document> promises,
                                      List<Document> plans, List<Document> payments, List<Document> statuses) {
        // An anonymous visitor's session counts once they write: opening the page (or a script opening sessions)
        // is not a conversation.
        conversations = conversations.stream()
                .filter(c -> c.getString("debtorId") != null || c.get("lastInboundAt") != null).toList();
        int total = conversations.size();
        int responded = 0;
        int verified = 0;
        int handedOff = 0;
        int closed = 0;
        int contained = 0;
        int optedOut = 0;
        Set<String> contacted = new HashSet<>();
        Set<String> replied = new HashSet<>();
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, Integer> dispositions = new TreeMap<>();
        Map<String, Map<String, Integer>> funnel = new TreeMap<>();
        for (Document c : conversations) {
            String debtor = c.getString("debtorId");
            if (debtor != null) {
                contacted.add(debtor);
            }
            boolean answered = c.get("lastInboundAt") != null;
            if (answered) {
                responded++;
                if (debtor != null) {
                    replied.add(debtor);
                }
                if (Boolean.TRUE.equals(c.getBoolean("verified"))) {
                    verified++;
                }
            }
            Document handoff = c.get("handoff", Document.class);
            boolean human = handoff != null || c.getString("agent") != null
                    || "WAITING_AGENT".equals(c.getString("status")) || "AGENT".equals(c.getString("status"));
            if (human) {
                handedOff++;
                String reason = handoff == null || handoff.getString("reason") == null ? "agent" : handoff.getString("reason");
                reasons.merge(reason, 1, Integer::sum);
            }
            if ("CLOSED".equals(c.getString("status"))) {
                closed++;
                if (!human) {
                    contained++;
                }
            }
            if (Boolean.TRUE.equals(c.getBoolean("optedOut"))) {
                optedOut++;
            }
            if (c.getString("disposition") != null) {
                dispositions.merge(c.getString("disposition"), 1, Integer::sum);
            }
            String flow = rootFlow(c) == null ? "-" : rootFlow(c);
            String step = (c.getString("flowId") == null ? "" : c.getString("flowId") + ":") + c.getString("step");
            funnel.computeIfAbsent(flow, k -> new TreeMap<>()).merge(step, 1, Integer::sum);
        }
        for (Document m : outbox) {
            if (m.getString("debtorId") != null) {
                contacted.add(m.getString("debtorId"));
            }
        }
        int sent = 0;
        int failed = 0;
        for (Document m : outbox) {
            if ("SENT".equals(m.getString("status"))) {
                sent++;
            } else if ("FAILED".equals(m.getString("status"))) {
                failed++;
            }
        }
        int delivered = 0;
        int read = 0;
        for (Document s : statuses) {
            if (s.get("readAt") != null) {
                read++;
                delivered++;
            } else if (s.get("deliveredAt") != null) {
                delivered++;
            }
        }
        int kept = 0;
        int broken = 0;
        int open = 0;
        Map<String, BigDecimal> promised = new TreeMap<>();
        for (Document p : promises) {
            switch (String.valueOf(p.getString("status"))) {
                case PromiseStore.KEPT -> kept++;
                case PromiseStore.BROKEN -> broken++;
                default -> open++;
            }
            add(promised, p.getString("currency"), p.getString("amount"));
        }
        Map<String, BigDecimal> paid = new TreeMap<>();
        for (Document p : payments) {
            add(paid, p.getString("currency"), p.getString("amount"));
        }

        Map<String, Object> rates = new LinkedHashMap<>();
        rates.put("contact", rate(replied.size(), contacted.size()));
        rates.put("delivery", rate(delivered, sent));
        rates.put("read", rate(read, sent));
        rates.put("response", rate(responded, total));
        rates.put("rightParty", rate(verified, responded));
        rates.put("containment", rate(contained, closed));
        rates.put("handoff", rate(handedOff, total));
        rates.put("optOut", rate(optedOut, total));
        rates.put("promiseKept", rate(kept, kept + broken));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", f.from().toString());
        out.put("to", f.to().toString());
        out.put("campaignId", f.campaignId());
        out.put("flowId", f.flowId());
        out.put("conversations", total);
        out.put("debtorsContacted", contacted.size());
        out.put("debtorsResponded", replied.size());
        out.put("rates", rates);
        out.put("messages", Map.of("sent", sent, "delivered", delivered, "read", read, "failed", failed));
        out.put("handoffs", handedOff);
        out.put("handoffReasons", reasons);
        out.put("dispositions", dispositions);
        Map<String, Object> promiseCounts = new LinkedHashMap<>();
        promiseCounts.put("made", promises.size());
        promiseCounts.put("kept", kept);
        promiseCounts.put("broken", broken);
        promiseCounts.put("open", open);
        promiseCounts.put("amountPromised", promised);
        out.put("promises", promiseCounts);
        // requested: every plan asked for (those a person decides and those the debtor accepted with the bot).
        out.put("plans", Map.of("requested", plans.size(), "accepted",
                plans.stream().filter(p -> PlanRequestStore.ACCEPTED.equals(p.getString("status"))).count()));
        out.put("payments", Map.of("count", payments.size(), "amountPaid", paid));
        out.put("funnel", funnel.entrySet().stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("flowId", e.getKey());
            row.put("steps", e.getValue().entrySet().stream()
                    .map(s -> Map.<String, Object>of("step", s.getKey(), "conversations", s.getValue())).toList());
            return row;
        }).toList());
        return out;
    }

    /**
     * Satisfaction: questions asked, answered, positive answers (4–5 or thumbs up) and the positive share of the
     * answers (null when none).
     */
    static Map<String, Object> csat(List<Document> rows) {
        int asked = rows.size();
        int answered = 0;
        int positive = 0;
        for (Document row : rows) {
            if (CsatStore.ANSWERED.equals(row.getString("status"))) {
                answered++;
                Object score = row.get("score");
                if (score instanceof Number n && n.intValue() >= 4) {
                    positive++;
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asked", asked);
        out.put("answered", answered);
        out.put("positive", positive);
        out.put("positiveRate", answered == 0 ? 0.0 : rate(positive, answered));
        return out;
    }

    private static void add(Map<String, BigDecimal> sums, String currency, String amount) {
        if (amount == null) {
            return;
        }
        try {
            sums.merge(currency == null ? "-" : currency, new BigDecimal(amount), BigDecimal::add);
        } catch (NumberFormatException ignored) {
            // an unreadable amount is left out of the sum
        }
    }

    private static Double rate(int part, int whole) {
        return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
    }
}
