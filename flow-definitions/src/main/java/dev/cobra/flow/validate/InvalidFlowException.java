package dev.cobra.flow.validate;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link FlowValidator#requireValid} when a flow has problems; carries all of them. */
public class InvalidFlowException extends RuntimeException {

    private final String flowId;
    private final List<FlowProblem> problems;

    public InvalidFlowException(String flowId, List<FlowProblem> problems) {
        super("Flow '" + flowId + "' is invalid: " + problems.stream()
                .map(p -> (p.stepId() == null ? "" : p.stepId() + ": ") + p.message())
                .collect(Collectors.joining("; ")));
        this.flowId = flowId;
        this.problems = List.copyOf(problems);
    }

    public String flowId() {
        return flowId;
    }

    public List<FlowProblem> problems() {
        return problems;
    }
}
