package dev.cobra.runtime.security;

import dev.cobra.runtime.web.error.JsonErrorWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 403 as JSON: the user is signed in but their roles do not allow the request. */
class JsonAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final JsonErrorWriter writer;

    JsonAccessDeniedHandler(JsonErrorWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return writer.write(exchange.getResponse(), HttpStatus.FORBIDDEN, "forbidden",
                "Your role does not allow this request.");
    }
}
