package dev.cobra.runtime.payment;

import dev.cobra.runtime.conversation.engine.CollectionActions.PaymentLinkRequest;
import reactor.core.publisher.Mono;

/**
 * Issues the payment link the bot sends a debtor. The embedded default ({@link SignedPaymentLinks}) points at the
 * runtime's own demo page; a creditor's payment gateway replaces it by declaring another bean of this type.
 */
public interface PaymentLinkProvider {

    /** @return the URL the debtor opens to pay */
    Mono<String> issue(PaymentLinkRequest request);

    /** Whether a link was issued in this conversation (the bot reached a "pay now" outcome); false when unknown. */
    default Mono<Boolean> issuedIn(String conversationId) {
        return Mono.just(false);
    }
}
