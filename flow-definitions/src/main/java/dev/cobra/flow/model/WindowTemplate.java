package dev.cobra.flow.model;

import java.util.List;

/**
 * An approved WhatsApp message template (Meta's template registry) a flow sends instead of free-form messages
 * outside the 24-hour customer service window.
 *
 * @param name       the template's name as approved by Meta, e.g. {@code cobro_seguimiento}
 * @param language   Meta's language code, e.g. {@code es} or {@code es_MX}; null: derived from the debtor's locale
 * @param parameters the body parameters {@code {{1}}, {{2}}...} in order, each a text with placeholders such as
 *                   {@code {{debtor.firstName}}}, rendered for the debtor when the template is sent
 */
public record WindowTemplate(String name, String language, List<String> parameters) {

    public WindowTemplate {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}
