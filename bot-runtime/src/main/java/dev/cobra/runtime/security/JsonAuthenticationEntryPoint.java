package dev.cobra.runtime.security;

import dev.cobra.runtime.web.error.JsonErrorWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 as JSON. Scripts (curl) get {@code WWW-Authenticate: Basic} so Basic works as usual; requests from the web
 * apps ({@code X-Requested-With: XMLHttpRequest}) do not, so browsers never show their own sign-in popup.
 */
class JsonAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    static final String REALM = "Cobra";

    private final JsonErrorWriter writer;

    JsonAuthenticationEntryPoint(JsonErrorWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        String requestedWith = exchange.getRequest().getHeaders().getFirst("X-Requested-With");
        if (!"XMLHttpRequest".equalsIgnoreCase(requestedWith)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        }
        boolean credentialsSent = exchange.getRequest().getHeaders().containsKey(HttpHeaders.AUTHORIZATION);
        String message = credentialsSent ? "Wrong username or password." : "Sign in to use this endpoint.";
        return writer.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "unauthorized", message);
    }
}
