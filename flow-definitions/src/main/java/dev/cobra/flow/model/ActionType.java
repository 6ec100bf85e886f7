package dev.cobra.flow.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The built-in actions a flow can run. Parameters are documented in docs/flow-language.md. */
public enum ActionType {
    /** Issue a secure payment link for the debt; stored in slot {@code paymentLink}. */
    PAYMENT_LINK,
    /** Record a promise to pay from slots {@code promiseDate} and {@code promiseAmount}. */
    RECORD_PROMISE,
    /** Record a payment-plan request from slots {@code installments} (and optional {@code downPayment}). */
    RECORD_PLAN_REQUEST,
    /**
     * Offer a payment plan schedule inside the creditor's bounds for slot {@code installments} (first date from
     * optional slot {@code start}, else a date the debtor said): sets {@code planOffer}, {@code planSchedule},
     * {@code planFirstDate}, {@code planFirstAmount}, {@code planInstallment}; {@code planOffer} stays null when no
     * schedule fits the bounds.
     */
    OFFER_PLAN,
    /** Record the plan offered in slot {@code planOffer} as accepted; each installment is tracked like a promise. */
    ACCEPT_PLAN,
    /** Set the conversation's disposition (param {@code disposition}) without ending it. */
    SET_DISPOSITION,
    /** Emit a domain event to the creditor's systems (param {@code event}). */
    EMIT_EVENT,
    /** Compare slot {@code document} with the debtor's document; sets {@code slots.verified} and counts tries. */
    VERIFY_IDENTITY,
    /** Opt the debtor out of every channel, at once. */
    OPT_OUT,
    /** Flag the contact as the wrong party (the number does not belong to the debtor). */
    FLAG_WRONG_PARTY,
    /** Set slot {@code param slot} to {@code param value}. */
    SET_SLOT;

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ActionType fromYaml(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
