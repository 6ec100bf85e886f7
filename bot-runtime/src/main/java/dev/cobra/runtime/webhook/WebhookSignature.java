package dev.cobra.runtime.webhook;

/**
 * {@code X-Cobra-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>}: the same scheme Meta signs its webhooks
 * with, so creditors verify ours the way they would verify Meta's, and the signing is the channel's own.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Cobra-Signature";

    private WebhookSignature() {
    }

    public static String sign(String secret, byte[] body) {
        return dev.cobra.runtime.channel.whatsapp.WebhookSignature.sign(secret, body);
    }
}
