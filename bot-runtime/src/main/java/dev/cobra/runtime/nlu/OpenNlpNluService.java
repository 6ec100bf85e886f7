package dev.cobra.runtime.nlu;

import dev.cobra.nlp.api.Entity;
import dev.cobra.nlp.api.EntityExtractor;
import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.TextAnalyzer;
import dev.cobra.nlp.clause.ClauseAwareClassifier;
import dev.cobra.nlp.clause.RuleTextAnalyzer;
import dev.cobra.nlp.entity.RuleBasedEntityExtractor;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The runtime NLU: the active OpenNLP intent model read clause by clause ({@link ClauseAwareClassifier}: a long
 * message's intent is its request, not its context), the rule-based entity extractor over the whole message (so the
 * entities of every clause are kept) and the people it names (CoreNLP's NER and name cues), run on a bounded
 * scheduler of its own ({@code nlu-*} threads) so that classification never occupies a Netty event-loop thread.
 *
 * <p>{@code fallback} is true when the best intent is out of scope or its calibrated confidence is below
 * {@code bot.nlu.fallback-threshold}; the engine applies each flow's own accept / clarify / margin settings on
 * top of the prediction.
 */
@Component
public class OpenNlpNluService implements NluService {

    /** Only the start of a longer message is classified: a debtor's intent is in its first sentences. */
    public static final int MAX_CLASSIFIED_CHARS = 1_000;

    private final IntentModelRegistry models;
    private final EntityExtractor entities = new RuleBasedEntityExtractor();
    private final double fallbackThreshold;
    private final Scheduler scheduler;
    private final TextAnalyzer analyzer;

    @Autowired
    public OpenNlpNluService(IntentModelRegistry models, NluProperties properties, CoreNlpLoader coreNlp) {
        this(models, properties, coreNlp.analyzer());
    }

    /** With rule clauses and name cues only (no CoreNLP): for callers that build the service by hand. */
    public OpenNlpNluService(IntentModelRegistry models, NluProperties properties) {
        this(models, properties, new RuleTextAnalyzer());
    }

    private OpenNlpNluService(IntentModelRegistry models, NluProperties properties, TextAnalyzer analyzer) {
        this.models = models;
        this.fallbackThreshold = properties.fallbackThreshold();
        this.scheduler = Schedulers.newBoundedElastic(properties.threads(), properties.queueCapacity(), "nlu");
        this.analyzer = analyzer;
    }

    @Override
    public Mono<NluResult> parse(String text, String locale, LocalDate referenceDate, ZoneId zone) {
        return Mono.fromCallable(() -> parseNow(text, locale, referenceDate, zone)).subscribeOn(scheduler);
    }

    /** The same work, on the calling thread: for benchmarks and callers already off the event loop. */
    public NluResult parseNow(String text, String locale, LocalDate referenceDate, ZoneId zone) {
        String input = text == null ? "" : text;
        String classified = input.length() > MAX_CLASSIFIED_CHARS ? input.substring(0, MAX_CLASSIFIED_CHARS) : input;
        ZoneId z = zone != null ? zone : ZoneOffset.UTC;
        LocalDate today = referenceDate != null ? referenceDate : LocalDate.now(z);
        ClauseAwareClassifier.Reading reading = new ClauseAwareClassifier(models.classifier(), analyzer,
                fallbackThreshold).read(classified, locale);
        IntentPrediction prediction = reading.prediction();
        List<Entity> found = new ArrayList<>(entities.extract(classified, locale, today, z));
        for (Entity person : reading.persons()) {
            if (found.stream().noneMatch(e -> e.start() < person.end() && person.start() < e.end())) {
                found.add(person);
            }
        }
        found.sort(Comparator.comparingInt(Entity::start));
        boolean fallback = prediction.isOutOfScope() || prediction.confidence() < fallbackThreshold;
        return new NluResult(input, prediction, found, fallback, reading.clauses(), reading.main(), reading.analyzer());
    }

    @PreDestroy
    void shutdown() {
        scheduler.dispose();
    }
}
