package dev.cobra.runtime.flow;

import dev.cobra.flow.model.ActionStep;
import dev.cobra.flow.model.ConditionStep;
import dev.cobra.flow.model.EndStep;
import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.HandoffStep;
import dev.cobra.flow.model.InputStep;
import dev.cobra.flow.model.LocalizedText;
import dev.cobra.flow.model.MenuStep;
import dev.cobra.flow.model.MessageStep;
import dev.cobra.flow.model.Step;
import dev.cobra.flow.model.SubflowStep;
import dev.cobra.flow.model.Transition;

import java.util.ArrayList;
import java.util.List;

/**
 * A flow as a graph for the designer: one node per step, one edge per transition, plus the global routes
 * (entered from any waiting step, so they are not edges of one step).
 *
 * @param entry        id of the entry step
 * @param nodes        steps in declaration order
 * @param edges        transitions; a target may name a missing step, which the validator reports
 * @param globalRoutes intent to target ({@code flow:<id>} for a subflow)
 */
public record FlowGraph(String entry, List<Node> nodes, List<Edge> edges, List<GlobalRoute> globalRoutes) {

    /** Characters of step text shown on a node. */
    static final int LABEL_LENGTH = 80;

    /**
     * @param flow the called flow for a subflow step, else null (lets the designer navigate into it)
     */
    public record Node(String id, String type, String label, boolean entry, String flow) {
    }

    public record Edge(String source, String target, String event, String label) {
    }

    public record GlobalRoute(String intent, String target) {
    }

    public static FlowGraph of(Flow flow) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (Step step : flow.steps().values()) {
            nodes.add(new Node(step.id(), step.type(), label(step, flow.defaultLocale()), step.id().equals(flow.entry()),
                    step instanceof SubflowStep subflow ? subflow.flow() : null));
            for (Transition transition : step.transitions()) {
                edges.add(new Edge(step.id(), transition.target(), transition.event(), transition.label()));
            }
        }
        List<GlobalRoute> routes = new ArrayList<>();
        flow.globalRoutes().forEach((intent, target) -> routes.add(new GlobalRoute(intent, target)));
        return new FlowGraph(flow.entry(), nodes, edges, routes);
    }

    private static String label(Step step, String locale) {
        if (step instanceof MessageStep s) {
            return text(s.text(), locale, step);
        }
        if (step instanceof MenuStep s) {
            return text(s.text(), locale, step);
        }
        if (step instanceof InputStep s) {
            return text(s.text(), locale, step);
        }
        if (step instanceof HandoffStep s) {
            return "→ " + s.queue();
        }
        if (step instanceof EndStep s) {
            return s.disposition() == null ? text(s.text(), locale, step) : s.disposition().name();
        }
        if (step instanceof ActionStep s) {
            return s.action() == null ? step.id() : s.action().yamlName();
        }
        if (step instanceof SubflowStep s) {
            return "↪ " + s.flow();
        }
        if (step instanceof ConditionStep s) {
            return s.branches().isEmpty() ? step.id() : s.branches().get(0).when();
        }
        return step.id();
    }

    private static String text(LocalizedText text, String locale, Step step) {
        if (text == null || text.isEmpty()) {
            return step.id();
        }
        String value = text.forLocale(locale);
        return value.length() <= LABEL_LENGTH ? value : value.substring(0, LABEL_LENGTH - 1) + "…";
    }
}
