package dev.cobra.runtime.channel.webchat;

import dev.cobra.runtime.web.error.ApiException;
import reactor.core.publisher.Mono;

/** Issues and checks personal webchat deep links (unguessable, expiring, one debtor each). */
public interface WebchatLinkService {

    /**
     * A link under the configured public URL ({@code bot.public-url}).
     * Error {@link ApiException} 404 when the debtor does not exist.
     */
    Mono<WebchatLink> createLink(String debtorId);

    /** A link under {@code baseUrl} (e.g. {@code http://host:port} of the staff request). */
    Mono<WebchatLink> createLink(String debtorId, String baseUrl);

    /** The debtor id a valid token was issued for; an {@link ApiException} when the token is unknown or expired. */
    Mono<String> debtorIdFor(String token);

    record WebchatLink(String token, String url) {
    }

    static ApiException unknownLink() {
        return new ApiException(org.springframework.http.HttpStatus.NOT_FOUND, "link_not_found",
                "This chat link is not valid; please check the message you received.");
    }
}
