package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.Step;
import dev.cobra.flow.model.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.configurers.ExternalTransitionConfigurer;
import org.springframework.statemachine.config.configurers.StateConfigurer;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a flow version into a Spring Statemachine (states = step ids, events = the step transitions of
 * {@link Step#transitions()}, plus {@code global:<intent>} from every waiting step for the flow's global routes
 * that target a step) and reads the compiled transition table back out of it.
 */
public final class FlowCompiler {

    /** Event prefix of a global route (opt_out, complaint, talk_to_agent, wrong_person) to a step. */
    public static final String GLOBAL_EVENT_PREFIX = "global:";

    private static final Logger log = LoggerFactory.getLogger(FlowCompiler.class);

    public CompiledFlow compile(Flow flow, int version) {
        Set<String> states = new LinkedHashSet<>(flow.steps().keySet());
        if (states.isEmpty() || flow.entry() == null || !states.contains(flow.entry())) {
            throw new IllegalArgumentException("flow " + flow.id() + "@" + version + " has no valid entry step");
        }
        try {
            StateMachineBuilder.Builder<String, String> builder = StateMachineBuilder.builder();
            builder.configureConfiguration().withConfiguration().autoStartup(false).machineId(flow.id() + "@" + version);
            StateConfigurer<String, String> stateConfigurer = builder.configureStates().withStates().initial(flow.entry());
            stateConfigurer.states(states);
            var transitions = builder.configureTransitions();
            boolean any = false;
            for (Step step : flow.steps().values()) {
                Set<String> events = new java.util.HashSet<>();
                for (Transition t : step.transitions()) {
                    if (t.target() == null || !states.contains(t.target()) || !events.add(t.event())) {
                        // The validator reports dangling targets before publication; at run time such an edge
                        // behaves as if absent (the engine then treats the step as the end of the flow).
                        log.warn("flow.compile.skipped_transition flow={} step={} event={}", flow.id(), step.id(), t.event());
                        continue;
                    }
                    ExternalTransitionConfigurer<String, String> external = transitions.withExternal();
                    external.source(step.id()).target(t.target()).event(t.event());
                    any = true;
                }
                if (step.waitsForInput()) {
                    for (Map.Entry<String, String> route : flow.globalRoutes().entrySet()) {
                        String target = route.getValue();
                        if (target != null && states.contains(target)) {
                            transitions.withExternal().source(step.id()).target(target)
                                    .event(GLOBAL_EVENT_PREFIX + route.getKey());
                            any = true;
                        }
                    }
                }
            }
            if (!any) {
                // A one-step flow still needs a model; a self-less machine with no transitions is fine.
                log.debug("flow.compile.no_transitions flow={}", flow.id());
            }
            StateMachine<String, String> machine = builder.build();
            Map<String, Map<String, String>> table = new HashMap<>();
            for (var transition : machine.getTransitions()) {
                if (transition.getTrigger() == null || transition.getTrigger().getEvent() == null) {
                    continue;
                }
                table.computeIfAbsent(transition.getSource().getId(), k -> new HashMap<>())
                        .put(transition.getTrigger().getEvent(), transition.getTarget().getId());
            }
            table.replaceAll((k, v) -> Collections.unmodifiableMap(v));
            return new CompiledFlow(flow, version, Collections.unmodifiableMap(table), machine);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("flow " + flow.id() + "@" + version + " cannot be compiled: " + e.getMessage(), e);
        }
    }
}
