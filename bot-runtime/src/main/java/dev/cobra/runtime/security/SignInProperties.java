package dev.cobra.runtime.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Staff sign-in and origin settings under {@code bot.security.*} (docs/operator-guide.md).
 *
 * @param signInUserFailures   failed sign-ins of one username before it is locked; then one more try per
 *                             {@code signInWindow / signInUserFailures} (backoff)
 * @param signInClientFailures failed sign-ins from one client address before it is locked the same way
 * @param signInWindow         the period those failure budgets refill over
 * @param staffOrigins         browser origins besides {@code bot.public-url} allowed to change state under /api
 */
@ConfigurationProperties(prefix = "bot.security")
public record SignInProperties(@DefaultValue("5") int signInUserFailures,
                               @DefaultValue("20") int signInClientFailures,
                               @DefaultValue("PT15M") Duration signInWindow,
                               @DefaultValue List<String> staffOrigins) {

    public SignInProperties {
        staffOrigins = staffOrigins == null ? List.of() : List.copyOf(staffOrigins);
    }
}
