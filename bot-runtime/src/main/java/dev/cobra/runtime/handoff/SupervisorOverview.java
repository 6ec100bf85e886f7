package dev.cobra.runtime.handoff;

import dev.cobra.runtime.conversation.state.ConversationStatus;
import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.security.Role;
import dev.cobra.runtime.security.StaffUser;
import dev.cobra.runtime.security.StaffUserStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The supervisor's picture of the floor ({@code GET /api/agent/overview}): every queue with its waiting chats and
 * longest wait, every agent with presence, skills and load, the waiting chats in order and the chats agents own.
 * Read from the database each time, like the queue, so it is the same on every instance.
 */
@Service
class SupervisorOverview {

    /** One queue's numbers. */
    record QueueStats(String queue, int waiting, long longestWaitSeconds, int withAgents) {
    }

    /** One agent: presence ({@code available}/{@code away}), skills, how many chats they own and may own. */
    record AgentLoad(String username, String status, List<String> queues, int chats, int maxChats) {
    }

    record Overview(Instant at, List<QueueStats> queues, List<AgentLoad> agents, List<QueueEntry> waiting,
                    List<QueueEntry> owned) {
    }

    private final HandoffService handoff;
    private final AgentDirectory agents;
    private final StaffUserStore users;
    private final ConversationStore conversations;
    private final Clock clock;

    SupervisorOverview(HandoffService handoff, AgentDirectory agents, StaffUserStore users,
                       ConversationStore conversations, Clock clock) {
        this.handoff = handoff;
        this.agents = agents;
        this.users = users;
        this.conversations = conversations;
        this.clock = clock;
    }

    Mono<Overview> overview() {
        Instant now = clock.instant();
        Mono<List<QueueEntry>> owned = conversations.findByStatus(ConversationStatus.AGENT)
                .map(c -> handoff.entry(c, now, 0, null)).collectList();
        Mono<List<StaffUser>> agentUsers = users.findAll().filter(u -> u.roles().contains(Role.AGENT)).collectList();
        Mono<Map<String, AgentPresence>> presence = agents.all()
                .collectMap(AgentPresence::username, Function.identity());
        return Mono.zip(handoff.queue(), owned, agentUsers, presence).map(t -> new Overview(now,
                queues(t.getT1(), t.getT2(), skills(t.getT4().values())), loads(t.getT3(), t.getT4(), t.getT2()),
                t.getT1(), t.getT2()));
    }

    private static List<String> skills(java.util.Collection<AgentPresence> presences) {
        return presences.stream().flatMap(p -> p.queues().stream()).distinct().toList();
    }

    /** Every queue that has chats or an agent serving it ({@code general} always), by name. */
    static List<QueueStats> queues(List<QueueEntry> waiting, List<QueueEntry> owned, List<String> served) {
        Map<String, List<QueueEntry>> waitingByQueue = waiting.stream()
                .collect(Collectors.groupingBy(e -> queueName(e.queue()), TreeMap::new, Collectors.toList()));
        Map<String, Long> ownedByQueue = owned.stream()
                .collect(Collectors.groupingBy(e -> queueName(e.queue()), TreeMap::new, Collectors.counting()));
        TreeMap<String, Boolean> names = new TreeMap<>();
        names.put("general", true);
        served.forEach(q -> names.put(q, true));
        waitingByQueue.keySet().forEach(q -> names.put(q, true));
        ownedByQueue.keySet().forEach(q -> names.put(q, true));
        List<QueueStats> stats = new ArrayList<>();
        for (String name : names.keySet()) {
            List<QueueEntry> w = waitingByQueue.getOrDefault(name, List.of());
            long longest = w.stream().mapToLong(QueueEntry::waitingSeconds).max().orElse(0);
            stats.add(new QueueStats(name, w.size(), longest, ownedByQueue.getOrDefault(name, 0L).intValue()));
        }
        return stats;
    }

    private List<AgentLoad> loads(List<StaffUser> agentUsers, Map<String, AgentPresence> presence, List<QueueEntry> owned) {
        Map<String, Long> chats = owned.stream().filter(e -> e.agent() != null)
                .collect(Collectors.groupingBy(QueueEntry::agent, Collectors.counting()));
        return agentUsers.stream().map(u -> {
            AgentPresence p = presence.get(u.username());
            return new AgentLoad(u.username(), p == null ? AgentPresence.AWAY : p.status(),
                    p == null ? List.of() : p.queues(), chats.getOrDefault(u.username(), 0L).intValue(),
                    handoff.maxChats(p));
        }).sorted(Comparator.comparing(AgentLoad::username)).toList();
    }

    private static String queueName(String queue) {
        return queue == null ? "general" : queue;
    }
}
