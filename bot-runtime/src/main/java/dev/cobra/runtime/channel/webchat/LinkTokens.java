package dev.cobra.runtime.channel.webchat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Self-describing signed deep-link tokens: {@code base64url(linkId[16] || expiresAtEpochSecond[8]) + "." +
 * base64url(HMAC-SHA256(secret, first part))}. The payload names no debtor (the debtor binding, and revocation,
 * stay in the database); the signature and the expiry are checked in memory, so a forged or expired token costs no
 * database access. Pure functions over a secret; thread-safe.
 */
final class LinkTokens {

    static final int LINK_ID_BYTES = 16;
    private static final int PAYLOAD_BYTES = LINK_ID_BYTES + Long.BYTES;
    private static final int SIGNATURE_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** The outcome of checking a token without the database. */
    enum Check { VALID, FORGED, EXPIRED, LEGACY }

    /** A checked token: its link id (hex) and expiry when {@link Check#VALID} or {@link Check#EXPIRED}. */
    record Verified(Check check, String linkId, Instant expiresAt) {
    }

    private final byte[] secret;

    LinkTokens(byte[] secret) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("the link secret must have at least 256 bits");
        }
        this.secret = secret.clone();
    }

    /** A new token for a fresh random link id. */
    String issue(Instant expiresAt) {
        byte[] linkId = new byte[LINK_ID_BYTES];
        RANDOM.nextBytes(linkId);
        return issue(linkId, expiresAt);
    }

    String issue(byte[] linkId, Instant expiresAt) {
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES).put(linkId).putLong(expiresAt.getEpochSecond()).array();
        String head = B64.encodeToString(payload);
        return head + "." + B64.encodeToString(sign(head));
    }

    /**
     * Checks the signature (constant time) and then the expiry. A token without a dot is a {@link Check#LEGACY}
     * random token issued before signed tokens existed.
     */
    Verified verify(String token, Instant now) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return new Verified(Check.LEGACY, null, null);
        }
        String head = token.substring(0, dot);
        byte[] payload;
        byte[] signature;
        try {
            payload = B64D.decode(head);
            signature = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return new Verified(Check.FORGED, null, null);
        }
        if (payload.length != PAYLOAD_BYTES || signature.length != SIGNATURE_BYTES
                || !MessageDigest.isEqual(sign(head), signature)) {
            return new Verified(Check.FORGED, null, null);
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        byte[] linkId = new byte[LINK_ID_BYTES];
        buffer.get(linkId);
        Instant expiresAt = Instant.ofEpochSecond(buffer.getLong());
        String id = HexFormat.of().formatHex(linkId);
        return new Verified(expiresAt.isAfter(now) ? Check.VALID : Check.EXPIRED, id, expiresAt);
    }

    private byte[] sign(String head) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
