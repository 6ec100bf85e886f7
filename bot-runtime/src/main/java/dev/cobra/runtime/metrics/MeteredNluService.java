package dev.cobra.runtime.metrics;

import dev.cobra.runtime.nlu.NluResult;
import dev.cobra.runtime.nlu.NluService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Counts the messages the classifier parsed in conversation turns and those it fell back on
 * ({@link NluResult#fallback()}: out of scope or below {@code bot.nlu.fallback-threshold}); the fallback rate is
 * their ratio. A turn is recognised by the {@link TurnCommandCount} {@link MeteredTurnHandler} puts in its context.
 */
final class MeteredNluService implements NluService {

    static final String PARSES = "cobra.nlu.parses";
    static final String FALLBACKS = "cobra.nlu.fallbacks";

    private final NluService nlu;
    private final Counter parses;
    private final Counter fallbacks;

    MeteredNluService(NluService nlu, MeterRegistry registry) {
        this.nlu = nlu;
        this.parses = Counter.builder(PARSES).description("Messages classified by the NLU").register(registry);
        this.fallbacks = Counter.builder(FALLBACKS)
                .description("Classified messages the runtime would not act on (out of scope or low confidence)")
                .register(registry);
    }

    @Override
    public Mono<NluResult> parse(String text, String locale, LocalDate referenceDate, ZoneId zone) {
        return nlu.parse(text, locale, referenceDate, zone).doOnEach(signal -> {
            // Only conversation turns count: the designer's simulator and /api/nlu/parse run outside any turn.
            if (signal.isOnNext() && signal.getContextView().hasKey(TurnCommandCount.class)) {
                parses.increment();
                if (signal.get().fallback()) {
                    fallbacks.increment();
                }
            }
        });
    }
}
