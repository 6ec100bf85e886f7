package dev.cobra.runtime.channel.webchat;

import dev.cobra.runtime.web.error.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

/** Staff side: issue a debtor's personal deep link (CONTRACTS.md, {@code POST /api/webchat/links}). */
@RestController
class WebchatLinksController {

    private final WebchatLinkService links;

    WebchatLinksController(WebchatLinkService links) {
        this.links = links;
    }

    record LinkRequest(String debtorId) {
    }

    @PostMapping("/api/webchat/links")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<WebchatLinkService.WebchatLink> create(@RequestBody(required = false) Mono<LinkRequest> body, ServerHttpRequest request) {
        return body.filter(r -> r.debtorId() != null && !r.debtorId().isBlank())
                .switchIfEmpty(Mono.error(() -> ApiException.badRequest("missing_debtor_id", "Send {\"debtorId\":...}.")))
                .flatMap(r -> links.createLink(r.debtorId().strip(), baseUrl(request)));
    }

    /** Scheme, host and port the staff member reached us on (forwarded headers applied by the server). */
    private static String baseUrl(ServerHttpRequest request) {
        URI uri = request.getURI();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port;
    }
}
