package dev.cobra.flow.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What an input step expects. */
public enum EntityType {
    /** A calendar date, resolved in the debtor's time zone, never in the past. */
    DATE,
    /** A money amount. */
    AMOUNT,
    /** A number of installments. */
    INSTALLMENTS,
    /** Any text. */
    TEXT,
    /** Digits of an identity document (the last four, for right-party verification). */
    DOCUMENT;

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static EntityType fromYaml(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
