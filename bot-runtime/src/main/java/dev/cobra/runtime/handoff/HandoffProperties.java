package dev.cobra.runtime.handoff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code bot.handoff.*}.
 *
 * @param noAgentTimeout  how long a chat may wait unclaimed before the debtor is told, once, when to expect an
 *                        answer (the chat stays queued)
 * @param defaultMaxChats concurrent chats an agent may own when their presence does not say otherwise
 * @param pollInterval    how often consoles' live events and the queue upkeep (notices, auto-assign) read the
 *                        database
 * @param autoAssign      give waiting chats to the suggested agent automatically (off: agents claim)
 */
@ConfigurationProperties(prefix = "bot.handoff")
public record HandoffProperties(@DefaultValue("5m") Duration noAgentTimeout,
                                @DefaultValue("3") int defaultMaxChats,
                                @DefaultValue("2s") Duration pollInterval,
                                @DefaultValue("false") boolean autoAssign) {
}
