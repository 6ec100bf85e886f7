package dev.cobra.runtime.handoff;

import java.util.Set;

/** The outcomes a conversation may end with (PRODUCT.md, "What a collection conversation is"). */
final class Dispositions {

    static final Set<String> ALL = Set.of("PAID", "PROMISE_TO_PAY", "PAYMENT_PLAN", "MORE_TIME_GRANTED",
            "ALREADY_PAID_CLAIMED", "DISPUTE", "COMPLAINT", "HARDSHIP", "WRONG_PARTY", "OPTED_OUT", "NO_RESPONSE",
            "REFUSED");

    private Dispositions() {
    }

    static boolean isKnown(String disposition) {
        return disposition != null && ALL.contains(disposition);
    }
}
