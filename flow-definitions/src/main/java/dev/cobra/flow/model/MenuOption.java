package dev.cobra.flow.model;

import java.util.List;

/**
 * One choice of a menu.
 *
 * @param id          stable id sent back by buttons and list rows
 * @param title       button or row title (WhatsApp: 20 characters for buttons, 24 for list rows)
 * @param description optional list-row description (72 characters)
 * @param intents     intents that also select this option when typed as free text
 * @param next        target step
 * @param entities    entities that select this option when the free text is not understood well enough or has no
 *                    route but carries one of them (a date typed at the menu is a promise: {@code entities: [date]})
 */
public record MenuOption(String id, LocalizedText title, LocalizedText description, List<String> intents, String next,
                         List<String> entities) {

    public MenuOption {
        intents = intents == null ? List.of() : List.copyOf(intents);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    public MenuOption(String id, LocalizedText title, LocalizedText description, List<String> intents, String next) {
        this(id, title, description, intents, next, null);
    }
}
