package dev.cobra.runtime.security;

import dev.cobra.runtime.web.error.JsonErrorWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 as JSON. Scripts (curl) get {@code WWW-Authenticate: Basic} so Basic works as usual; browsers do not: a
 * challenge makes them show their own sign-in popup and then cache and resend the credentials on every request,
 * cross-site ones included. A browser is recognised by what only browsers send (fetch metadata, an Origin, a
 * Mozilla user agent, an HTML Accept) or by the web apps' {@code X-Requested-With: XMLHttpRequest}.
 */
class JsonAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    static final String REALM = "Cobra";

    private final JsonErrorWriter writer;

    JsonAuthenticationEntryPoint(JsonErrorWriter writer) {
        this.writer = writer;
    }

    static boolean fromBrowser(HttpHeaders headers) {
        String accept = headers.getFirst(HttpHeaders.ACCEPT);
        String agent = headers.getFirst(HttpHeaders.USER_AGENT);
        return "XMLHttpRequest".equalsIgnoreCase(headers.getFirst("X-Requested-With"))
                || headers.containsKey("Sec-Fetch-Mode") || headers.containsKey("Sec-Fetch-Site")
                || headers.containsKey(HttpHeaders.ORIGIN)
                || (agent != null && agent.startsWith("Mozilla/"))
                || (accept != null && accept.contains("text/html"));
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        if (!fromBrowser(exchange.getRequest().getHeaders())) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        }
        boolean credentialsSent = exchange.getRequest().getHeaders().containsKey(HttpHeaders.AUTHORIZATION);
        String message = credentialsSent ? "Wrong username or password." : "Sign in to use this endpoint.";
        return writer.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "unauthorized", message);
    }
}
