package dev.cobra.runtime.simulator;

import dev.cobra.runtime.nlu.NluResult;
import dev.cobra.runtime.nlu.NluService;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** The runtime's NLU, remembering the last result so the simulator shows exactly what the engine acted on. */
final class RecordingNlu implements NluService {

    private final NluService delegate;
    private final AtomicReference<NluResult> last = new AtomicReference<>();

    RecordingNlu(NluService delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<NluResult> parse(String text, String locale, LocalDate referenceDate, ZoneId zone) {
        return delegate.parse(text, locale, referenceDate, zone).doOnNext(last::set);
    }

    /** The result of the last parse since the previous call, or null when the engine did not classify. */
    NluResult take() {
        return last.getAndSet(null);
    }
}
