package dev.cobra.runtime.payment;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed payment-link tokens: {@code <linkId>.<expiresEpochSeconds>.<HMAC-SHA256(key, linkId.expires)>}
 * (base64url). A token whose signature does not match, or that expired, is rejected before any lookup.
 */
public final class PaymentLinkTokens {

    private PaymentLinkTokens() {
    }

    /** What a valid token names. */
    public record Verified(String linkId, Instant expiresAt) {
    }

    public static String sign(byte[] key, String linkId, Instant expiresAt) {
        String payload = linkId + "." + expiresAt.getEpochSecond();
        return payload + "." + mac(key, payload);
    }

    /** The link a token names, when it is well-formed, signed with {@code key} and not expired at {@code now}. */
    public static Optional<Verified> verify(byte[] key, String token, Instant now) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        String expected = mac(key, parts[0] + "." + parts[1]);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        long expires;
        try {
            expires = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Instant expiresAt = Instant.ofEpochSecond(expires);
        return now.isAfter(expiresAt) ? Optional.empty() : Optional.of(new Verified(parts[0], expiresAt));
    }

    static String mac(byte[] key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
