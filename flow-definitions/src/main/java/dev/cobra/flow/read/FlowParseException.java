package dev.cobra.flow.read;

/**
 * The YAML text of a flow could not be turned into a flow: bad YAML, an unknown step type, a field of the
 * wrong shape. Names the flow and, when known, the step, so designers see where to look.
 */
public class FlowParseException extends RuntimeException {

    private final String flowId;
    private final String stepId;

    public FlowParseException(String flowId, String stepId, String message, Throwable cause) {
        super(message, cause);
        this.flowId = flowId;
        this.stepId = stepId;
    }

    public String flowId() {
        return flowId;
    }

    /** The step the problem is in, or null when it concerns the flow as a whole. */
    public String stepId() {
        return stepId;
    }
}
