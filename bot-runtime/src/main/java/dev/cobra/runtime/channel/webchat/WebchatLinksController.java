package dev.cobra.runtime.channel.webchat;

import dev.cobra.runtime.config.PublicUrl;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Staff side: issue a debtor's personal deep link (CONTRACTS.md, {@code POST /api/webchat/links}), always under
 * {@code bot.public-url}: a link built from the request's Host header would send debtors wherever the caller said.
 */
@RestController
class WebchatLinksController {

    private final WebchatLinkService links;
    private final PublicUrl publicUrl;

    WebchatLinksController(WebchatLinkService links, PublicUrl publicUrl) {
        this.links = links;
        this.publicUrl = publicUrl;
    }

    record LinkRequest(String debtorId) {
    }

    @PostMapping("/api/webchat/links")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<WebchatLinkService.WebchatLink> create(@RequestBody(required = false) Mono<LinkRequest> body) {
        return body.filter(r -> r.debtorId() != null && !r.debtorId().isBlank())
                .switchIfEmpty(Mono.error(() -> ApiException.badRequest("missing_debtor_id", "Send {\"debtorId\":...}.")))
                .flatMap(r -> links.createLink(r.debtorId().strip(), publicUrl.base()));
    }
}
