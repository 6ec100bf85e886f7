package dev.cobra.runtime.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import java.net.InetSocketAddress;

/**
 * Puts the request's client address into the Reactor context before Spring Security runs, so the sign-in throttle
 * (an authentication manager, which sees no request) can count failures per client.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ClientAddress implements WebFilter {

    static final String KEY = ClientAddress.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String client = of(exchange.getRequest());
        return chain.filter(exchange).contextWrite(context -> context.put(KEY, client));
    }

    static String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    static String from(ContextView context) {
        return context.getOrDefault(KEY, "unknown");
    }
}
