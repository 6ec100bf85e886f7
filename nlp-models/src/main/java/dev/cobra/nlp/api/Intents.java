package dev.cobra.nlp.api;

import java.util.List;
import java.util.Set;

/** The fixed intent inventory (PRODUCT.md). */
public final class Intents {

    public static final String PAY_NOW = "pay_now";
    public static final String PAYMENT_PLAN = "payment_plan";
    public static final String REQUEST_MORE_TIME = "request_more_time";
    public static final String ALREADY_PAID = "already_paid";
    public static final String DISPUTE_DEBT = "dispute_debt";
    public static final String COMPLAINT = "complaint";
    public static final String TALK_TO_AGENT = "talk_to_agent";
    public static final String OPT_OUT = "opt_out";
    public static final String WRONG_PERSON = "wrong_person";
    public static final String FINANCIAL_HARDSHIP = "financial_hardship";
    public static final String ASK_BALANCE = "ask_balance";
    public static final String ASK_PAYMENT_METHODS = "ask_payment_methods";
    public static final String AFFIRM = "affirm";
    public static final String DENY = "deny";
    public static final String GREET = "greet";
    public static final String THANKS = "thanks";
    /** Label of out-of-scope training examples (chit-chat, nonsense); never acted on. */
    public static final String OUT_OF_SCOPE = "out_of_scope";

    public static final List<String> ALL = List.of(PAY_NOW, PAYMENT_PLAN, REQUEST_MORE_TIME, ALREADY_PAID, DISPUTE_DEBT,
            COMPLAINT, TALK_TO_AGENT, OPT_OUT, WRONG_PERSON, FINANCIAL_HARDSHIP, ASK_BALANCE, ASK_PAYMENT_METHODS,
            AFFIRM, DENY, GREET, THANKS);

    /** Honoured in any step of any flow. */
    public static final Set<String> GLOBAL = Set.of(OPT_OUT, COMPLAINT, TALK_TO_AGENT, WRONG_PERSON);

    private Intents() {
    }
}
