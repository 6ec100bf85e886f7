package dev.cobra.runtime.conversation;

import dev.cobra.runtime.conversation.engine.CollectionActions;
import dev.cobra.runtime.conversation.engine.CompiledFlows;
import dev.cobra.runtime.conversation.engine.FlowEngine;
import dev.cobra.runtime.conversation.engine.StateMachineFlowEngine;
import dev.cobra.runtime.flow.FlowCatalog;
import dev.cobra.runtime.nlu.NluService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Wires the engine. The clock is a bean so tests can pin "today". */
@Configuration(proxyBeanMethods = false)
public class ConversationConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock systemClock() {
        return Clock.systemUTC();
    }

    /**
     * The conversations' lanes, shared by the turn handler and the channels. {@code bot.turns-in-flight} bounds the
     * lanes running at once (default: {@code whatsapp.inbound-in-flight}, its earlier name, else 64).
     */
    @Bean
    ConversationLanes conversationLanes(@org.springframework.beans.factory.annotation.Value(
            "${bot.turns-in-flight:${whatsapp.inbound-in-flight:" + ConversationLanes.DEFAULT_IN_FLIGHT + "}}") int inFlight) {
        return new ConversationLanes(inFlight);
    }

    @Bean
    CompiledFlows compiledFlows(FlowCatalog catalog) {
        return new CompiledFlows(catalog);
    }

    @Bean
    FlowEngine flowEngine(CompiledFlows flows, NluService nlu, CollectionActions actions) {
        return new StateMachineFlowEngine(flows, nlu, actions);
    }
}
