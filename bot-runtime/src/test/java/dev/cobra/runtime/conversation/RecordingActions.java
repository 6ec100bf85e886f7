package dev.cobra.runtime.conversation;

import dev.cobra.runtime.conversation.engine.CollectionActions;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Test double of the side effects: records them in memory; the document "1234" is right. */
public class RecordingActions implements CollectionActions {

    public final List<String> optedOut = new CopyOnWriteArrayList<>();
    public final List<String> wrongParty = new CopyOnWriteArrayList<>();
    public final List<PromiseRecord> promises = new CopyOnWriteArrayList<>();
    public final List<PlanRequestRecord> plans = new CopyOnWriteArrayList<>();
    public final List<ConversationEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger links = new AtomicInteger();

    @Override
    public Mono<Boolean> verifyDocument(String debtorId, String digits) {
        return Mono.just("1234".equals(digits));
    }

    @Override
    public Mono<Void> optOut(String debtorId, String channel, Instant at) {
        return Mono.fromRunnable(() -> optedOut.add(debtorId));
    }

    @Override
    public Mono<Void> flagWrongParty(String debtorId, Instant at) {
        return Mono.fromRunnable(() -> wrongParty.add(debtorId));
    }

    @Override
    public Mono<String> createPaymentLink(PaymentLinkRequest request) {
        return Mono.just("https://pay.test/p/" + links.incrementAndGet());
    }

    @Override
    public Mono<Void> recordPromise(PromiseRecord promise) {
        return Mono.fromRunnable(() -> promises.add(promise));
    }

    @Override
    public Mono<Void> recordPlanRequest(PlanRequestRecord request) {
        return Mono.fromRunnable(() -> plans.add(request));
    }

    @Override
    public Mono<Void> emitEvent(ConversationEvent event) {
        return Mono.fromRunnable(() -> events.add(event));
    }
}
