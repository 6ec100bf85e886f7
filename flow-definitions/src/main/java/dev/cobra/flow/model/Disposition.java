package dev.cobra.flow.model;

/** How a collection conversation ended (PRODUCT.md). */
public enum Disposition {
    PAID, PROMISE_TO_PAY, PAYMENT_PLAN, MORE_TIME_GRANTED, ALREADY_PAID_CLAIMED, DISPUTE, COMPLAINT, HARDSHIP,
    WRONG_PARTY, OPTED_OUT, NO_RESPONSE, REFUSED
}
