package dev.cobra.runtime.channel.webchat;

import reactor.core.publisher.Mono;

/** Issues and checks personal webchat deep links (signed, expiring, one debtor each). */
public interface WebchatLinkService {

    /** Empty Mono error with {@code NotFound} semantics when the debtor does not exist. */
    Mono<WebchatLink> createLink(String debtorId);

    /** The debtor id a valid token was issued for; an error when the token is forged or expired. */
    Mono<String> debtorIdFor(String token);

    record WebchatLink(String token, String url) {
    }
}
