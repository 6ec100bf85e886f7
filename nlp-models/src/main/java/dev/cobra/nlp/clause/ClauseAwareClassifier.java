package dev.cobra.nlp.clause;

import dev.cobra.nlp.api.Clause;
import dev.cobra.nlp.api.Entity;
import dev.cobra.nlp.api.IntentClassifier;
import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.Intents;
import dev.cobra.nlp.api.TextAnalysis;
import dev.cobra.nlp.api.TextAnalyzer;
import dev.cobra.nlp.entity.TextFolding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a long message as a person would: cut into clauses, each classified, and the main intent is the request
 * rather than the context around it ("mire le cuento que me quedé sin trabajo" is context, "pero para el viernes
 * le puedo pagar unos 200 mil" the request). The whole message is classified too; the decision rule:
 * <ol>
 * <li>an opt-out or a wrong-person answer in any clause, confident ({@code ≥ accept}), wins: opt-out is honoured
 * everywhere, and a third party must hear nothing about the debt;</li>
 * <li>otherwise the candidates are the clauses whose intent is a request (not chit-chat, a greeting, thanks, a bare
 * yes/no or a hardship story) with confidence of at least {@link #CANDIDATE_FLOOR}; a clause that rejects an option
 * ("no quiero cuotas") gives way to a later one that chooses ("mejor pago todo");</li>
 * <li>the whole message's reading stands when it already names a request at least as confidently as the best
 * candidate; otherwise the last candidate confident enough to act on (requests come after their context), or
 * failing that the most confident one.</li>
 * </ol>
 * Short messages (one clause, or fewer than {@link #MIN_WORDS} words) are classified whole. A reading of "pay now"
 * for words that say the debtor cannot pay is corrected first ({@link NegatedPayment}). Entities are not this
 * class's business: the caller extracts them from the whole message, so those of every clause are kept.
 * Thread-safe when the classifier and analyzer are.
 */
public final class ClauseAwareClassifier implements IntentClassifier {

    /** Below this many words a message is one clause. */
    public static final int MIN_WORDS = 5;
    /** A clause's intent is a candidate from this confidence up. */
    public static final double CANDIDATE_FLOOR = 0.5;
    private static final double NEAR_TIE = 0.05;

    /** Intents that set the scene rather than ask for something. */
    private static final Set<String> CONTEXT = Set.of(Intents.OUT_OF_SCOPE, Intents.GREET, Intents.THANKS,
            Intents.AFFIRM, Intents.DENY, Intents.FINANCIAL_HARDSHIP);
    private static final List<String> OVERRIDES = List.of(Intents.OPT_OUT, Intents.WRONG_PERSON);
    private static final Pattern REJECTS = Pattern.compile(
            "^(?:pues |bueno |ok |oiga |mire |no no |nah |but |well )?(?:no|nada de|ni|dont|don't|do not|not|no way|nope|"
                    + "i dont|i don't|i do not)\\b");

    /** One clause and how it was classified. */
    public record ClauseIntent(Clause clause, IntentPrediction prediction) {
    }

    /**
     * @param prediction the message's intent (whole or from its main clause)
     * @param clauses    every clause with its own reading (one entry, the whole text, for a short message)
     * @param main       index in {@code clauses} of the clause the intent came from, or -1 for the whole message
     * @param persons    people the message names
     * @param analyzer   which analyzer cut the message
     */
    public record Reading(IntentPrediction prediction, List<ClauseIntent> clauses, int main, List<Entity> persons,
                          String analyzer) {
    }

    private final IntentClassifier classifier;
    private final TextAnalyzer analyzer;
    private final double accept;

    /**
     * @param accept the confidence from which the runtime acts (the opt-out / wrong-person override needs it)
     */
    public ClauseAwareClassifier(IntentClassifier classifier, TextAnalyzer analyzer, double accept) {
        this.classifier = classifier;
        this.analyzer = analyzer;
        this.accept = accept;
    }

    @Override
    public IntentPrediction classify(String text, String locale) {
        return read(text, locale).prediction();
    }

    public Reading read(String text, String locale) {
        IntentPrediction whole = NegatedPayment.correct(text, classifier.classify(text, locale));
        if (text == null || text.isBlank()) {
            return new Reading(whole, List.of(), -1, List.of(), RuleTextAnalyzer.NAME);
        }
        TextAnalysis analysis = analyzer.analyze(text, whole.language());
        if (analysis.clauses().size() < 2 || ClauseCuts.words(text) < MIN_WORDS) {
            return new Reading(whole, List.of(new ClauseIntent(new Clause(0, text.length(), text), whole)), -1,
                    analysis.persons(), analysis.analyzer());
        }
        List<ClauseIntent> clauses = new ArrayList<>(analysis.clauses().size());
        for (Clause c : analysis.clauses()) {
            clauses.add(new ClauseIntent(c, NegatedPayment.correct(c.text(), classifier.classify(c.text(), locale))));
        }
        int main = mainClause(whole, clauses);
        IntentPrediction chosen = main < 0 ? whole : withLanguage(clauses.get(main).prediction(), whole.language());
        return new Reading(chosen, clauses, main, analysis.persons(), analysis.analyzer());
    }

    private int mainClause(IntentPrediction whole, List<ClauseIntent> clauses) {
        for (String override : OVERRIDES) {
            if (whole.intent().equals(override) && whole.confidence() >= accept) {
                return -1;
            }
            int best = best(clauses, i -> clauses.get(i).prediction().intent().equals(override)
                    && clauses.get(i).prediction().confidence() >= accept);
            if (best >= 0) {
                return best;
            }
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            IntentPrediction p = clauses.get(i).prediction();
            if (!CONTEXT.contains(p.intent()) && p.confidence() >= CANDIDATE_FLOOR) {
                candidates.add(i);
            }
        }
        if (candidates.stream().anyMatch(i -> !rejects(clauses.get(i).clause()))) {
            candidates.removeIf(i -> rejects(clauses.get(i).clause()));
        }
        // the last confident request (requests follow their context), else the most confident candidate
        int best = -1;
        for (int i : candidates) {
            if (clauses.get(i).prediction().confidence() >= accept) {
                best = i;
            }
        }
        if (best < 0) {
            best = best(clauses, candidates::contains);
        }
        if (best < 0) {
            return -1;
        }
        IntentPrediction candidate = clauses.get(best).prediction();
        boolean wholeIsARequest = !CONTEXT.contains(whole.intent());
        if (wholeIsARequest && whole.confidence() >= candidate.confidence()) {
            return -1;
        }
        return best;
    }

    /** The most confident clause passing {@code filter}; on a near tie the later one. -1 if none. */
    private static int best(List<ClauseIntent> clauses, java.util.function.IntPredicate filter) {
        int best = -1;
        for (int i = 0; i < clauses.size(); i++) {
            if (!filter.test(i)) {
                continue;
            }
            if (best < 0 || clauses.get(i).prediction().confidence() >= clauses.get(best).prediction().confidence() - NEAR_TIE) {
                best = i;
            }
        }
        return best;
    }

    private static boolean rejects(Clause clause) {
        return REJECTS.matcher(TextFolding.fold(clause.text()).replaceAll("[^\\p{L}\\p{N}' ]+", " ").strip()).find();
    }

    private static IntentPrediction withLanguage(IntentPrediction p, String language) {
        return new IntentPrediction(p.intent(), p.confidence(), p.ranking(), language);
    }
}
