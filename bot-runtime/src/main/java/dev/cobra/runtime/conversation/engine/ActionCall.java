package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.ActionStep;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.debtor.Debt;
import dev.cobra.runtime.debtor.Debtor;

import java.math.BigDecimal;
import java.util.Map;

/** What an action sees of its turn: the step and its params, the conversation's slots, the debtor's primary debt. */
record ActionCall(TurnRun run, CompiledFlow flow, ActionStep step) {

    ConversationState state() {
        return run.state;
    }

    Map<String, Object> slots() {
        return run.state.slots();
    }

    /** The step's parameter {@code name} as text, or {@code fallback} when the flow does not set it. */
    String param(String name, String fallback) {
        return ActionRunner.param(step.params(), name, fallback);
    }

    Object rawParam(String name) {
        return step.params().get(name);
    }

    Debt debt() {
        Debtor debtor = run.context.debtor();
        return debtor == null ? null : debtor.primaryDebt().orElse(null);
    }

    String debtorId() {
        return run.state.debtorId();
    }

    String debtId() {
        Debt debt = debt();
        return debt == null ? null : debt.id();
    }

    String currency() {
        Debt debt = debt();
        return debt == null ? null : debt.currency();
    }

    /**
     * The amount an action works with: the slot named by its {@code amount} parameter (default {@code defaultSlot}),
     * else the amount the debtor said if the debt allows it, else the balance; written to that slot, so the flow's
     * text can say it.
     */
    BigDecimal amount(String defaultSlot) {
        String slot = param("amount", defaultSlot);
        BigDecimal amount = InputValues.toDecimal(slots().get(slot));
        if (amount == null) {
            amount = EntityMemory.takeAmount(state(), balance());
        }
        if (amount == null) {
            amount = balance();
        }
        if (amount != null) {
            slots().put(slot, amount);
        }
        return amount;
    }

    BigDecimal balance() {
        Debt debt = debt();
        return debt == null ? null : debt.balance();
    }
}
