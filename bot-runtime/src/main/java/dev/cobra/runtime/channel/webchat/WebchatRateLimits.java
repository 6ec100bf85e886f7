package dev.cobra.runtime.channel.webchat;

import dev.cobra.runtime.web.error.TooManyRequestsException;
import dev.cobra.runtime.web.limits.KeyedRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Rate limits of the public webchat endpoints: session creation per client address (anonymous ones more tightly)
 * and per personal link, messages per session. The client is the connection's remote address; behind a reverse
 * proxy set {@code server.forward-headers-strategy} so it is the debtor's address, not the proxy's.
 */
@Component
@EnableConfigurationProperties(WebchatLimitProperties.class)
class WebchatRateLimits {

    private static final Logger log = LoggerFactory.getLogger(WebchatRateLimits.class);

    private final KeyedRateLimiter anonymousPerClient;
    private final KeyedRateLimiter sessionsPerClient;
    private final KeyedRateLimiter sessionsPerLink;
    private final KeyedRateLimiter messagesPerSession;

    WebchatRateLimits(WebchatLimitProperties limits) {
        this.anonymousPerClient = new KeyedRateLimiter(limits.anonymousSessionsPerMinute(),
                limits.anonymousSessionsPerMinute(), Duration.ofMinutes(1));
        this.sessionsPerClient = new KeyedRateLimiter(limits.sessionsPerMinute(), limits.sessionsPerMinute(),
                Duration.ofMinutes(1));
        this.sessionsPerLink = new KeyedRateLimiter(limits.linkSessionsPerHour(), limits.linkSessionsPerHour(),
                Duration.ofHours(1));
        this.messagesPerSession = new KeyedRateLimiter(limits.messageBurst(), limits.messagesPerMinute(),
                Duration.ofMinutes(1));
    }

    /** Before a session is opened; {@code token} null for an anonymous visitor. */
    void session(ServerHttpRequest request, String token) {
        String client = client(request);
        refuseIf(sessionsPerClient.tryAcquire(client), "client", "Too many chat sessions from this address; please wait a moment.");
        if (token == null) {
            refuseIf(anonymousPerClient.tryAcquire(client), "anonymous", "Too many chat sessions from this address; please wait a moment.");
        } else {
            // Keyed by the token's hash: the token itself is a secret and never kept.
            refuseIf(sessionsPerLink.tryAcquire(MongoWebchatLinkService.hash(token)), "link",
                    "This chat link has been opened too many times; please wait a while and try again.");
        }
    }

    void message(String sessionId) {
        refuseIf(messagesPerSession.tryAcquire(sessionId), "messages", "You are sending messages too fast; please wait a moment.");
    }

    private static void refuseIf(Optional<Duration> wait, String limit, String message) {
        if (wait.isPresent()) {
            log.info("webchat.rate_limited limit={} retryAfterMs={}", limit, wait.get().toMillis());
            throw new TooManyRequestsException(message, wait.get());
        }
    }

    static String client(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
