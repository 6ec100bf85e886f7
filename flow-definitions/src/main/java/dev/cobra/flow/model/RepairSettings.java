package dev.cobra.flow.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a flow repairs a conversation that leaves the expected path (docs/flow-language.md, "Repair behaviours").
 * Every field is optional: a subflow without its own value inherits the stage flow's, and a flow without any
 * gets the runtime's built-in behaviour.
 *
 * @param digression    answer an off-step question (balance, how to pay, who are you) and re-prompt the waiting
 *                      step (default true)
 * @param answers       digression answers by intent, replacing the built-in ones (e.g. {@code ask_payment_methods})
 * @param correction    a new value for a slot already given, or a change of mind to another menu branch, is
 *                      taken instead of being treated as a wrong answer (default true)
 * @param cancel        "olvídalo", "ya no", "forget it" leave the current task for the stage menu (default true)
 * @param cancelTarget  the step of the stage flow a cancel goes to (default: the stage flow's first menu)
 * @param cancelText    said on cancel, before the menu
 * @param closingText   the short closing said to thanks/ok after the conversation ended
 * @param clarification two close intents that both have a route get a short choice between them (default true)
 */
public record RepairSettings(Boolean digression, Map<String, LocalizedText> answers, Boolean correction,
                             Boolean cancel, String cancelTarget, LocalizedText cancelText,
                             LocalizedText closingText, Boolean clarification) {

    public RepairSettings {
        answers = answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    public static RepairSettings none() {
        return new RepairSettings(null, null, null, null, null, null, null, null);
    }

    /** This flow's values, each missing one taken from {@code parent} (the stage flow's settings). */
    public RepairSettings over(RepairSettings parent) {
        if (parent == null) {
            return this;
        }
        Map<String, LocalizedText> merged = new LinkedHashMap<>(parent.answers());
        merged.putAll(answers);
        return new RepairSettings(first(digression, parent.digression), merged, first(correction, parent.correction),
                first(cancel, parent.cancel), first(cancelTarget, parent.cancelTarget), first(cancelText, parent.cancelText),
                first(closingText, parent.closingText), first(clarification, parent.clarification));
    }

    public boolean digressionOn() { return !Boolean.FALSE.equals(digression); }
    public boolean correctionOn() { return !Boolean.FALSE.equals(correction); }
    public boolean cancelOn() { return !Boolean.FALSE.equals(cancel); }
    public boolean clarificationOn() { return !Boolean.FALSE.equals(clarification); }

    private static <T> T first(T own, T inherited) {
        return own != null ? own : inherited;
    }
}
