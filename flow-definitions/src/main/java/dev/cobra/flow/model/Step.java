package dev.cobra.flow.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * One step of a flow. The YAML key of a step is its id; {@code type} selects the record.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MessageStep.class, name = "message"),
        @JsonSubTypes.Type(value = MenuStep.class, name = "menu"),
        @JsonSubTypes.Type(value = InputStep.class, name = "input"),
        @JsonSubTypes.Type(value = ConditionStep.class, name = "condition"),
        @JsonSubTypes.Type(value = ActionStep.class, name = "action"),
        @JsonSubTypes.Type(value = HandoffStep.class, name = "handoff"),
        @JsonSubTypes.Type(value = SubflowStep.class, name = "subflow"),
        @JsonSubTypes.Type(value = ReturnStep.class, name = "return"),
        @JsonSubTypes.Type(value = EndStep.class, name = "end")
})
public sealed interface Step
        permits MessageStep, MenuStep, InputStep, ConditionStep, ActionStep, HandoffStep, SubflowStep, ReturnStep, EndStep {

    String id();

    /** The YAML name of this step's type. */
    String type();

    /** Whether executing this step ends the turn and waits for the debtor. */
    default boolean waitsForInput() {
        return false;
    }

    /** Every step id this step can move to within the same flow, for validation and the graph. */
    List<Transition> transitions();
}
