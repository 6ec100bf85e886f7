package dev.cobra.runtime.handoff;

import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStatus;
import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.config.ShutdownSignal;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Live updates for agent consoles as Server-Sent Events. Each subscriber polls the database every
 * {@link HandoffProperties#pollInterval()} and gets an event only when something a console shows changed: a chat
 * joined or left the queue, changed hands, or got a new message ({@code messageSeq} moved). Reading the database,
 * not in-process state, is what lets a console on instance A see a handoff made on instance B.
 */
@Component
class AgentEvents {

    /** A chat with agents, as consoles track it; {@code messageSeq} changes with every new transcript entry. */
    record ChatSignal(String conversationId, String status, String queue, String agent, long messageSeq) {
    }

    /** The event's data: the queue in order and every chat an agent owns. */
    record QueueSnapshot(List<QueueEntry> waiting, List<ChatSignal> chats) {
    }

    private final ConversationStore conversations;
    private final HandoffService handoff;
    private final HandoffProperties properties;
    private final ShutdownSignal shutdown;

    AgentEvents(ConversationStore conversations, HandoffService handoff, HandoffProperties properties,
                ShutdownSignal shutdown) {
        this.conversations = conversations;
        this.handoff = handoff;
        this.properties = properties;
        this.shutdown = shutdown;
    }

    Flux<ServerSentEvent<Object>> stream() {
        return Flux.interval(java.time.Duration.ZERO, properties.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> snapshot(), 1)
                .distinctUntilChanged(AgentEvents::changeKey)
                .map(s -> ServerSentEvent.<Object>builder(s).event("queue").build())
                // An endless response would hold graceful shutdown for its whole timeout.
                .takeUntilOther(shutdown.stopping());
    }

    Mono<QueueSnapshot> snapshot() {
        Mono<List<ChatSignal>> chats = Flux.concat(conversations.findByStatus(ConversationStatus.WAITING_AGENT),
                        conversations.findByStatus(ConversationStatus.AGENT))
                .map(AgentEvents::signal).collectList();
        return Mono.zip(handoff.queue(), chats).map(t -> new QueueSnapshot(t.getT1(), t.getT2()));
    }

    private static ChatSignal signal(ConversationState c) {
        return new ChatSignal(c.id(), c.status().name(), c.handoff() == null ? null : c.handoff().queue(),
                c.status() == ConversationStatus.AGENT ? c.agent() : null, c.messageSeq());
    }

    /** Waiting times grow every second; only the rest decides whether consoles need an event. */
    private static Object changeKey(QueueSnapshot s) {
        return List.of(s.chats(), s.waiting().stream().map(e -> e.suggestedAgent() == null ? "" : e.suggestedAgent()).toList());
    }
}
