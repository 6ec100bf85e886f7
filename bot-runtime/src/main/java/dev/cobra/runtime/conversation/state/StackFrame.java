package dev.cobra.runtime.conversation.state;

/**
 * A caller waiting for a subflow to return.
 *
 * @param flowId      the calling flow
 * @param flowVersion its version (a running conversation stays on the version it started with)
 * @param returnStep  where the caller continues when the subflow returns; null means "return further up"
 */
public record StackFrame(String flowId, int flowVersion, String returnStep) {
}
