package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.Step;

import java.util.Set;

/**
 * A flow version compiled into a Spring Statemachine model ({@link FlowCompiler}), with its pool of started
 * machines. Published versions never change, so one compiled flow serves every conversation on that version.
 */
public record CompiledFlow(Flow flow, int version, MachinePool machines, Set<String> throughCondition) {

    /**
     * True when {@code event} from {@code stepId} enters a condition step, which the machine evaluates in the same
     * event (its choice pseudo-state): the engine then lands on the branch's step as a fresh visit, as if it had
     * stopped at the condition in between.
     */
    public boolean entersCondition(String stepId, String event) {
        return throughCondition.contains(transitionKey(stepId, event));
    }

    static String transitionKey(String stepId, String event) {
        return stepId + "\u0000" + event;
    }

    public Step step(String stepId) {
        return stepId == null ? null : flow.steps().get(stepId);
    }

    public String key() {
        return flow.id() + "@" + version;
    }
}
