package dev.cobra.runtime.channel.email;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code bot.email.*}; the SMTP server itself is {@code spring.mail.*}.
 *
 * @param from              the sender address ({@code cobros@acme.example}); unset: email is not sent
 * @param fromName          the sender's display name
 * @param unsubscribeSecret key that signs unsubscribe links (the same on every instance); unset: a random key kept
 *                          in the database
 */
@ConfigurationProperties(prefix = "bot.email")
public record EmailProperties(String from, String fromName, String unsubscribeSecret) {

    public EmailProperties {
        from = from == null || from.isBlank() ? null : from.trim();
        fromName = fromName == null || fromName.isBlank() ? null : fromName.trim();
        unsubscribeSecret = unsubscribeSecret == null || unsubscribeSecret.isBlank() ? null : unsubscribeSecret;
    }
}
