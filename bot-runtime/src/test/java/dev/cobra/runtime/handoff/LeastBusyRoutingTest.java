package dev.cobra.runtime.handoff;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LeastBusyRoutingTest {

    private static AgentPresence agent(String name, String status, int maxChats, String... queues) {
        return new AgentPresence(name, status, List.of(queues), maxChats, null);
    }

    private static List<String> suggest(List<String> queues, List<AgentPresence> agents, Map<String, Integer> loads) {
        return LeastBusyRouting.suggest(queues, agents, loads, a -> a.maxChats() > 0 ? a.maxChats() : 3);
    }

    @Test
    void theLeastBusyAgentWithTheQueuesSkillGetsTheChat() {
        List<AgentPresence> agents = List.of(agent("ana", "available", 3, "general"),
                agent("bea", "available", 3, "general"), agent("cris", "available", 3, "complaints"));

        assertThat(suggest(List.of("general"), agents, Map.of("ana", 2, "bea", 1))).containsExactly("bea");
        assertThat(suggest(List.of("complaints"), agents, Map.of("cris", 2))).containsExactly("cris");
    }

    @Test
    void aBurstOfChatsSpreadsOverTheTeamInsteadOfPilingOnOneAgent() {
        List<AgentPresence> agents = List.of(agent("ana", "available", 3), agent("bea", "available", 3));

        assertThat(suggest(List.of("general", "general", "general", "general"), agents, Map.of()))
                .containsExactly("ana", "bea", "ana", "bea");
    }

    @Test
    void agentsWhoAreAwayOrAtTheirLimitGetNothing() {
        List<AgentPresence> agents = List.of(agent("ana", "away", 3), agent("bea", "available", 1));

        assertThat(suggest(List.of("general", "general"), agents, Map.of())).containsExactly("bea", null);
        assertThat(suggest(List.of("general"), agents, Map.of("bea", 1))).containsExactly((String) null);
    }

    @Test
    void anAgentWithoutListedQueuesServesEveryQueueButAListedSkillIsRequired() {
        List<AgentPresence> agents = List.of(agent("ana", "available", 3, "hardship"), agent("bea", "available", 3));

        assertThat(suggest(Arrays.asList("disputes", "hardship"), agents, Map.of("bea", 2)))
                .containsExactly("bea", "ana");
    }
}
