package dev.cobra.runtime.conversation;

import dev.cobra.nlp.api.Entity;
import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.Intents;
import dev.cobra.nlp.api.ScoredIntent;
import dev.cobra.runtime.nlu.NluResult;
import dev.cobra.runtime.nlu.NluService;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test double of the NLU for engine unit tests: answers scripted per exact text; anything else is an
 * out-of-scope fallback. (End-to-end tests use the real NLU.)
 */
public class ScriptedNlu implements NluService {

    private final Map<String, NluResult> answers = new ConcurrentHashMap<>();

    public ScriptedNlu intent(String text, String intent, double confidence) {
        answers.put(key(text), result(text, intent, confidence, 0.0, List.of()));
        return this;
    }

    public ScriptedNlu ambiguous(String text, String intent, double confidence, double runnerUp) {
        answers.put(key(text), result(text, intent, confidence, runnerUp, List.of()));
        return this;
    }

    /** Two intents close to each other (neither confident), as the runtime would clarify between them. */
    public ScriptedNlu close(String text, String first, double confidence, String second, double runnerUp) {
        answers.put(key(text), new NluResult(text, new IntentPrediction(first, confidence,
                List.of(new ScoredIntent(first, confidence), new ScoredIntent(second, runnerUp)), "es"), List.of(), false));
        return this;
    }

    public ScriptedNlu date(String text, LocalDate date) {
        answers.put(key(text), result(text, Intents.REQUEST_MORE_TIME, 0.5, 0.3,
                List.of(new Entity(Entity.DATE, date.toString(), 0, text.length(), text, null))));
        return this;
    }

    @Override
    public Mono<NluResult> parse(String text, String locale, LocalDate referenceDate, ZoneId zone) {
        NluResult answer = answers.get(key(text));
        return Mono.just(answer != null ? answer : result(text, Intents.OUT_OF_SCOPE, 0.2, 0.1, List.of()));
    }

    private static NluResult result(String text, String intent, double confidence, double runnerUp, List<Entity> entities) {
        List<ScoredIntent> ranking = List.of(new ScoredIntent(intent, confidence), new ScoredIntent("greet", runnerUp));
        boolean fallback = Intents.OUT_OF_SCOPE.equals(intent) || confidence < 0.5;
        return new NluResult(text, new IntentPrediction(intent, confidence, ranking, "es"), entities, fallback);
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
