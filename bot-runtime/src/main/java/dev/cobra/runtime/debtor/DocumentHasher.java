package dev.cobra.runtime.debtor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Hashes the identity-document digits used for right-party verification. Each debtor gets a random salt, so equal
 * digits never give equal hashes and the stored value reveals nothing by comparison. Stored form:
 * {@code sha256$<salt base64>$<digest base64>}.
 *
 * <p>Four digits have only 10,000 values: a salted hash stops casual reading of the database, not a determined
 * attacker who has a copy of it. The database itself must be protected (operator guide).
 */
public final class DocumentHasher {

    private static final String SCHEME = "sha256";
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DocumentHasher() {
    }

    public static String hash(String digits) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(digest(salt, digits));
    }

    /** Constant-time comparison; false for a missing or unreadable stored hash. */
    public static boolean matches(String digits, String stored) {
        if (digits == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 3 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] expected = Base64.getDecoder().decode(parts[2]);
            return MessageDigest.isEqual(expected, digest(salt, digits.trim()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] digest(byte[] salt, String digits) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(digits.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
