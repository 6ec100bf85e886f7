package dev.cobra.runtime.conversation.state;

import java.time.Instant;
import java.util.List;

/**
 * Why and where a conversation waits for a human.
 *
 * @param understanding what the NLU saw in the debtor's message of the handoff turn, or null when that turn
 *                      classified nothing (a flow's own handoff step, a button press)
 */
public record Handoff(String queue, String reason, Instant at, Understanding understanding) {

    public Handoff(String queue, String reason, Instant at) {
        this(queue, reason, at, null);
    }

    /** The classifier's answer, for the agent: the best intent and the top of the ranking. Never the text. */
    public record Understanding(String intent, double confidence, boolean fallback, List<Score> ranking) {

        public Understanding {
            ranking = ranking == null ? List.of() : List.copyOf(ranking);
        }
    }

    public record Score(String intent, double confidence) {
    }
}
