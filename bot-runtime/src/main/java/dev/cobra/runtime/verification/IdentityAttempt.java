package dev.cobra.runtime.verification;

import java.time.Instant;

/** Digits a person typed to prove they are the debtor, and where. The digits are never logged or stored. */
public record IdentityAttempt(String debtorId, String digits, String channel, String conversationId, Instant at) {

    @Override
    public String toString() {
        return "IdentityAttempt[debtorId=" + debtorId + ", channel=" + channel + ", conversationId=" + conversationId + "]";
    }
}
