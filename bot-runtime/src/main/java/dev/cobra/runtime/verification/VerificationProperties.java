package dev.cobra.runtime.verification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code bot.verification.*} (docs/operator-guide.md).
 *
 * @param maxFailures failed identity checks of one debtor, over every session and channel, that lock verification
 * @param window      how far back failures count
 * @param lockout     how long verification stays locked once the limit is reached
 */
@ConfigurationProperties(prefix = "bot.verification")
public record VerificationProperties(@DefaultValue("5") int maxFailures, @DefaultValue("PT24H") Duration window,
                                     @DefaultValue("PT24H") Duration lockout) {

    public VerificationProperties {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("bot.verification.max-failures must be at least 1");
        }
        if (window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("bot.verification.window and lockout must be positive");
        }
    }

    public static VerificationProperties defaults() {
        return new VerificationProperties(5, Duration.ofHours(24), Duration.ofHours(24));
    }
}
