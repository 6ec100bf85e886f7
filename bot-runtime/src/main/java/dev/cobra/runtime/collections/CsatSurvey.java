package dev.cobra.runtime.collections;

import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.conversation.TurnObserver;
import dev.cobra.runtime.conversation.engine.TurnContext;
import dev.cobra.runtime.conversation.engine.TurnInput;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStatus;
import dev.cobra.runtime.payment.PaymentLinkProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The satisfaction question (CSAT): asked once, at the end of a conversation the bot resolved itself — a promise,
 * a plan, an "already paid" report, a payment, or a payment link sent — and never after a handoff, an opt-out or a
 * wrong-party answer. The debtor answers 1–5 or with the thumbs buttons (WhatsApp reply buttons, webchat options);
 * 4, 5 and thumbs up are positive. Anything else they write next is not a rating: the question is dropped and the
 * message goes to the flow as usual. "ok" and "gracias" are acknowledgements, not ratings: counting them would
 * invent scores the debtor never gave.
 */
@Component
@Order(10)
public class CsatSurvey implements TurnObserver {

    static final String UP = "csat_up";
    static final String DOWN = "csat_down";
    /** Dispositions the bot reaches by itself; a payment link ending has none (the payment comes later). */
    static final Set<String> BOT_OUTCOMES = Set.of("PROMISE_TO_PAY", "PAYMENT_PLAN", "ALREADY_PAID_CLAIMED", "PAID");
    private static final Pattern SCORE = Pattern.compile("(?<![0-9])([1-5])(?![0-9])(\\s*(/\\s*5|de\\s*5|of\\s*5|estrellas?|stars?|⭐+))?");
    /** A number of days, weeks, installments or money, or a day of the month: a request, never a rating. */
    private static final Pattern NOT_A_SCORE = Pattern.compile("(?:\\b(?:el|la|dia|the|on|in|en|like|unos|unas|some)\\s+[1-5]\\b"
            + "|\\b[1-5]\\s*(?:semanas?|weeks?|wks?|dias?|days?|meses|mes|months?|cuotas?|plazos?|pagos|installments?|payments?|"
            + "mil|k|lucas|palos|pesos|dolares|dollars|euros|bucks|horas?|hours?|hrs?|am|pm|de\\s+(?!5\\b)\\w+)\\b)");
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("excelente", 5), Map.entry("excellent", 5), Map.entry("genial", 5), Map.entry("great", 5),
            Map.entry("muy bien", 5), Map.entry("muy buena", 5), Map.entry("bien", 4), Map.entry("buena", 4),
            Map.entry("bueno", 4), Map.entry("good", 4), Map.entry("regular", 3),
            Map.entry("mal", 2), Map.entry("mala", 2), Map.entry("malo", 2), Map.entry("bad", 2),
            Map.entry("pesimo", 1), Map.entry("pesima", 1), Map.entry("terrible", 1), Map.entry("awful", 1));
    private static final Logger log = LoggerFactory.getLogger(CsatSurvey.class);

    private final CsatStore store;
    private final PaymentLinkProvider links;

    public CsatSurvey(CsatStore store, PaymentLinkProvider links) {
        this.store = store;
        this.links = links;
    }

    /** A rating after the question is recorded and thanked for; anything else drops the question. */
    @Override
    public Mono<Intercepted> before(ConversationState state, TurnInput input, TurnContext context) {
        if (state.status() != ConversationStatus.CLOSED) {
            return Mono.empty();
        }
        return store.pending(state.id()).filter(Boolean::booleanValue).flatMap(pending -> {
            Rating rating = rating(input);
            if (rating == null) {
                return store.skipped(state.id(), context.now()).then(Mono.<Intercepted>empty());
            }
            return store.answered(state.id(), rating.score(), rating.kind(), context.now())
                    .filter(Boolean::booleanValue)
                    .map(recorded -> {
                        log.info("csat.answered conversation={} score={}", state.id(), rating.score());
                        String text = input.text() != null ? input.text() : rating.title(english(state));
                        return new Intercepted(text, List.of(Reply.text(english(state)
                                ? "Thank you for your feedback!" : "¡Gracias por tu opinión!")));
                    });
        });
    }

    /** When this turn closed the conversation with an outcome the bot reached, asks the question once. */
    @Override
    public Mono<List<Reply>> after(Snapshot before, ConversationState state, TurnContext context) {
        if (before.status() == ConversationStatus.CLOSED || state.status() != ConversationStatus.CLOSED
                || state.handoff() != null || before.handoff() != null || state.agent() != null || state.optedOut()
                || state.debtorId() == null) {
            return Mono.just(List.of());
        }
        Mono<String> outcome = state.disposition() != null
                ? Mono.justOrEmpty(BOT_OUTCOMES.contains(state.disposition()) ? state.disposition() : null)
                : links.issuedIn(state.id()).filter(Boolean::booleanValue).map(x -> "PAYMENT_LINK_SENT");
        return outcome.flatMap(reached -> store.asked(state.id(), state.debtorId(), rootFlow(state), reached, context.now()))
                .filter(Boolean::booleanValue)
                .map(asked -> List.of(question(english(state))))
                .defaultIfEmpty(List.of());
    }

    static Reply question(boolean english) {
        return english
                ? Reply.options("One last thing: how helpful was this conversation? Rate it from 1 to 5, or tap an option.",
                List.of(new Reply.Option(UP, "👍 Helpful", null), new Reply.Option(DOWN, "👎 Not helpful", null)))
                : Reply.options("Una última cosa: ¿qué tan útil te fue esta conversación? Califícala del 1 al 5 o elige una opción.",
                List.of(new Reply.Option(UP, "👍 Me ayudó", null), new Reply.Option(DOWN, "👎 No me ayudó", null)));
    }

    record Rating(int score, String kind) {
        String title(boolean english) {
            if ("thumbs".equals(kind)) {
                return score >= 4 ? (english ? "👍 Helpful" : "👍 Me ayudó") : (english ? "👎 Not helpful" : "👎 No me ayudó");
            }
            return String.valueOf(score);
        }

        boolean positive() {
            return score >= 4;
        }
    }

    /** The rating in a reply, or null when the reply is not one. */
    static Rating rating(TurnInput input) {
        if (UP.equals(input.optionId())) {
            return new Rating(5, "thumbs");
        }
        if (DOWN.equals(input.optionId())) {
            return new Rating(1, "thumbs");
        }
        String text = input.text();
        if (text == null || text.isBlank() || text.length() > 40) {
            return null;
        }
        if (text.contains("👍")) {
            return new Rating(5, "thumbs");
        }
        if (text.contains("👎")) {
            return new Rating(1, "thumbs");
        }
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[!¡.?¿,]", " ").strip();
        Matcher m = SCORE.matcher(plain);
        if (m.find() && !NOT_A_SCORE.matcher(plain).find() && (plain.substring(0, m.start()) + plain.substring(m.end())).chars().noneMatch(Character::isDigit)) {
            return new Rating(Integer.parseInt(m.group(1)), "scale");
        }
        if (plain.chars().filter(c -> c == '⭐').count() > 0) {
            int stars = (int) text.codePoints().filter(c -> c == 0x2B50).count();
            return stars >= 1 && stars <= 5 ? new Rating(stars, "scale") : null;
        }
        // Longest phrase first ("muy bien" before "bien"); "no muy bien" is not praise.
        return WORDS.entrySet().stream().sorted((a, b) -> b.getKey().length() - a.getKey().length())
                .filter(e -> plain.equals(e.getKey()) || plain.matches("(?:(?:muy|super|re)\\s+)?" + Pattern.quote(e.getKey())
                        + "(?:\\s+(?:gracias|thanks))?"))
                .findFirst().map(e -> new Rating(e.getValue(), "scale")).orElse(null);
    }

    private static boolean english(ConversationState state) {
        return state.locale() != null && state.locale().toLowerCase(Locale.ROOT).startsWith("en");
    }

    private static String rootFlow(ConversationState state) {
        return state.stack() != null && !state.stack().isEmpty() ? state.stack().get(0).flowId() : state.flowId();
    }
}
