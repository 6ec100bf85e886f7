package dev.cobra.runtime.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code bot.admin.*}.
 *
 * @param password password of the bootstrap user {@code admin}; when unset, a random one is generated and printed
 *                 once, the first time the user is created. When set, it is authoritative: a changed value
 *                 replaces the stored password at the next start.
 */
@ConfigurationProperties(prefix = "bot.admin")
public record AdminProperties(String password) {

    public boolean hasPassword() {
        return password != null && !password.isBlank();
    }
}
