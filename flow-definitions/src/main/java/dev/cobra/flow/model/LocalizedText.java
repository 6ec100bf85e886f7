package dev.cobra.flow.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A text in several locales. In YAML either a plain string (the flow's default locale) or a map
 * {@code {es: "...", en: "...", es-MX: "..."}}. Lookup falls back from {@code es-MX} to {@code es} to the
 * first text written.
 */
public record LocalizedText(Map<String, String> byLocale) {

    /** Key used when the YAML gives a plain string. */
    public static final String ANY = "*";

    public LocalizedText {
        byLocale = byLocale == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byLocale));
    }

    @JsonCreator
    public static LocalizedText of(String text) {
        return new LocalizedText(Map.of(ANY, text));
    }

    @JsonCreator
    public static LocalizedText of(Map<String, String> byLocale) {
        return new LocalizedText(byLocale);
    }

    @JsonValue
    public Object toJson() {
        return byLocale.size() == 1 && byLocale.containsKey(ANY) ? byLocale.get(ANY) : byLocale;
    }

    /** The text for a locale tag like {@code es-CO}, falling back to its language, then to the first text. */
    public String forLocale(String locale) {
        if (byLocale.isEmpty()) {
            return "";
        }
        if (locale != null) {
            String exact = byLocale.get(locale);
            if (exact != null) {
                return exact;
            }
            int dash = locale.indexOf('-');
            if (dash > 0) {
                String language = byLocale.get(locale.substring(0, dash));
                if (language != null) {
                    return language;
                }
            }
        }
        return byLocale.values().iterator().next();
    }

    public boolean isEmpty() {
        return byLocale.isEmpty();
    }
}
