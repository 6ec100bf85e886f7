package dev.cobra.runtime.conversation.state;

/**
 * Another writer (usually another runtime instance) saved the conversation since this turn loaded it. The turn
 * is retried on fresh state.
 */
public class ConcurrentTurnException extends RuntimeException {

    public ConcurrentTurnException(String conversationId, long expectedVersion) {
        super("conversation " + conversationId + " changed since version " + expectedVersion);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
