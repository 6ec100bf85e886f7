package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.EntityType;
import dev.cobra.flow.model.InputStep;
import dev.cobra.nlp.api.Entity;
import dev.cobra.nlp.api.EntityExtractor;
import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.Intents;
import dev.cobra.nlp.entity.RuleBasedEntityExtractor;
import dev.cobra.runtime.nlu.NluResult;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises an answer that is the input step's value and nothing else ("4821", "15/12", "$200.000", "3 cuotas"):
 * such a message cannot also be a request, so the intent classifier (the costly part of a turn) is not needed.
 * Anything more than the value ("no quiero seguir, 4821", "hablar con un asesor") still goes through the
 * classifier first, so global intents keep winning. Uses the same rule-based entity extractor as the NLU, so the
 * value and what is remembered are the ones a classified turn would have.
 */
final class CleanValue {

    /** A value alone is short; longer messages are worth classifying. */
    static final int MAX_LENGTH = 40;
    private static final Pattern DIGITS_ALONE = Pattern.compile("[^\\p{L}\\d]*\\d{4}[^\\p{L}\\d]*");
    private static final Pattern NOT_WORDS = Pattern.compile("[^\\p{L}\\d]*");
    private static final EntityExtractor RULES = new RuleBasedEntityExtractor();
    private static final IntentPrediction NOT_CLASSIFIED = new IntentPrediction(Intents.OUT_OF_SCOPE, 0, List.of(), null);

    private CleanValue() {
    }

    /**
     * The entities of {@code text} as an unclassified NLU result when the whole message is the step's value, else
     * null (then classify). Free-text steps never qualify: any sentence can be their value, and a request too.
     */
    static NluResult of(InputStep step, String text, String locale, LocalDate today, ZoneId zone) {
        EntityType type = step.entity();
        if (type == null || type == EntityType.TEXT || text.length() > MAX_LENGTH) {
            return null;
        }
        if (type == EntityType.DOCUMENT) {
            return DIGITS_ALONE.matcher(text).matches() ? unclassified(text, List.of()) : null;
        }
        List<Entity> entities = RULES.extract(text, locale, today, zone);
        if (entities.isEmpty() && type != EntityType.DATE && InputValues.plainNumber(text) != null) {
            return unclassified(text, entities); // "250000", "250.000": the step reads the number itself
        }
        if (entities.size() != 1 || !accepted(type).contains(entities.get(0).entity())) {
            return null;
        }
        Entity value = entities.get(0);
        String rest = text.substring(0, value.start()) + text.substring(value.end());
        return NOT_WORDS.matcher(rest).matches() ? unclassified(text, entities) : null;
    }

    private static Set<String> accepted(EntityType type) {
        return switch (type) {
            case DATE -> Set.of(Entity.DATE);
            case AMOUNT -> Set.of(Entity.AMOUNT);
            case INSTALLMENTS -> Set.of(Entity.INSTALLMENTS, Entity.AMOUNT);
            default -> Set.of();
        };
    }

    private static NluResult unclassified(String text, List<Entity> entities) {
        return new NluResult(text, NOT_CLASSIFIED, entities, true);
    }
}
