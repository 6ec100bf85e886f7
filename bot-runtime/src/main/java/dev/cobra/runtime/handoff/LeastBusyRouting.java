package dev.cobra.runtime.handoff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Routing: each waiting chat, oldest first, goes to the available agent who serves its queue, owns the fewest
 * chats and is under their limit (ties by username, so every instance computes the same answer). Each pick counts
 * towards that agent's load for the next chat, so a burst of handoffs spreads over the team.
 */
final class LeastBusyRouting {

    private LeastBusyRouting() {
    }

    /**
     * @param queues   the waiting chats' queues, oldest chat first
     * @param loads    chats each agent owns now
     * @param maxChats an agent's limit
     * @return per chat, the suggested agent's username or null when nobody fits
     */
    static List<String> suggest(List<String> queues, List<AgentPresence> available, Map<String, Integer> loads,
                                ToIntFunction<AgentPresence> maxChats) {
        Map<String, Integer> load = new HashMap<>(loads);
        List<String> picks = new ArrayList<>(queues.size());
        for (String queue : queues) {
            Optional<AgentPresence> pick = available.stream()
                    .filter(AgentPresence::available)
                    .filter(a -> a.serves(queue))
                    .filter(a -> load.getOrDefault(a.username(), 0) < maxChats.applyAsInt(a))
                    .min(Comparator.<AgentPresence>comparingInt(a -> load.getOrDefault(a.username(), 0))
                            .thenComparing(AgentPresence::username));
            pick.ifPresent(a -> load.merge(a.username(), 1, Integer::sum));
            picks.add(pick.map(AgentPresence::username).orElse(null));
        }
        return picks;
    }
}
