package dev.cobra.nlp.clause;

import dev.cobra.nlp.api.Entity;
import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.Intents;
import dev.cobra.nlp.api.ScoredIntent;
import dev.cobra.nlp.entity.RuleBasedEntityExtractor;
import dev.cobra.nlp.entity.TextFolding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * "I cant pay rn", "no puedo pagar ahorita": the statistical model keys on "pay" and reads it as the opposite request,
 * {@code pay_now} (English texting without an apostrophe was read so at 0.99). A message that says the debtor cannot
 * pay is never a request to pay now: it asks for a plan when it is the whole amount that cannot be paid ("no puedo
 * pagar todo"), for more time when it says when ("until Friday", "la otra semana"), and otherwise it is hardship.
 * Applied only when the model's answer is {@code pay_now}; stateless and thread-safe.
 */
final class NegatedPayment {

    private static final Pattern CANNOT_PAY = Pattern.compile(
            "\\b(?:no|nunca|ni)\\s+(?:les?\\s+|te\\s+)?(?:puedo|podre|podemos|voy\\s+a\\s+poder|alcanzo\\s+a|tengo\\s+(?:como|con\\s+que|para))\\s+"
                    + "(?:pagar|pagarles|pagarle|abonar|cubrir)\\b"
                    + "|\\bi\\s*(?:can\\s*'?\\s*t|cannot|can\\s+not|won\\s*'?\\s*t\\s+be\\s+able\\s+to|couldn\\s*'?\\s*t|could\\s+not|"
                    + "(?:'?m|am)\\s+(?:not\\s+able|unable)\\s+to|don\\s*'?\\s*t\\s+have\\s+(?:the\\s+)?(?:money|cash|funds)\\s+to)\\s+pay\\b"
                    + "|\\b(?:can\\s*'?\\s*t|cannot|unable\\s+to)\\s+pay\\b");
    private static final Pattern WHOLE = Pattern.compile(
            "\\b(?:pagar|pay)\\s+(?:(?:it|that|esto|eso)\\s+)?(?:todo|todo\\s+junto|completo|el\\s+total|la\\s+totalidad|de\\s+una|all|"
                    + "in\\s+full|the\\s+(?:full|whole|entire)|everything|it\\s+all)\\b");
    /** Saying until when without naming a day: "hasta que me paguen", "until payday". */
    private static final Pattern UNTIL = Pattern.compile("\\b(?:hasta|until|till|til|despues\\s+de|after|payday)\\b");
    /** Whether a day is named ("el viernes", "la quincena", "next week") is the date extractor's call. */
    private static final RuleBasedEntityExtractor ENTITIES = new RuleBasedEntityExtractor();

    private NegatedPayment() {
    }

    private static boolean saysWhen(String text, String folded) {
        return UNTIL.matcher(folded).find() || ENTITIES.extract(text, null, null, null).stream()
                .anyMatch(e -> Entity.DATE.equals(e.entity()));
    }

    /** {@code prediction}, or the reading of a message that says the debtor cannot pay when the model said pay now. */
    static IntentPrediction correct(String text, IntentPrediction prediction) {
        if (text == null || prediction == null || !Intents.PAY_NOW.equals(prediction.intent())) {
            return prediction;
        }
        String folded = TextFolding.fold(text).replace('’', '\'');
        if (!CANNOT_PAY.matcher(folded).find()) {
            return prediction;
        }
        String intent = WHOLE.matcher(folded).find() ? Intents.PAYMENT_PLAN
                : saysWhen(text, folded) ? Intents.REQUEST_MORE_TIME : Intents.FINANCIAL_HARDSHIP;
        // The model's confidence was in the words about paying; it moves to the reading those words actually have.
        List<ScoredIntent> ranking = new ArrayList<>();
        ranking.add(new ScoredIntent(intent, prediction.confidence()));
        for (ScoredIntent scored : prediction.ranking()) {
            if (!scored.name().equals(intent) && !scored.name().equals(Intents.PAY_NOW)) {
                ranking.add(scored);
            }
        }
        ranking.add(new ScoredIntent(Intents.PAY_NOW, 0.0));
        return new IntentPrediction(intent, prediction.confidence(), ranking, prediction.language());
    }
}
