package dev.cobra.runtime.conversation.state;

/** Who holds the conversation (CONTRACTS.md, Conversations). */
public enum ConversationStatus {
    /** The bot answers. */
    BOT,
    /** Handed off; waiting in a queue for an agent. The bot is silent. */
    WAITING_AGENT,
    /** An agent owns the conversation. The bot is silent. */
    AGENT,
    /** Ended with a disposition. A new debtor message starts a fresh run. */
    CLOSED
}
