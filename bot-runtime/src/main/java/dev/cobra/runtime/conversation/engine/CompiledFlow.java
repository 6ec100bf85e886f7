package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.Step;
import org.springframework.statemachine.StateMachine;

import java.util.Map;

/**
 * A flow version compiled into a transition table: {@code (step, event) -> target step}. The table is read out
 * of the Spring Statemachine built for the version, so the machine's own model checks (unknown states, one
 * initial state) apply; the machine itself is kept only as {@link #prototype()} for measurements and tools, as
 * it is stateful and not safe to share between conversations.
 *
 * @param transitions step id to (event to target step id)
 */
public record CompiledFlow(Flow flow, int version, Map<String, Map<String, String>> transitions,
                           StateMachine<String, String> prototype) {

    public Step step(String stepId) {
        return stepId == null ? null : flow.steps().get(stepId);
    }

    /** The target of {@code event} from {@code stepId}, or null when the flow has no such transition. */
    public String target(String stepId, String event) {
        Map<String, String> byEvent = transitions.get(stepId);
        return byEvent == null ? null : byEvent.get(event);
    }

    public String key() {
        return flow.id() + "@" + version;
    }
}
