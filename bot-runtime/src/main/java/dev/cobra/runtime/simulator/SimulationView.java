package dev.cobra.runtime.simulator;

import dev.cobra.nlp.api.Entity;
import dev.cobra.nlp.api.ScoredIntent;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.StackFrame;
import dev.cobra.runtime.nlu.NluResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulator pane shows after a turn.
 *
 * @param currentFlow the flow the conversation is in now (a subflow while one runs)
 * @param step        the current step of {@code currentFlow}
 * @param stack       the callers waiting for subflows, bottom first
 * @param nlu         the NLU result the engine acted on this turn (Rasa-like shape, as {@code /api/nlu/parse}),
 *                    or null when the turn did not classify text (an option was chosen, or an opening turn)
 * @param effects     what the turn would have done outside the conversation (nothing was done)
 * @param behaviours  the repair behaviours that fired this turn (e.g. {@code digression:ask_balance},
 *                    {@code correction:promiseDate}, {@code cancel}, {@code completion:closing}, {@code slot_filled:installments})
 * @param locale      the language the conversation is in now (it follows the debtor's)
 */
public record SimulationView(String sessionId, String flowId, String currentFlow, String step, List<Frame> stack,
                             String status, boolean verified, Map<String, Object> slots, String disposition,
                             Map<String, String> handoff, List<Reply> replies, String debtorText,
                             Map<String, Object> nlu, List<String> effects, List<String> behaviours,
                             String locale) {

    /** Top intents shown per free-text turn. */
    static final int RANKING_SIZE = 5;

    public record Frame(String flowId, String returnStep) {
    }

    static SimulationView of(Simulation simulation, List<Reply> replies, String debtorText, NluResult nlu,
                             List<String> behaviours) {
        ConversationState state = simulation.state;
        List<Frame> stack = new ArrayList<>();
        for (StackFrame frame : state.stack()) {
            stack.add(new Frame(frame.flowId(), frame.returnStep()));
        }
        Map<String, String> handoff = null;
        if (state.handoff() != null) {
            handoff = new LinkedHashMap<>();
            handoff.put("queue", state.handoff().queue());
            handoff.put("reason", state.handoff().reason());
        }
        return new SimulationView(simulation.id, simulation.flowId, state.flowId(), state.step(), stack,
                state.status() == null ? null : state.status().name(), state.verified(), new LinkedHashMap<>(state.slots()),
                state.disposition(), handoff, replies, debtorText, nlu == null ? null : nlu(nlu),
                simulation.actions.drainEffects(), behaviours == null ? List.of() : List.copyOf(behaviours), state.locale());
    }

    static Map<String, Object> nlu(NluResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", result.text());
        body.put("intent", intent(result.prediction().intent(), result.prediction().confidence()));
        List<Map<String, Object>> ranking = new ArrayList<>();
        for (ScoredIntent scored : result.prediction().ranking()) {
            if (ranking.size() == RANKING_SIZE) {
                break;
            }
            ranking.add(intent(scored.name(), scored.confidence()));
        }
        body.put("intent_ranking", ranking);
        List<Map<String, Object>> entities = new ArrayList<>();
        for (Entity entity : result.entities()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("entity", entity.entity());
            e.put("value", String.valueOf(entity.value()));
            e.put("text", entity.text());
            if (entity.currency() != null) {
                e.put("currency", entity.currency());
            }
            entities.add(e);
        }
        body.put("entities", entities);
        body.put("fallback", result.fallback());
        return body;
    }

    private static Map<String, Object> intent(String name, double confidence) {
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("name", name);
        intent.put("confidence", Math.round(confidence * 1000) / 1000.0);
        return intent;
    }
}
