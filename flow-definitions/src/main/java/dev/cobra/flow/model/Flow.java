package dev.cobra.flow.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One flow: a titled set of steps with an entry step.
 *
 * @param id           stable identifier, e.g. {@code early}; also the file name without {@code .yaml}
 * @param title        human title shown in the designer
 * @param description  optional longer text
 * @param entry        id of the first step
 * @param locales      locales the texts are written for, first one is the default (e.g. {@code [es, en]})
 * @param selection    when present, the days-past-due range this flow is started for (stage flows)
 * @param settings     NLU thresholds and domain limits; never null (defaults apply)
 * @param globalRoutes intent name to target for the global intents (opt_out, complaint, talk_to_agent,
 *                     wrong_person); a target is a step id of this flow or {@code flow:<id>} for a subflow
 * @param whatsapp     WhatsApp settings (the window template); null when the flow has none
 * @param repair       repair behaviours (digression, correction, cancel, completion, clarification); never null
 * @param entities     custom entity names the flow's inputs may be filled from, besides the NLU's built-ins
 * @param steps        steps by id, in declaration order
 */
public record Flow(
        String id,
        String title,
        String description,
        String entry,
        List<String> locales,
        StageSelection selection,
        FlowSettings settings,
        Map<String, String> globalRoutes,
        WhatsAppSettings whatsapp,
        RepairSettings repair,
        List<String> entities,
        Map<String, Step> steps) {

    public Flow {
        locales = locales == null || locales.isEmpty() ? List.of("es") : List.copyOf(locales);
        settings = settings == null ? FlowSettings.defaults() : settings;
        globalRoutes = globalRoutes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(globalRoutes));
        repair = repair == null ? RepairSettings.none() : repair;
        entities = entities == null ? List.of() : List.copyOf(entities);
        steps = steps == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }

    public Optional<Step> step(String stepId) {
        return Optional.ofNullable(steps.get(stepId));
    }

    /** The flow's own window template, or empty when it relies on the runtime's global one. */
    public Optional<WindowTemplate> ownWindowTemplate() {
        return whatsapp == null ? Optional.empty() : Optional.ofNullable(whatsapp.windowTemplate());
    }

    public String defaultLocale() {
        return locales.get(0);
    }
}
