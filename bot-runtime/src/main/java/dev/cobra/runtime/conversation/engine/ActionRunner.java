package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.ActionStep;
import dev.cobra.flow.model.ActionType;
import reactor.core.publisher.Mono;

import java.util.EnumMap;
import java.util.Map;

/** Runs the built-in action of an {@code action} step: one {@link FlowAction} class per {@link ActionType}. */
final class ActionRunner {

    private final ConversationEvents events;
    private final Map<ActionType, FlowAction> byType = new EnumMap<>(ActionType.class);

    ActionRunner(CollectionActions actions) {
        this.events = new ConversationEvents(actions);
        byType.put(ActionType.PAYMENT_LINK, new PaymentLinkAction(actions));
        byType.put(ActionType.RECORD_PROMISE, new RecordPromiseAction(actions, events));
        byType.put(ActionType.RECORD_PLAN_REQUEST, new RecordPlanRequestAction(actions, events));
        byType.put(ActionType.SET_DISPOSITION, new SetDispositionAction());
        byType.put(ActionType.EMIT_EVENT, new EmitEventAction(events));
        byType.put(ActionType.VERIFY_IDENTITY, new VerifyIdentityAction(actions, events));
        byType.put(ActionType.OPT_OUT, new OptOutAction(actions));
        byType.put(ActionType.FLAG_WRONG_PARTY, new FlagWrongPartyAction(actions));
        byType.put(ActionType.SET_SLOT, new SetSlotAction());
        PlanSteps plans = new PlanSteps(actions, this);
        byType.put(ActionType.OFFER_PLAN, call -> plans.offer(call.run(), call.step().params(), call.debt()));
        byType.put(ActionType.ACCEPT_PLAN, call -> plans.accept(call.run(), call.debt()));
        if (byType.size() != ActionType.values().length) {
            throw new IllegalStateException("an action type has no implementation");
        }
    }

    Mono<Void> run(TurnRun run, CompiledFlow flow, ActionStep step) {
        if (step.action() == null) {
            return Mono.empty();
        }
        return byType.get(step.action()).run(new ActionCall(run, flow, step));
    }

    Mono<Void> event(TurnRun run, String type, Map<String, Object> data) {
        return events.emit(run, type, data);
    }

    static Map<String, Object> mapOf(Object... keyValues) {
        return ConversationEvents.mapOf(keyValues);
    }

    static String param(Map<String, Object> params, String name, String fallback) {
        Object value = params.get(name);
        return value == null ? fallback : value.toString();
    }
}
