package dev.cobra.runtime.conversation.engine;

import dev.cobra.nlp.api.Entity;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.nlu.NluResult;
import dev.cobra.runtime.verification.IdentityDigits;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the debtor said that a later step may need ("le pago el 15" at the menu is the date the promise step would
 * ask for). Every parse of free text is remembered here, one value per entity, until a step uses it; a value the
 * debtor rejects in the same breath ("el viernes no, el lunes") is not the one kept.
 */
final class EntityMemory {

    private static final Pattern NEGATED_BEFORE = Pattern.compile("(?:^|\\W)(?:no|not|ni)\\W*$");
    private static final Pattern NEGATED_AFTER = Pattern.compile("^\\W*(?:no|not)(?:\\W|$)");
    private static final Pattern DIGITS = Pattern.compile("\\d");
    /** Built-in entity: the debtor's own words of the message that chose the branch (a text slot may fill from it). */
    static final String REQUEST = "request";
    private static final int REQUEST_MIN_WORDS = 7;
    /**
     * What is wrong with a charge, said in a few words ("que me cobraron doble", "nunca saqué esa tarjeta", "I never
     * opened that card"): the reason a dispute or complaint asks for, however short the message. The bare objection
     * ("no reconozco esa deuda") is not a reason: the flow asks what is wrong.
     */
    private static final Pattern OBJECTION_DETAIL = Pattern.compile("\\b(?:doble|dos veces|twice|double|de mas|"
            + "nunca (?:pedi|saque|solicite|firme|use|tuve|abri)|"
            + "never (?:took|opened|applied|signed|used|had)|fraude|fraud|robo|robaron|stolen|"
            + "suplantacion|identity theft|monto (?:incorrecto|equivocado|errado)|wrong amount|intereses|interest|"
            + "comision(?:es)?|cargos? (?:extra|indebidos?|que no)|already cancell?ed|ya (?:la |lo )?cancele|ya (?:la |lo )?cerre)\\b");
    /** Half of what is owed, said in words ("la mitad", "half of it", "el 50 por ciento"); a plan of two halves is installments. */
    private static final Pattern HALF = Pattern.compile("\\b(?:la mitad|mitad|half|50 por ciento|cincuenta por ciento)\\b");
    /** Words that introduce what is left to pay after a first commitment ("y el resto el 30", "una el 15 y otra el 30"). */
    private static final Pattern REMAINDER = Pattern.compile("\\b(?:el resto|lo demas|lo que falta|lo que queda|la otra mitad|"
            + "el saldo restante|y (?:la |el )?otr[oa]|la segunda|el segundo|the rest|the remaining|what s left|the other half|"
            + "the balance|and (?:the )?other|and another|the second)\\b");
    /** How "half of the balance" waits in memory until an action or an amount question knows the balance. */
    static final String HALF_OF_THE_BALANCE = "half";
    /**
     * Details of a payment already made that the date extractor does not take (it resolves only dates from today on):
     * when it was and how it was paid ("ayer", "la semana pasada", "por Nequi", "en Oxxo", "por transferencia").
     */
    private static final Pattern PAYMENT_DETAIL = Pattern.compile("\\b(?:ayer|antier|anteayer|antes de ayer|"
            + "(?:la )?semana pasada|(?:el )?mes pasado|el otro dia|hace (?:un|una|dos|tres|\\d+) (?:dias?|semanas?)|"
            + "yesterday|last (?:week|month|friday|monday)|(?:\\d+|a|two|three) days ago|"
            + "nequi|daviplata|oxxo|efecty|baloto|pse|transferencia|deposito|consignacion|consigne|bizum|yape|plin|"
            + "mercado ?pago|zelle|venmo|paypal|cash ?app|wire|bank transfer|comprobante|recibo|folio|referencia|"
            + "receipt|confirmation number)\\b");

    private EntityMemory() {
    }

    /** The value of each entity type in the text, the last one the debtor did not reject; excludes {@code hide}. */
    static Map<String, String> values(NluResult result, String hide) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> rejected = new LinkedHashMap<>();
        String text = result.text() == null ? "" : result.text();
        Map<String, Entity> previousNegatedAfter = new LinkedHashMap<>();
        Map<String, Entity> kept = new LinkedHashMap<>();
        for (Entity entity : result.entities()) {
            if (entity.value() == null || entity.entity() == null) {
                continue;
            }
            if (hide != null && entity.text() != null && DIGITS.matcher(entity.text()).find() && entity.text().contains(hide)) {
                continue; // identity digits are never remembered
            }
            String value = text(entity.value());
            Entity previous = previousNegatedAfter.get(entity.entity());
            boolean after = negatedAfter(text, entity);
            // "el viernes no, el lunes": the "no" after the first date is not a "no" before the second one.
            boolean before = negatedBefore(text, entity) && (previous == null || entity.start() - previous.end() > 8);
            if (after) {
                previousNegatedAfter.put(entity.entity(), entity);
            }
            if (after || before) {
                rejected.putIfAbsent(entity.entity(), value);
            } else if (!remainder(text, kept.get(entity.entity()), entity)) {
                values.put(entity.entity(), value);
                kept.put(entity.entity(), entity);
            }
        }
        rejected.forEach(values::putIfAbsent);
        return values;
    }

    /**
     * "el lunes le pago 300 mil y el resto el 30": the second date is for what is left, so the commitment being made
     * is the first one (a later value replaces an earlier one otherwise, as in "el viernes... mejor el lunes").
     */
    private static boolean remainder(String text, Entity earlier, Entity later) {
        if (earlier == null || earlier.end() > later.start() || later.start() > text.length()) {
            return false;
        }
        return REMAINDER.matcher(TextMatching.normalize(text.substring(earlier.end(), later.start()))).find();
    }

    /** Remembers the message's entities; while a document step waits, nothing with digits (they may be the ID). */
    static void remember(ConversationState state, NluResult result, boolean documentStep) {
        Map<String, String> values = values(result, null);
        if (documentStep) {
            values.values().removeIf(v -> DIGITS.matcher(v).find());
        } else if (!values.containsKey(Entity.AMOUNT) && !values.containsKey(Entity.INSTALLMENTS) && result.text() != null
                && HALF.matcher(TextMatching.normalize(result.text())).find()) {
            values.put(Entity.AMOUNT, HALF_OF_THE_BALANCE); // "y si pago la mitad ahorita?": resolved against the balance
        }
        state.heard().putAll(values);
    }

    /** The amount {@code raw} remembers: a number, or half of {@code whole} for "la mitad"; null when neither. */
    static BigDecimal amount(String raw, BigDecimal whole) {
        if (HALF_OF_THE_BALANCE.equals(raw)) {
            return whole == null ? null : whole.divide(BigDecimal.valueOf(2), whole.scale(), java.math.RoundingMode.HALF_UP);
        }
        return InputValues.toDecimal(raw);
    }

    /**
     * Remembers the words of a free-text message that chose a branch as the {@code request} entity, when they say more
     * than the choice itself: a date or an amount ("ya pagué ayer por Nequi") or a sentence of its own ("esa deuda no
     * es mía, nunca saqué esa tarjeta"); "esa deuda no es mía" alone is only the choice. Any other message forgets an
     * older request, so it never answers a later question.
     */
    static void rememberRequest(ConversationState state, NluResult result) {
        String words = result.text() == null ? "" : result.text().strip();
        String normalized = TextMatching.normalize(words);
        boolean detail = result.entities().stream()
                .anyMatch(e -> Entity.DATE.equals(e.entity()) || Entity.AMOUNT.equals(e.entity()))
                || PAYMENT_DETAIL.matcher(normalized).find() || OBJECTION_DETAIL.matcher(normalized).find();
        if (!words.isEmpty() && (detail || words.split("\\s+").length >= REQUEST_MIN_WORDS)) {
            state.heard().put(REQUEST, words);
        } else {
            state.heard().remove(REQUEST);
        }
    }

    /**
     * A request stated before verification ("oiga ya le deposité ayer en Oxxo" at the digits question) is acted on at
     * the first menu after it, so its words are remembered like a menu's; its digits are masked, as the transcript
     * keeps them, since they may be the ID.
     */
    static void rememberCarriedRequest(ConversationState state, NluResult result) {
        if (result == null || result.text() == null) {
            return;
        }
        rememberRequest(state, new NluResult(IdentityDigits.mask(result.text()), result.prediction(), result.entities(),
                result.fallback(), result.clauses(), result.mainClause(), result.analyzer()));
    }

    /** The amount the debtor said, when it is above zero and at most {@code max} (null: no bound); taken (used once). */
    static BigDecimal takeAmount(ConversationState state, BigDecimal max) {
        BigDecimal said = amount(state.heard().get(Entity.AMOUNT), max);
        if (said == null || said.signum() <= 0 || max != null && said.compareTo(max) > 0) {
            return null;
        }
        state.heard().remove(Entity.AMOUNT);
        return said;
    }

    /** The first remembered value among {@code entities}, removed from memory; null when none. */
    static String take(ConversationState state, List<String> entities) {
        for (String entity : entities) {
            String value = state.heard().remove(entity);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static boolean negatedBefore(String text, Entity entity) {
        int start = Math.max(0, Math.min(entity.start(), text.length()));
        String before = text.substring(Math.max(0, start - 6), start).toLowerCase(java.util.Locale.ROOT);
        return NEGATED_BEFORE.matcher(before).find();
    }

    private static boolean negatedAfter(String text, Entity entity) {
        int end = Math.max(0, Math.min(entity.end(), text.length()));
        String after = text.substring(end, Math.min(text.length(), end + 6)).toLowerCase(java.util.Locale.ROOT);
        return NEGATED_AFTER.matcher(after).find();
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
