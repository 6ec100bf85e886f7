package dev.cobra.runtime.compliance;

import java.time.Instant;

/**
 * One business-initiated contact about to be sent.
 *
 * @param debtorId  who is contacted
 * @param channel   {@code whatsapp}, {@code webchat}, {@code sms}, {@code email}, {@code voice}
 * @param purpose   what sends it: {@code campaign}, {@code reminder}, {@code agent}
 * @param sourceId  the campaign id, promise id or agent username behind it (for the audit trail)
 * @param template  the template name used, or null
 * @param at        when it would go out
 */
public record ContactAttempt(String debtorId, String channel, String purpose, String sourceId, String template,
                             Instant at) {
}
