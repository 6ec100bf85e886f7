package dev.cobra.runtime.channel.webchat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class LinkTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    private final LinkTokens tokens = new LinkTokens(key((byte) 1));

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }

    @Test
    void anIssuedTokenVerifiesWithItsLinkIdAndExpiry() {
        String token = tokens.issue(NOW.plus(Duration.ofDays(45)));
        LinkTokens.Verified verified = tokens.verify(token, NOW);
        assertThat(verified.check()).isEqualTo(LinkTokens.Check.VALID);
        assertThat(verified.linkId()).hasSize(32);
        assertThat(verified.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(45)));
        assertThat(token).matches("[A-Za-z0-9_-]{32}\\.[A-Za-z0-9_-]{43}");
        assertThat(tokens.issue(NOW.plusSeconds(60))).isNotEqualTo(tokens.issue(NOW.plusSeconds(60)));
    }

    @Test
    void aChangedSignatureOrPayloadOrAnotherSecretIsForged() {
        String token = tokens.issue(NOW.plus(Duration.ofDays(1)));
        int dot = token.indexOf('.');
        char last = token.charAt(token.length() - 2);
        String badSignature = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        String badPayload = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        String otherExpiry = tokens.issue(NOW.plus(Duration.ofDays(400))).substring(0, dot) + token.substring(dot);
        for (String forged : new String[]{badSignature, badPayload, otherExpiry, token.substring(0, dot + 1), ".", "a.b",
                "!!!." + token.substring(dot + 1), token + "x"}) {
            assertThat(tokens.verify(forged, NOW).check()).as(forged).isEqualTo(LinkTokens.Check.FORGED);
        }
        assertThat(new LinkTokens(key((byte) 2)).verify(token, NOW).check()).isEqualTo(LinkTokens.Check.FORGED);
    }

    @Test
    void anExpiredTokenIsRecognisedAsGenuineButExpired() {
        String token = tokens.issue(NOW.minusSeconds(1));
        assertThat(tokens.verify(token, NOW).check()).isEqualTo(LinkTokens.Check.EXPIRED);
    }

    @Test
    void aTokenWithoutSignatureIsALegacyRandomToken() {
        assertThat(tokens.verify("q2mG8Yt1hVbB3x0p2cJq5i8n0aQyq3Ts7dQWc2mC1qk", NOW).check()).isEqualTo(LinkTokens.Check.LEGACY);
    }
}
