package dev.cobra.runtime.channel.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings under {@code bot.sms.*} (CONTRACTS.md, "SMS, email, OpenAPI").
 *
 * @param provider   the adapter: {@code twilio} (the only one so far)
 * @param baseUrl    base of the provider's REST API (tests point it at a local stand-in)
 * @param accountSid the account id; also the Basic-auth user
 * @param authToken  the Basic-auth password and the key of the inbound {@code X-Twilio-Signature}
 * @param from       the sending number (E.164) or messaging service / alphanumeric sender
 * @param timeout    how long one send request may take
 */
@ConfigurationProperties(prefix = "bot.sms")
public record SmsProperties(String provider, String baseUrl, String accountSid, String authToken, String from,
                            Duration timeout) {

    public SmsProperties {
        provider = blankToNull(provider) == null ? "twilio" : provider.trim().toLowerCase(java.util.Locale.ROOT);
        baseUrl = blankToNull(baseUrl) == null ? "https://api.twilio.com" : stripSlash(baseUrl.trim());
        accountSid = blankToNull(accountSid);
        authToken = blankToNull(authToken);
        from = blankToNull(from);
        timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
    }

    /** Outbound SMS needs the account, its token and a sender. */
    public boolean sendingConfigured() {
        return accountSid != null && authToken != null && from != null;
    }

    /** The inbound webhook needs the token that signs it. */
    public boolean webhookConfigured() {
        return authToken != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
