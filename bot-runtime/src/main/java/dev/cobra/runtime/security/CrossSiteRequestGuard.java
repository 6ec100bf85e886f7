package dev.cobra.runtime.security;

import dev.cobra.runtime.config.PublicUrl;
import dev.cobra.runtime.web.error.JsonErrorWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.HashSet;
import java.util.Set;

/**
 * Refuses state-changing staff requests ({@code POST/PUT/PATCH/DELETE /api/**}) that a browser marks as coming from
 * another site (CONTRACTS.md, Limits and links): {@code Sec-Fetch-Site: cross-site}, or an {@code Origin} other than
 * {@code bot.public-url}'s and {@code bot.security.staff-origins}. A browser sends cached Basic credentials with a
 * cross-site form post, so without this another site could make a signed-in admin erase a debtor. Scripts send
 * neither header and pass. With {@code bot.public-url} unset (development) the request's own origin is allowed
 * too. The public webchat routes are embeddable and not under /api.
 */
@Component
@Order(-200) // before Spring Security (-100): a cross-site request is refused whoever it claims to be
class CrossSiteRequestGuard implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossSiteRequestGuard.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final PublicUrl publicUrl;
    private final Set<String> staffOrigins = new HashSet<>();
    private final JsonErrorWriter writer;

    CrossSiteRequestGuard(PublicUrl publicUrl, SignInProperties properties, JsonErrorWriter writer) {
        this.publicUrl = publicUrl;
        this.writer = writer;
        for (String origin : properties.staffOrigins()) {
            String normalised = PublicUrl.origin(origin);
            if (normalised != null) {
                staffOrigins.add(normalised);
            }
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (SAFE.contains(request.getMethod()) || !request.getPath().pathWithinApplication().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        String site = request.getHeaders().getFirst("Sec-Fetch-Site");
        String origin = request.getHeaders().getFirst(HttpHeaders.ORIGIN);
        if ("cross-site".equalsIgnoreCase(site) || (origin != null && !allowed(origin, request))) {
            log.info("http.cross_site_refused method={} path={}", request.getMethod(), request.getPath().value());
            return writer.write(exchange.getResponse(), HttpStatus.FORBIDDEN, "cross_site_request",
                    "Requests from other sites may not change anything here.");
        }
        return chain.filter(exchange);
    }

    private boolean allowed(String origin, ServerHttpRequest request) {
        String normalised = PublicUrl.origin(origin);
        if (normalised == null) {
            return false; // "null" (sandboxed frames, file://) or garbage
        }
        if (normalised.equals(publicUrl.origin()) || staffOrigins.contains(normalised)) {
            return true;
        }
        // Development default only: the page and the API share whatever host the browser used.
        return !publicUrl.configured() && normalised.equals(PublicUrl.origin(request.getURI().toString()));
    }
}
