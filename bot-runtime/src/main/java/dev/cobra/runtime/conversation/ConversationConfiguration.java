package dev.cobra.runtime.conversation;

import dev.cobra.runtime.conversation.engine.CollectionActions;
import dev.cobra.runtime.conversation.engine.CompiledFlows;
import dev.cobra.runtime.conversation.engine.FlowEngine;
import dev.cobra.runtime.conversation.engine.MongoCollectionActions;
import dev.cobra.runtime.conversation.engine.StateMachineFlowEngine;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.flow.FlowCatalog;
import dev.cobra.runtime.nlu.NluService;
import dev.cobra.runtime.verification.VerificationGuard;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Clock;

/** Wires the engine. The clock is a bean so tests can pin "today". */
@Configuration(proxyBeanMethods = false)
public class ConversationConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock systemClock() {
        return Clock.systemUTC();
    }

    @Bean
    CompiledFlows compiledFlows(FlowCatalog catalog) {
        return new CompiledFlows(catalog);
    }

    @Bean
    CollectionActions collectionActions(DebtorDirectory directory, VerificationGuard verification, ReactiveMongoTemplate mongo,
                                        @Value("${bot.payment-link-base-url:https://pay.example.com/p}") String baseUrl) {
        return new MongoCollectionActions(directory, verification, mongo, baseUrl);
    }

    @Bean
    FlowEngine flowEngine(CompiledFlows flows, NluService nlu, CollectionActions actions) {
        return new StateMachineFlowEngine(flows, nlu, actions);
    }
}
