package dev.cobra.runtime.channel.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cobra.runtime.config.BotProperties;
import dev.cobra.runtime.conversation.TurnHandler;
import dev.cobra.runtime.conversation.engine.CompiledFlows;
import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.compliance.ContactPolicy;
import dev.cobra.runtime.debtor.DebtorDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import dev.cobra.runtime.conversation.state.ConversationStatus;
import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.conversation.state.MessageLog;
import dev.cobra.runtime.conversation.state.TranscriptEntry;
import reactor.core.publisher.Mono;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Clock;
import java.time.Duration;

/** Wires the WhatsApp channel; the outbound side is the {@code whatsapp} {@link dev.cobra.runtime.conversation.message.OutboundChannel}. */
@Configuration(proxyBeanMethods = false)
public class WhatsAppConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppConfiguration.class);

    @Bean
    WebhookPayloadParser whatsAppPayloadParser(ObjectMapper objectMapper) {
        return new WebhookPayloadParser(objectMapper);
    }

    @Bean
    GraphMessages whatsAppGraphMessages(ObjectMapper objectMapper,
                                        @Value("${bot.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
        return new GraphMessages(objectMapper, publicUrl);
    }

    @Bean
    WhatsAppOutbox whatsAppOutbox(ReactiveMongoTemplate mongo) {
        return new WhatsAppOutbox(mongo);
    }

    @Bean
    WhatsAppStatusStore whatsAppStatusStore(ReactiveMongoTemplate mongo, WhatsAppOutbox outbox) {
        return new WhatsAppStatusStore(mongo, outbox);
    }

    @Bean
    WhatsAppInboundStore whatsAppInboundStore(ReactiveMongoTemplate mongo) {
        return new WhatsAppInboundStore(mongo);
    }

    @Bean
    WhatsAppTemplatePack whatsAppTemplatePack(ObjectMapper objectMapper, WhatsAppTemplateRegistry registry,
                                              WebClient.Builder webClients, WhatsAppProperties properties) {
        return new WhatsAppTemplatePack(objectMapper, registry, webClients, properties);
    }

    @Bean
    WhatsAppTemplateRegistry whatsAppTemplateRegistry(ReactiveMongoTemplate mongo, WebClient.Builder webClients,
                                                      WhatsAppProperties properties) {
        return new WhatsAppTemplateRegistry(mongo, webClients, properties);
    }

    @Bean
    WhatsAppMediaStore whatsAppMediaStore(WebClient.Builder webClients, WhatsAppProperties properties,
                                          ReactiveMongoTemplate mongo, BotProperties bot) {
        return new WhatsAppMediaStore(webClients, properties, mongo, bot.dataDir());
    }

    @Bean
    OutboxSender whatsAppOutboxSender(WhatsAppOutbox outbox, WhatsAppProperties properties,
                                      WebClient.Builder webClients, ObjectMapper objectMapper,
                                      ObjectProvider<Clock> clock,
                                      @Value("${whatsapp.outbox.poll-interval:PT0.5S}") Duration pollInterval,
                                      @Value("${whatsapp.outbox.claim-timeout:PT2M}") Duration claimTimeout,
                                      @Value("${whatsapp.outbox.in-doubt-grace:PT30S}") Duration inDoubtGrace,
                                      ObjectProvider<de.bwaldvogel.mongo.MongoServer> embeddedDatabase,
                                      WhatsAppTemplateRegistry templates) {
        OutboxSender sender = new OutboxSender(outbox, properties, webClients, objectMapper,
                clock.getIfAvailable(Clock::systemUTC), pollInterval, claimTimeout);
        sender.soleSender(embeddedDatabase.getIfAvailable() != null);
        sender.inDoubtGrace(inDoubtGrace);
        sender.templateRegistry(templates);
        return sender;
    }

    @Bean(name = "whatsapp")
    WhatsAppOutboundChannel whatsAppOutboundChannel(WhatsAppOutbox outbox, GraphMessages graphMessages,
                                                    WhatsAppProperties properties,
                                                    DebtorDirectory debtors, OutboxSender sender,
                                                    ObjectProvider<Clock> clock,
                                                    ContactPolicy contactPolicy,
                                                    ObjectProvider<WindowTemplateSource> flowTemplates) {
        return new WhatsAppOutboundChannel(outbox, graphMessages, properties, debtors, sender::wakeIfQueued,
                clock.getIfAvailable(Clock::systemUTC), contactPolicy, flowTemplates.getIfAvailable());
    }

    @Bean
    FlowWindowTemplates whatsAppFlowWindowTemplates(ConversationStore conversations, CompiledFlows flows,
                                                    DebtorDirectory debtors, ObjectProvider<Clock> clock,
                                                    WhatsAppProperties properties) {
        return new FlowWindowTemplates(conversations, flows, debtors, clock.getIfAvailable(Clock::systemUTC))
                .fallbackLanguage(properties.windowTemplateLanguage());
    }

    @Bean
    WhatsAppInboundProcessor whatsAppInboundProcessor(WhatsAppInboundStore inboundStore, WhatsAppMediaStore mediaStore,
                                                      ObjectProvider<TurnHandler> turnHandler,
                                                      DebtorDirectory debtors,
                                                      WhatsAppOutboundChannel outbound, ObjectProvider<Clock> clock,
                                                      ObjectProvider<ConversationStore> conversations,
                                                      ObjectProvider<MessageLog> messages,
                                                      dev.cobra.runtime.conversation.ConversationLanes lanes) {
        WhatsAppInboundProcessor processor = new WhatsAppInboundProcessor(inboundStore, mediaStore, turnHandler,
                debtors, outbound, clock.getIfAvailable(Clock::systemUTC)).lanes(lanes)
                .conversationLookup(userKey -> lookup(conversations.getIfAvailable(), messages.getIfAvailable(), userKey));
        processor.holdUntilResumed(); // released by resumeInbound below
        return processor;
    }

    /** The user's newest WhatsApp conversation: with an agent or not, and the options of the bot's last message. */
    static Mono<ConversationLookup.Chat> lookup(ConversationStore conversations, MessageLog messages, String userKey) {
        if (conversations == null || messages == null) {
            return Mono.just(ConversationLookup.Chat.NONE);
        }
        return conversations.findLatest("whatsapp", userKey).flatMap(state -> {
            boolean withAgent = state.status() == ConversationStatus.WAITING_AGENT || state.status() == ConversationStatus.AGENT;
            if (withAgent || state.status() == ConversationStatus.CLOSED) {
                return Mono.just(new ConversationLookup.Chat(withAgent, java.util.List.of()));
            }
            return messages.transcript(state.id()).last(TranscriptEntry.of(state.id(), 0, TranscriptEntry.FROM_DEBTOR,
                            dev.cobra.runtime.conversation.message.Reply.text(""), java.time.Instant.EPOCH))
                    .map(last -> new ConversationLookup.Chat(false, TranscriptEntry.FROM_BOT.equals(last.from())
                            && last.options() != null ? last.options() : java.util.List.of()));
        }).defaultIfEmpty(ConversationLookup.Chat.NONE);
    }

    /** Messages accepted before a crash or restart are processed once the application is up. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInbound(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(WhatsAppInboundProcessor.class).resumePending()
                .subscribe(count -> {
                    if (count > 0) {
                        log.info("whatsapp.inbound.resumed count={}", count);
                    }
                }, error -> log.warn("whatsapp.inbound.resume_failed error={}", error.toString()));
    }
}
