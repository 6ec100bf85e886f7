package dev.cobra.runtime.conversation.message;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What the bot (or an agent) says: {@code {"type":"text","text":..}} or
 * {@code {"type":"options","text":..,"options":[{"id","title"}]}} (CONTRACTS.md, Webchat), or an image or document
 * {@code {"type":"media","text":<caption>,"media":{"type":"image|document","url":..,"filename":..}}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reply(String type, String text, List<Option> options, Media media) {

    public static final String TEXT = "text";
    public static final String OPTIONS = "options";
    public static final String MEDIA = "media";

    public Reply(String type, String text, List<Option> options) {
        this(type, text, options, null);
    }

    public static Reply text(String text) {
        return new Reply(TEXT, text, null);
    }

    public static Reply options(String text, List<Option> options) {
        return new Reply(OPTIONS, text, List.copyOf(options));
    }

    /** An image or document; the caption travels as the reply's text, so transcripts show it. */
    public static Reply media(Media media, String caption) {
        return new Reply(MEDIA, caption, null, media);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Option(String id, String title, String description) {
    }

    /**
     * @param type     {@code image} or {@code document}
     * @param url      {@code https://...} or a path on this server ({@code /...})
     * @param filename documents: the name the debtor sees; null for images
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Media(String type, String url, String filename) {

        public static final String IMAGE = "image";
        public static final String DOCUMENT = "document";

        /** The URL rules of the flow validator, for rendered URLs: https, or a same-server path (not //host). */
        public static boolean safeUrl(String url) {
            if (url == null || url.isEmpty() || url.length() > 2000) {
                return false;
            }
            if (url.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == 0x7f)) {
                return false;
            }
            return url.startsWith("https://") && url.length() > 8 || url.startsWith("/") && !url.startsWith("//");
        }
    }
}
