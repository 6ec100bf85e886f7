package dev.cobra.runtime.conversation.engine;

import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/** Domain events of a conversation (promise made, handoff, closed...), sent to the creditor's webhooks. */
final class ConversationEvents {

    private final CollectionActions actions;

    ConversationEvents(CollectionActions actions) {
        this.actions = actions;
    }

    Mono<Void> emit(TurnRun run, String type, Map<String, Object> data) {
        return actions.emitEvent(new CollectionActions.ConversationEvent(type, run.state.id(), run.state.debtorId(), data,
                run.context.now()));
    }

    /** An ordered map from alternating keys and values (values may be null, unlike {@code Map.of}). */
    static Map<String, Object> mapOf(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
