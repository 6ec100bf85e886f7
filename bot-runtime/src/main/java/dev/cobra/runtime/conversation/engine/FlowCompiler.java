package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.expr.ConditionExpression;
import dev.cobra.flow.model.ConditionBranch;
import dev.cobra.flow.model.ConditionStep;
import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.Step;
import dev.cobra.flow.model.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.statemachine.config.configurers.ChoiceTransitionConfigurer;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.config.configurers.StateConfigurer;
import org.springframework.statemachine.guard.Guard;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a flow version into a Spring Statemachine model that executes the flow: states are the steps, events
 * are the step transitions of {@link Step#transitions()} ({@code next}, {@code option:<id>}, {@code intent:<name>},
 * {@code fail}) plus {@code global:<intent>} from every waiting step for the flow's global routes that target a
 * step. A condition step is a state whose {@value #EVALUATE} event enters a choice pseudo-state: its branches are
 * guarded transitions in the designer's order, the guards being the step's conditions. A transition whose target is a
 * condition step goes straight into that step's choice, so the machine decides the branch in the same event (one
 * event fewer per condition on the way; {@link CompiledFlow#entersCondition}). Where the flow has no
 * transition (a dangling edge, a condition without {@code otherwise}), the machine goes to {@value #NO_TARGET},
 * which the engine reads as "this (sub)flow ends here".
 */
public final class FlowCompiler {

    /** Event prefix of a global route (opt_out, complaint, talk_to_agent, wrong_person) to a step. */
    public static final String GLOBAL_EVENT_PREFIX = "global:";
    /** Event a condition step sends to have its branches evaluated. */
    static final String EVALUATE = "evaluate";
    /** The machine's state for "no step": not a valid step id (step ids are YAML keys without '#'). */
    static final String NO_TARGET = "#end";
    private static final String CHOICE_SUFFIX = "#choice";

    private static final Logger log = LoggerFactory.getLogger(FlowCompiler.class);

    public CompiledFlow compile(Flow flow, int version) {
        Set<String> steps = new LinkedHashSet<>(flow.steps().keySet());
        if (steps.isEmpty() || flow.entry() == null || !steps.contains(flow.entry())) {
            throw new IllegalArgumentException("flow " + flow.id() + "@" + version + " has no valid entry step");
        }
        String key = flow.id() + "@" + version;
        Map<String, Guard<String, String>> guards = guards(flow, key);
        Set<String> throughCondition = new HashSet<>();
        FlowMachineFactory factory;
        try {
            // The model is built once per flow version, and checked (the library verifies it when it builds a
            // machine) at compile time rather than at the first turn.
            factory = build(flow, key, steps, guards, throughCondition);
            factory.newMachine();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("flow " + key + " cannot be compiled: " + e.getMessage(), e);
        }
        MachinePool pool = new MachinePool(key, factory::newMachine);
        return new CompiledFlow(flow, version, pool, Set.copyOf(throughCondition));
    }

    /**
     * The machine state a transition to {@code target} enters: a condition step's choice (or, without branches, the
     * step its {@code otherwise} names), so the branch is taken in the same event; any other step itself.
     */
    private static String entered(Flow flow, Set<String> steps, String target) {
        if (flow.steps().get(target) instanceof ConditionStep condition) {
            if (condition.branches().isEmpty()) {
                String otherwise = condition.otherwise();
                return otherwise != null && steps.contains(otherwise) ? otherwise : NO_TARGET;
            }
            return target + CHOICE_SUFFIX;
        }
        return target;
    }

    /** Adds the transition {@code source --event--> target}, through the target's choice when it is a condition. */
    private static void transition(StateMachineTransitionConfigurer<String, String> transitions, Flow flow,
                                   Set<String> steps, String source, String event, String target,
                                   Set<String> throughCondition) throws Exception {
        String entered = entered(flow, steps, target);
        if (!entered.equals(target)) {
            throughCondition.add(CompiledFlow.transitionKey(source, event));
        }
        transitions.withExternal().source(source).target(entered).event(event);
    }

    /** One guard per condition text, parsed once; an expression that does not parse never holds. */
    private static Map<String, Guard<String, String>> guards(Flow flow, String key) {
        Map<String, Guard<String, String>> guards = new java.util.HashMap<>();
        for (Step step : flow.steps().values()) {
            if (!(step instanceof ConditionStep condition)) {
                continue;
            }
            for (ConditionBranch branch : condition.branches()) {
                guards.computeIfAbsent(branch.when(), when -> {
                    ConditionExpression expression;
                    try {
                        expression = ConditionExpression.parse(when);
                    } catch (RuntimeException e) {
                        log.warn("flow.condition.invalid flow={} step={} error={}", key, step.id(), e.getMessage());
                        return context -> false;
                    }
                    return context -> {
                        Map<String, Object> vars = FlowMachine.vars(context.getMessageHeaders());
                        return vars != null && expression.evaluate(vars);
                    };
                });
            }
        }
        return guards;
    }

    private static FlowMachineFactory build(Flow flow, String key, Set<String> steps,
                                            Map<String, Guard<String, String>> guards,
                                            Set<String> throughCondition) {
        try {
            FlowMachineFactory.Model builder = new FlowMachineFactory.Model();
            // A machine id keeps the library's default bean name off; FlowMachine clears the id (see FlowMachine#restore).
            builder.configuration().withConfiguration().autoStartup(false).machineId(key);
            StateConfigurer<String, String> states = builder.states().withStates().initial(flow.entry());
            states.states(steps).state(NO_TARGET);
            var transitions = builder.transitions();
            for (Step step : flow.steps().values()) {
                if (step instanceof ConditionStep condition) {
                    // EVALUATE serves a condition the engine lands on without an event (a flow's entry, a return).
                    if (condition.branches().isEmpty()) {
                        transitions.withExternal().source(step.id()).event(EVALUATE).target(entered(flow, steps, step.id()));
                        continue;
                    }
                    String choice = step.id() + CHOICE_SUFFIX;
                    states.choice(choice);
                    transitions.withExternal().source(step.id()).target(choice).event(EVALUATE);
                    branches(transitions.withChoice().source(choice), condition, steps, guards);
                    continue;
                }
                Set<String> events = new HashSet<>();
                for (Transition t : step.transitions()) {
                    if (t.target() == null || !steps.contains(t.target()) || !events.add(t.event())) {
                        // The validator reports dangling targets before publication; at run time such an edge
                        // behaves as if absent (the engine then treats the step as the end of the flow).
                        log.warn("flow.compile.skipped_transition flow={} step={} event={}", key, step.id(), t.event());
                        continue;
                    }
                    transition(transitions, flow, steps, step.id(), t.event(), t.target(), throughCondition);
                }
                if (step.waitsForInput()) {
                    for (Map.Entry<String, String> route : flow.globalRoutes().entrySet()) {
                        String target = route.getValue();
                        if (target != null && steps.contains(target) && events.add(GLOBAL_EVENT_PREFIX + route.getKey())) {
                            transition(transitions, flow, steps, step.id(), GLOBAL_EVENT_PREFIX + route.getKey(), target,
                                    throughCondition);
                        }
                    }
                }
            }
            return builder.build();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The branches in the designer's order (first that holds wins), else {@code otherwise}, else no step. */
    private static void branches(ChoiceTransitionConfigurer<String, String> choice, ConditionStep condition,
                                 Set<String> steps, Map<String, Guard<String, String>> guards) {
        List<ConditionBranch> branches = condition.branches();
        for (int i = 0; i < branches.size(); i++) {
            ConditionBranch branch = branches.get(i);
            String target = steps.contains(branch.next()) ? branch.next() : NO_TARGET;
            if (i == 0) {
                choice.first(target, guards.get(branch.when()));
            } else {
                choice.then(target, guards.get(branch.when()));
            }
        }
        String otherwise = condition.otherwise();
        choice.last(otherwise != null && steps.contains(otherwise) ? otherwise : NO_TARGET);
    }
}
