package dev.cobra.runtime.flow;

/** The draft was saved again between validation and publication; the caller should validate and retry. */
public class DraftChangedException extends RuntimeException {

    public DraftChangedException(String flowId) {
        super("The draft of flow '" + flowId + "' changed while it was being published; publish again");
    }
}
