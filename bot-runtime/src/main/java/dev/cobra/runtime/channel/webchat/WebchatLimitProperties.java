package dev.cobra.runtime.channel.webchat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the public webchat API, under {@code bot.rate-limits.webchat.*} (docs/operator-guide.md). The defaults
 * stay well above normal use (CONTRACTS.md, Limits and links: a session takes a burst of at least 60 messages, a
 * client at least 20 anonymous sessions a minute, a personal link at least 10 sessions an hour; many debtors share
 * one address behind carrier NAT).
 *
 * @param anonymousSessionsPerMinute anonymous sessions one client address may open per minute
 * @param sessionsPerMinute          sessions of any kind one client address may open per minute
 * @param linkSessionsPerHour        sessions one personal link may open per hour
 * @param messageBurst               messages one session may send at once
 * @param messagesPerMinute          messages one session may send per minute after its burst
 */
@ConfigurationProperties(prefix = "bot.rate-limits.webchat")
public record WebchatLimitProperties(@DefaultValue("30") int anonymousSessionsPerMinute,
                                     @DefaultValue("120") int sessionsPerMinute,
                                     @DefaultValue("20") int linkSessionsPerHour,
                                     @DefaultValue("200") int messageBurst,
                                     @DefaultValue("60") int messagesPerMinute) {
}
