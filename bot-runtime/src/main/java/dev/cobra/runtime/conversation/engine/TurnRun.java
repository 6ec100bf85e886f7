package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.LocalizedText;
import dev.cobra.flow.template.TemplateRenderer;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.nlu.NluResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Everything one turn accumulates: the state being changed, the replies, the events and what fired. */
final class TurnRun {

    private static final Logger log = LoggerFactory.getLogger(TurnRun.class);
    private static final TemplateRenderer RENDERER = new TemplateRenderer();

    final ConversationState state;
    final TurnContext context;
    final TurnInput input;
    final List<Reply> replies = new ArrayList<>();
    final List<Map<String, Object>> events = new ArrayList<>();
    /** Repair behaviours that fired this turn (digression, correction, cancel...), shown by the simulator. */
    final List<String> behaviours = new ArrayList<>();
    final Map<String, Object> fixedVars;
    /** Machines leased by this turn, by the pool of their flow version: a machine serves one turn at a time. */
    private final Map<MachinePool, FlowMachine> machines = new IdentityHashMap<>(4);
    int stepsRun;
    /** Where the replies to the debtor's last accepted answer start (a closing's recap is what follows). */
    int answerMark;
    /** Whether this turn closed the conversation. */
    boolean closedThisTurn;
    String debtorText;
    /** The stage flow of this turn (bottom of the flow stack), whose repair settings subflows inherit. */
    CompiledFlow rootFlow;
    private String normalizedText;
    /** The last NLU result of this turn, kept on a handoff for the agent. */
    NluResult understood;

    TurnRun(ConversationState state, TurnContext context, TurnInput input) {
        this.state = state;
        this.context = context;
        this.input = input;
        this.debtorText = input == null ? null : input.text() != null ? input.text() : input.optionId();
        this.fixedVars = context.templateVariables();
        if (state.locale() == null) {
            state.locale(context.debtor() != null && context.debtor().locale() != null ? context.debtor().locale() : "es");
        }
    }

    String locale() {
        return state.locale();
    }

    /** An answer was accepted: what the bot says from here on is its outcome. */
    void answerAccepted() {
        answerMark = replies.size();
    }

    /** Keeps what the closing turn said after the debtor's answer, to repeat on request; not after an opt-out or a wrong party. */
    void keepClosingRecap() {
        if (!closedThisTurn || state.optedOut() || "WRONG_PARTY".equals(state.disposition())) {
            return;
        }
        List<String> said = new ArrayList<>();
        for (Reply reply : replies.subList(Math.min(answerMark, replies.size()), replies.size())) {
            if (reply.text() != null && !reply.text().isBlank() && (reply.options() == null || reply.options().isEmpty())) {
                said.add(reply.text());
            }
        }
        state.closingRecap(said);
    }

    /** The debtor's typed text, or null for a button choice or an opening turn. */
    String text() {
        return input == null ? null : input.text();
    }

    /** {@link #text()} normalised for matching ({@link TextMatching#normalize}), worked out once per turn. */
    String normalizedText() {
        if (normalizedText == null) {
            normalizedText = TextMatching.normalize(text());
        }
        return normalizedText;
    }

    void fired(String behaviour) {
        behaviours.add(behaviour);
    }

    /** True when this turn's message moved the conversation to another language ({@code language:<code>} fired). */
    boolean switchedLanguage() {
        return behaviours.stream().anyMatch(b -> b.startsWith("language:"));
    }

    /** Template and condition variables (shared design: debtor, debt, slots, verified, link, today). */
    Map<String, Object> vars() {
        Map<String, Object> vars = new HashMap<>(fixedVars);
        vars.put("slots", state.slots());
        vars.put("verified", state.verified());
        vars.put("link", state.slots().get(StateMachineFlowEngine.PAYMENT_LINK_SLOT));
        return vars;
    }

    void say(LocalizedText text) {
        String rendered = renderOrNull(text);
        if (rendered != null && !rendered.isBlank()) {
            replies.add(Reply.text(rendered));
        }
    }

    void say(String text) {
        replies.add(Reply.text(text));
    }

    String render(LocalizedText text) {
        String rendered = renderOrNull(text);
        return rendered == null ? "" : rendered;
    }

    String renderOrNull(LocalizedText text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return renderTemplate(text.forLocale(locale()));
    }

    String renderTemplate(String template) {
        if (template == null || !template.contains("{{")) {
            return template == null ? "" : template; // as the renderer does, without building the variables
        }
        try {
            return RENDERER.render(template, vars(), locale());
        } catch (RuntimeException e) {
            log.warn("flow.template.failed conversation={} flow={} step={} error={}", state.id(), state.flowId(),
                    state.step(), e.toString());
            return template;
        }
    }

    /**
     * Sends {@code event} from {@code step} through the machine of {@code flow}, leased for the rest of this turn
     * (one machine per flow version the turn touches), with this turn's variables for the guards of a condition the
     * event enters; empty when the step has no such transition.
     */
    Mono<String> fire(CompiledFlow flow, String step, String event) {
        MachinePool pool = flow.machines();
        FlowMachine leased = machines.get(pool);
        Mono<String> fired = leased != null ? leased.fire(state.id(), step, event, this::vars)
                : pool.lease().flatMap(m -> {
                    machines.put(pool, m);
                    return m.fire(state.id(), step, event, this::vars);
                });
        if (!flow.entersCondition(step, event)) {
            return fired;
        }
        // the branch's step is a fresh visit, as after stopping at the condition
        return fired.doOnNext(target -> state.moveTo(null));
    }

    /**
     * Gives this turn's machines back to their pools once the turn's work is done or failed; after a cancellation
     * a machine may still be inside a transition, so it is dropped rather than shared.
     */
    void releaseMachines(boolean reuse) {
        if (reuse) {
            machines.values().forEach(FlowMachine::release);
        }
        machines.clear();
    }

    TurnOutcome outcome() {
        return new TurnOutcome(replies, debtorText, behaviours);
    }
}
