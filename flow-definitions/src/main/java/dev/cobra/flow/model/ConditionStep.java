package dev.cobra.flow.model;

import java.util.ArrayList;
import java.util.List;

/** Goes to the first branch whose expression holds, else to {@code otherwise}. */
public record ConditionStep(String id, List<ConditionBranch> branches, String otherwise) implements Step {

    public ConditionStep {
        branches = branches == null ? List.of() : List.copyOf(branches);
    }

    @Override
    public String type() {
        return "condition";
    }

    @Override
    public List<Transition> transitions() {
        List<Transition> result = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            result.add(new Transition("branch:" + i, branches.get(i).next(), branches.get(i).when()));
        }
        if (otherwise != null) {
            result.add(new Transition("else", otherwise, "else"));
        }
        return result;
    }
}
