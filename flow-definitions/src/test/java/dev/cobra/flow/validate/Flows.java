package dev.cobra.flow.validate;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.read.FlowReader;

import java.util.List;
import java.util.Set;

/** Test helper: builds flows from YAML and runs one rule. */
final class Flows {

    private Flows() {
    }

    static Flow read(String yaml) {
        return new FlowReader().read("t", yaml);
    }

    static List<FlowProblem> check(ValidationRule rule, String yaml, String... knownFlowIds) {
        return rule.check(read(yaml), Set.of(knownFlowIds));
    }
}
