package dev.cobra.flow.model;

/**
 * Per-flow tuning.
 *
 * @param acceptThreshold    intent confidence at or above which the bot acts on free text
 * @param clarifyThreshold   confidence at or above which (but below accept) the bot asks once to clarify;
 *                           below it the conversation is handed off with reason {@code low_confidence}
 * @param clarifyMargin      when the top two intents are closer than this, the bot clarifies even above
 *                           the accept threshold
 * @param promiseHorizonDays the latest promise-to-pay date, in days from today
 * @param handoffQueue       queue used for low-confidence handoffs
 */
public record FlowSettings(
        Double acceptThreshold,
        Double clarifyThreshold,
        Double clarifyMargin,
        Integer promiseHorizonDays,
        String handoffQueue) {

    public static final double DEFAULT_ACCEPT = 0.65;
    public static final double DEFAULT_CLARIFY = 0.35;
    public static final double DEFAULT_MARGIN = 0.10;
    /** Collection policies commonly cap a promise at a month; creditors can change it per flow. */
    public static final int DEFAULT_PROMISE_HORIZON_DAYS = 30;

    public FlowSettings {
        acceptThreshold = acceptThreshold == null ? DEFAULT_ACCEPT : acceptThreshold;
        clarifyThreshold = clarifyThreshold == null ? DEFAULT_CLARIFY : clarifyThreshold;
        clarifyMargin = clarifyMargin == null ? DEFAULT_MARGIN : clarifyMargin;
        promiseHorizonDays = promiseHorizonDays == null ? DEFAULT_PROMISE_HORIZON_DAYS : promiseHorizonDays;
        handoffQueue = handoffQueue == null ? "general" : handoffQueue;
    }

    public static FlowSettings defaults() {
        return new FlowSettings(null, null, null, null, null);
    }
}
