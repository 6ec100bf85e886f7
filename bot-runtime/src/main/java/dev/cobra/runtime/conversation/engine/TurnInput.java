package dev.cobra.runtime.conversation.engine;

/** What the debtor sent in this turn: typed text, or the id of a chosen option (button or list row). */
public record TurnInput(String text, String optionId) {

    public static TurnInput text(String text) {
        return new TurnInput(text, null);
    }

    public static TurnInput option(String optionId) {
        return new TurnInput(null, optionId);
    }
}
