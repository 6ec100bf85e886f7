package dev.cobra.runtime.nlu;

import dev.cobra.nlp.api.IntentClassifier;
import dev.cobra.nlp.intent.IntentModel;
import dev.cobra.nlp.intent.OpenNlpIntentClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the intent model in use. Starts with the model packaged at build time (version 0) and swaps atomically
 * when a designer retrains or rolls back: a parse already running keeps the classifier it started with.
 */
@Component
public class IntentModelRegistry {

    /** Version number of the model packaged in the jar. */
    public static final int PACKAGED_VERSION = 0;

    private static final Logger log = LoggerFactory.getLogger(IntentModelRegistry.class);

    /** The classifier in use and the model version it was built from. */
    public record ActiveModel(int version, OpenNlpIntentClassifier classifier) {
    }

    private final AtomicReference<ActiveModel> active;

    public IntentModelRegistry() {
        long started = System.nanoTime();
        IntentModel packaged = IntentModel.loadPackaged();
        active = new AtomicReference<>(new ActiveModel(PACKAGED_VERSION, new OpenNlpIntentClassifier(packaged)));
        log.info("nlu.model.loaded version={} ms={} info={}", PACKAGED_VERSION, (System.nanoTime() - started) / 1_000_000,
                packaged.info());
    }

    public ActiveModel active() {
        return active.get();
    }

    public IntentClassifier classifier() {
        return active.get().classifier();
    }

    public void activate(int version, IntentModel model) {
        active.set(new ActiveModel(version, new OpenNlpIntentClassifier(model)));
        log.info("nlu.model.activated version={}", version);
    }
}
