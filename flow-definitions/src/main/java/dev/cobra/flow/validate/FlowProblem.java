package dev.cobra.flow.validate;

/**
 * One problem found in a flow.
 *
 * @param flowId  the flow
 * @param stepId  the step the problem is in, or null when it concerns the flow as a whole
 * @param code    a stable machine-readable code, e.g. {@code unreachable_step} (each rule documents its codes)
 * @param message a sentence for the designer saying what is wrong and where
 */
public record FlowProblem(String flowId, String stepId, String code, String message) {
}
