package dev.cobra.runtime.conversation.engine;

import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.verification.IdentityAttempt;
import dev.cobra.runtime.verification.IdentityCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Optional;

/**
 * Checks the digits in slot {@code slot} (removed at once: identity digits are never stored) through the
 * verification guard, counts the attempt, and marks the conversation verified or, when the guard locked the
 * debtor's checks, sets {@code verificationLocked} so the flow can say how to get help.
 */
final class VerifyIdentityAction implements FlowAction {

    private static final Logger log = LoggerFactory.getLogger(VerifyIdentityAction.class);

    private final CollectionActions actions;
    private final ConversationEvents events;

    VerifyIdentityAction(CollectionActions actions, ConversationEvents events) {
        this.actions = actions;
        this.events = events;
    }

    @Override
    public Mono<Void> run(ActionCall call) {
        ConversationState state = call.state();
        Map<String, Object> slots = call.slots();
        Object digits = slots.remove(call.param("slot", "document"));
        int attempts = Optional.ofNullable(InputValues.toInteger(slots.get(StateMachineFlowEngine.VERIFICATION_ATTEMPTS_SLOT)))
                .orElse(0) + 1;
        slots.put(StateMachineFlowEngine.VERIFICATION_ATTEMPTS_SLOT, attempts);
        String debtorId = call.debtorId();
        Mono<IdentityCheck> check = debtorId == null || digits == null ? Mono.just(IdentityCheck.MISMATCH)
                : actions.checkIdentity(new IdentityAttempt(debtorId, digits.toString(), state.channel(), state.id(),
                call.run().context.now()));
        return check.flatMap(result -> {
            boolean ok = result.verified();
            state.verified(ok);
            slots.put("verified", ok);
            log.info("flow.verify conversation={} verified={} attempt={} locked={}", state.id(), ok, attempts, result.locked());
            if (!result.locked()) {
                return Mono.<Void>empty();
            }
            slots.put(StateMachineFlowEngine.VERIFICATION_LOCKED_SLOT, true);
            return result.newlyLocked() ? events.emit(call.run(), "verification_locked", ConversationEvents.mapOf(
                    "channel", state.channel(), "lockedUntil", result.lockedUntil().toString())) : Mono.<Void>empty();
        });
    }
}
