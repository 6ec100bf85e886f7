package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.Step;

/**
 * A flow version compiled into a Spring Statemachine model ({@link FlowCompiler}), with its pool of started
 * machines. Published versions never change, so one compiled flow serves every conversation on that version.
 */
public record CompiledFlow(Flow flow, int version, MachinePool machines) {

    public Step step(String stepId) {
        return stepId == null ? null : flow.steps().get(stepId);
    }

    public String key() {
        return flow.id() + "@" + version;
    }
}
