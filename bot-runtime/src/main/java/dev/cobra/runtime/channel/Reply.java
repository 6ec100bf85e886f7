package dev.cobra.runtime.channel;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What the bot (or an agent) says: {@code {"type":"text","text":..}} or
 * {@code {"type":"options","text":..,"options":[{"id","title"}]}} (CONTRACTS.md, Webchat).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reply(String type, String text, List<Option> options) {

    public static final String TEXT = "text";
    public static final String OPTIONS = "options";

    public static Reply text(String text) {
        return new Reply(TEXT, text, null);
    }

    public static Reply options(String text, List<Option> options) {
        return new Reply(OPTIONS, text, List.copyOf(options));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Option(String id, String title, String description) {
    }
}
