package dev.cobra.runtime.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every response, whatever produced it (a controller, an error, the security firewall):
 * no MIME sniffing, no referrer, no powerful browser features, and no framing except for the debtor-facing chat,
 * which creditors embed in their sites. Headers a page already set (its own CSP, say) are kept.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeaders implements WebFilter {

    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=()";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean embeddable = path.startsWith("/chat/") || path.startsWith("/webchat") || path.equals("/webchat.js");
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
            setIfAbsent(headers, "Referrer-Policy", "no-referrer");
            setIfAbsent(headers, "Permissions-Policy", PERMISSIONS);
            if (!embeddable) {
                setIfAbsent(headers, "X-Frame-Options", "DENY");
                setIfAbsent(headers, "Content-Security-Policy", "frame-ancestors 'none'");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static void setIfAbsent(HttpHeaders headers, String name, String value) {
        if (!headers.containsKey(name)) {
            headers.set(name, value);
        }
    }
}
