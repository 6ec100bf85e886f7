package dev.cobra.runtime.conversation.state;

import org.bson.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written mapping between {@link ConversationState} and its BSON document. Written by hand (not by Spring
 * Data's mapper) so the stored JSON is ours and stable, and so typed slot values (dates, amounts, counts)
 * come back with the type they went in with: each slot's type is kept next to it in {@code slotTypes}.
 */
final class ConversationDocuments {

    private ConversationDocuments() {
    }

    static Document toDocument(ConversationState s) {
        Document doc = new Document("_id", s.id())
                .append("channel", s.channel())
                .append("debtorId", s.debtorId())
                .append("externalUserId", s.externalUserId())
                .append("locale", s.locale())
                .append("status", s.status().name())
                .append("flowId", s.flowId())
                .append("flowVersion", s.flowVersion())
                .append("step", s.step());
        List<Document> stack = new ArrayList<>();
        for (StackFrame frame : s.stack()) {
            stack.add(new Document("flowId", frame.flowId()).append("flowVersion", frame.flowVersion())
                    .append("returnStep", frame.returnStep()));
        }
        doc.append("stack", stack);
        Document slots = new Document();
        Document slotTypes = new Document();
        s.slots().forEach((name, value) -> {
            SlotType type = SlotType.of(value);
            slots.append(name, type.encode(value));
            slotTypes.append(name, type.name());
        });
        doc.append("slots", slots).append("slotTypes", slotTypes)
                .append("heard", new Document(new LinkedHashMap<String, Object>(s.heard())))
                .append("pendingIntent", s.pendingIntent())
                .append("closingRecap", s.closingRecap().isEmpty() ? null : s.closingRecap())
                .append("verified", s.verified())
                .append("optedOut", s.optedOut());
        if (s.handoff() != null) {
            doc.append("handoff", new Document("queue", s.handoff().queue()).append("reason", s.handoff().reason())
                    .append("at", date(s.handoff().at())).append("understanding", understanding(s.handoff().understanding())));
        } else {
            doc.append("handoff", null);
        }
        return doc.append("disposition", s.disposition())
                .append("agent", s.agent())
                .append("clarifyCount", s.clarifyCount())
                .append("retryCount", s.retryCount())
                .append("messageSeq", s.messageSeq())
                .append("lastInboundAt", date(s.lastInboundAt()))
                .append("queueAckAt", date(s.queueAckAt()))
                .append("lastTurn", lastTurn(s.lastTurn()))
                .append("createdAt", date(s.createdAt()))
                .append("updatedAt", date(s.updatedAt()))
                .append("version", s.version());
    }

    private static Document lastTurn(LastTurn turn) {
        if (turn == null) {
            return null;
        }
        Document doc = new Document("inboundId", turn.inboundId()).append("entries", MessageLog.documents(turn.entries()));
        return turn.channelRecords().isEmpty() ? doc : doc.append("channelRecords", turn.channelRecords());
    }

    private static LastTurn lastTurn(Document doc) {
        if (doc == null) {
            return null;
        }
        List<TranscriptEntry> entries = new ArrayList<>();
        for (Object item : doc.getList("entries", Object.class, List.of())) {
            entries.add(MessageLog.fromDocument((Document) item));
        }
        List<Document> records = new ArrayList<>();
        for (Object item : doc.getList("channelRecords", Object.class, List.of())) {
            records.add((Document) item);
        }
        return new LastTurn(doc.getString("inboundId"), entries, records);
    }

    private static Document understanding(Handoff.Understanding u) {
        if (u == null) {
            return null;
        }
        List<Document> ranking = new ArrayList<>();
        u.ranking().forEach(r -> ranking.add(new Document("intent", r.intent()).append("confidence", r.confidence())));
        return new Document("intent", u.intent()).append("confidence", u.confidence()).append("fallback", u.fallback())
                .append("ranking", ranking);
    }

    private static Handoff.Understanding understanding(Document doc) {
        if (doc == null) {
            return null;
        }
        List<Handoff.Score> ranking = new ArrayList<>();
        for (Object item : doc.getList("ranking", Object.class, List.of())) {
            Document r = (Document) item;
            ranking.add(new Handoff.Score(r.getString("intent"), number(r.get("confidence")).doubleValue()));
        }
        return new Handoff.Understanding(doc.getString("intent"), number(doc.get("confidence")).doubleValue(),
                Boolean.TRUE.equals(doc.getBoolean("fallback")), ranking);
    }

    static ConversationState fromDocument(Document doc) {
        ConversationState s = new ConversationState();
        s.id(doc.getString("_id"));
        s.channel(doc.getString("channel"));
        s.debtorId(doc.getString("debtorId"));
        s.externalUserId(doc.getString("externalUserId"));
        s.locale(doc.getString("locale"));
        s.status(ConversationStatus.valueOf(doc.getString("status")));
        s.flowId(doc.getString("flowId"));
        s.flowVersion(number(doc.get("flowVersion")).intValue());
        s.step(doc.getString("step"));
        List<StackFrame> stack = new ArrayList<>();
        for (Object item : doc.getList("stack", Object.class, List.of())) {
            Document frame = (Document) item;
            stack.add(new StackFrame(frame.getString("flowId"), number(frame.get("flowVersion")).intValue(),
                    frame.getString("returnStep")));
        }
        s.stack(stack);
        Document slots = doc.get("slots", Document.class);
        Document slotTypes = doc.get("slotTypes", Document.class);
        Map<String, Object> values = new LinkedHashMap<>();
        if (slots != null) {
            slots.forEach((name, raw) -> {
                String typeName = slotTypes == null ? null : slotTypes.getString(name);
                SlotType type = typeName == null ? SlotType.STRING : SlotType.valueOf(typeName);
                values.put(name, type.decode(raw));
            });
        }
        s.slots(values);
        Document heard = doc.get("heard", Document.class);
        Map<String, String> heardValues = new LinkedHashMap<>();
        if (heard != null) {
            heard.forEach((name, value) -> heardValues.put(name, value == null ? null : value.toString()));
        }
        s.heard(heardValues);
        s.pendingIntent(doc.getString("pendingIntent"));
        s.closingRecap(doc.getList("closingRecap", String.class));
        s.verified(Boolean.TRUE.equals(doc.getBoolean("verified")));
        s.optedOut(Boolean.TRUE.equals(doc.getBoolean("optedOut")));
        Document handoff = doc.get("handoff", Document.class);
        if (handoff != null) {
            s.handoff(new Handoff(handoff.getString("queue"), handoff.getString("reason"), instant(handoff.get("at")),
                    understanding(handoff.get("understanding", Document.class))));
        }
        s.disposition(doc.getString("disposition"));
        s.agent(doc.getString("agent"));
        s.clarifyCount(number(doc.get("clarifyCount")).intValue());
        s.retryCount(number(doc.get("retryCount")).intValue());
        s.messageSeq(number(doc.get("messageSeq")).longValue());
        s.lastInboundAt(instant(doc.get("lastInboundAt")));
        s.queueAckAt(instant(doc.get("queueAckAt")));
        s.lastTurn(lastTurn(doc.get("lastTurn", Document.class)));
        s.createdAt(instant(doc.get("createdAt")));
        s.updatedAt(instant(doc.get("updatedAt")));
        s.version(number(doc.get("version")).longValue());
        return s;
    }

    static Number number(Object value) {
        return value instanceof Number n ? n : 0;
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Object value) {
        return value instanceof Date d ? d.toInstant() : null;
    }

    /** How a slot value is stored; dates and amounts as text so that no precision or zone is lost. */
    enum SlotType {
        STRING, BOOLEAN, INTEGER, LONG, DECIMAL, DATE;

        static SlotType of(Object value) {
            if (value instanceof Boolean) {
                return BOOLEAN;
            }
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return INTEGER;
            }
            if (value instanceof Long) {
                return LONG;
            }
            if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
                return DECIMAL;
            }
            if (value instanceof LocalDate) {
                return DATE;
            }
            return STRING;
        }

        Object encode(Object value) {
            return switch (this) {
                case BOOLEAN, INTEGER, LONG -> value;
                case DECIMAL -> value instanceof BigDecimal b ? b.toPlainString() : new BigDecimal(value.toString()).toPlainString();
                case DATE, STRING -> value == null ? null : value.toString();
            };
        }

        Object decode(Object raw) {
            if (raw == null) {
                return null;
            }
            return switch (this) {
                case BOOLEAN -> raw;
                case INTEGER -> ((Number) raw).intValue();
                case LONG -> ((Number) raw).longValue();
                case DECIMAL -> new BigDecimal(raw.toString());
                case DATE -> LocalDate.parse(raw.toString());
                case STRING -> raw.toString();
            };
        }
    }
}
