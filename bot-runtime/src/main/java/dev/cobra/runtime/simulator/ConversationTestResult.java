package dev.cobra.runtime.simulator;

import java.util.List;

/**
 * The outcome of one conversation test.
 *
 * @param turn    the 1-based turn where the conversation diverged (0 when it passed, or failed before any turn)
 * @param message what was expected and what happened
 * @param said    the bot's replies in the diverging turn
 */
public record ConversationTestResult(String id, String name, boolean passed, int turn, String message, List<String> said) {
}
