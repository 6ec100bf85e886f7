package dev.cobra.runtime.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Works around a Reactor Netty 1.2 server bug (reactor-netty#4361, fixed after 1.2.18): on a keep-alive
 * connection, a request that arrived while the previous exchange was still finishing is buffered; if that buffered
 * request is then answered synchronously (a 401 or 403 written by the security filters without any I/O, for
 * instance), the server never asks the socket for more, and the client's <em>next</em> request on that connection
 * waits until the client gives up. Seen as intermittent 30 s timeouts in the test suite right after 401/403
 * answers, and reproduced 150 times out of 150 without this filter by a loop of 401-then-request.
 *
 * <p>Starting every exchange's handling on another thread means no exchange can be answered, and terminate,
 * re-entrantly inside the server's own dispatch of a buffered request, so the read is always re-armed. (Handing
 * off only the completion signal was not enough: the response write itself ends the exchange.) The cost is one
 * task hand-off per request. Remove when Spring Boot brings a Reactor Netty with the fix.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class KeepAliveStallGuard implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return Mono.defer(() -> chain.filter(exchange)).subscribeOn(Schedulers.parallel());
    }
}
