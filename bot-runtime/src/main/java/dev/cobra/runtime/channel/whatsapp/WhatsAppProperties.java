package dev.cobra.runtime.channel.whatsapp;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings under {@code whatsapp.*} (CONTRACTS.md, settings table, plus the delivery tuning below).
 *
 * @param appSecret           HMAC key of {@code X-Hub-Signature-256}; unset: the webhook answers 503
 * @param verifyToken         token of the GET verification handshake
 * @param accessToken         bearer token for the Graph API
 * @param phoneNumberId       the sending business number's id
 * @param graphApiUrl         base URL of the Graph API (tests and the local simulator point it elsewhere)
 * @param messagesPerSecond   per business number send rate (Meta: 80/s by default, up to 1,000 after upgrade)
 * @param recipientPacing     minimum gap between two messages to the same user (Meta's pair rate limit)
 * @param maxAttempts         attempts before a message that keeps failing transiently is given up
 * @param retryBaseDelay      first retry delay; doubled per attempt up to {@code retryMaxDelay}
 * @param retryMaxDelay       longest delay between two attempts
 * @param sendConcurrency     requests to the Graph API in flight at once
 * @param windowTemplate      template sent instead of free-form messages outside the 24-hour window
 * @param windowTemplateLanguage language code of that template when the debtor's locale maps to none
 * @param maxMediaBytes       largest inbound media file downloaded (Meta allows up to 100 MB documents)
 * @param businessAccountId   the WhatsApp Business Account id, for syncing the template registry from Meta
 */
@ConfigurationProperties(prefix = "whatsapp")
public record WhatsAppProperties(String appSecret, String verifyToken, String accessToken, String phoneNumberId,
                                 String graphApiUrl, Integer messagesPerSecond, Duration recipientPacing,
                                 Integer maxAttempts, Duration retryBaseDelay, Duration retryMaxDelay,
                                 Integer sendConcurrency, String windowTemplate, String windowTemplateLanguage,
                                 Long maxMediaBytes, String businessAccountId) {

    public WhatsAppProperties {
        graphApiUrl = blankToNull(graphApiUrl) == null ? "https://graph.facebook.com/v21.0" : stripSlash(graphApiUrl);
        messagesPerSecond = messagesPerSecond == null ? 80 : Math.max(1, Math.min(1000, messagesPerSecond));
        recipientPacing = recipientPacing == null ? Duration.ZERO : recipientPacing;
        maxAttempts = maxAttempts == null ? 10 : Math.max(1, maxAttempts);
        retryBaseDelay = retryBaseDelay == null ? Duration.ofSeconds(1) : retryBaseDelay;
        retryMaxDelay = retryMaxDelay == null ? Duration.ofMinutes(5) : retryMaxDelay;
        sendConcurrency = sendConcurrency == null ? 8 : Math.max(1, sendConcurrency);
        windowTemplate = blankToNull(windowTemplate);
        windowTemplateLanguage = blankToNull(windowTemplateLanguage) == null ? "es" : windowTemplateLanguage;
        maxMediaBytes = maxMediaBytes == null ? 20L * 1024 * 1024 : maxMediaBytes;
        appSecret = blankToNull(appSecret);
        verifyToken = blankToNull(verifyToken);
        businessAccountId = blankToNull(businessAccountId);
    }

    public boolean webhookConfigured() {
        return appSecret != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
