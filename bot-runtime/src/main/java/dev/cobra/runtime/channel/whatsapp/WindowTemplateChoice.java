package dev.cobra.runtime.channel.whatsapp;

import java.util.List;

/**
 * The approved template a message goes out as when WhatsApp's 24-hour window is closed, ready to send.
 *
 * @param name       Meta's template name
 * @param language   Meta's language code
 * @param parameters body parameters, already filled in for the debtor
 * @param source     {@code flow:<id>} when the conversation's flow chose it, {@code global} for the setting
 */
public record WindowTemplateChoice(String name, String language, List<String> parameters, String source) {

    public WindowTemplateChoice {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}
