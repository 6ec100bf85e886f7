package dev.cobra.flow.validate;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.MessageStep;
import dev.cobra.flow.model.Step;
import dev.cobra.flow.model.StepMedia;
import dev.cobra.flow.template.TemplateReference;
import dev.cobra.flow.template.TemplateRenderer;
import dev.cobra.flow.template.TemplateSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A message step's {@code media} must be sendable on both channels: type {@code image} or {@code document}, a URL
 * that is {@code https://} or a path on this server ({@code /...}; never {@code http:}, {@code javascript:} or
 * {@code //host}), a file name only on documents and without path separators, and a caption WhatsApp accepts
 * (at most {@value #MAX_CAPTION} characters once filled in). Codes {@code bad_media_type}, {@code bad_media_url},
 * {@code bad_media_filename}, {@code caption_too_long}.
 */
public final class MediaRule implements ValidationRule {

    public static final String BAD_TYPE = "bad_media_type";
    public static final String BAD_URL = "bad_media_url";
    public static final String BAD_FILENAME = "bad_media_filename";
    public static final String CAPTION_TOO_LONG = "caption_too_long";

    /** Characters of a media caption (Meta, Cloud API media messages). */
    public static final int MAX_CAPTION = 1024;
    /** Longest URL accepted; real statement links are far shorter. */
    static final int MAX_URL = 2000;
    static final Pattern FILENAME = Pattern.compile("^[^/\\\\<>:\"|?*\\x00-\\x1F]{1,200}$");

    @Override
    public List<FlowProblem> check(Flow flow, Set<String> knownFlowIds) {
        List<FlowProblem> problems = new ArrayList<>();
        for (Step step : flow.steps().values()) {
            if (step instanceof MessageStep message && message.media() != null) {
                checkMedia(flow, message.id(), message.media(), problems);
            }
        }
        return problems;
    }

    private static void checkMedia(Flow flow, String stepId, StepMedia media, List<FlowProblem> problems) {
        String where = "The media of step '" + stepId + "'";
        if (!StepMedia.IMAGE.equals(media.type()) && !StepMedia.DOCUMENT.equals(media.type())) {
            problems.add(new FlowProblem(flow.id(), stepId, BAD_TYPE, where + " has type '" + media.type()
                    + "'; use image or document"));
        }
        String urlProblem = urlProblem(media.url());
        if (urlProblem != null) {
            problems.add(new FlowProblem(flow.id(), stepId, BAD_URL, where + ": " + urlProblem));
        }
        if (media.filename() != null) {
            if (!StepMedia.DOCUMENT.equals(media.type())) {
                problems.add(new FlowProblem(flow.id(), stepId, BAD_FILENAME, where
                        + " has a filename, which only documents take"));
            } else if (!FILENAME.matcher(media.filename()).matches()) {
                problems.add(new FlowProblem(flow.id(), stepId, BAD_FILENAME, where + " has the filename '"
                        + media.filename() + "'; use a plain file name such as estado-de-cuenta.pdf"));
            }
        }
        if (media.caption() != null) {
            media.caption().byLocale().forEach((locale, value) -> {
                int length = WhatsAppLimitsRule.worstCaseLength(value);
                if (length > MAX_CAPTION) {
                    problems.add(new FlowProblem(flow.id(), stepId, CAPTION_TOO_LONG, where + " has a caption (" + locale
                            + ") that can reach " + length + " characters once filled in; WhatsApp allows " + MAX_CAPTION));
                }
            });
        }
    }

    /** Null when the URL is acceptable; placeholders are allowed after the scheme or leading slash. */
    static String urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return "it has no url";
        }
        if (url.length() > MAX_URL) {
            return "its url is longer than " + MAX_URL + " characters";
        }
        String literal = url.replaceAll("\\{\\{[^}]*}}", "");
        if (literal.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\')) {
            return "its url contains spaces, quotes or angle brackets";
        }
        boolean shapeOk = url.startsWith("https://") && url.length() > "https://".length()
                || url.startsWith("/") && !url.startsWith("//");
        if (shapeOk) {
            try {
                for (TemplateReference reference : TemplateRenderer.references(url)) {
                    String unknown = KnownVariables.problemWith(reference.path());
                    if (unknown != null) {
                        return "its url: " + unknown;
                    }
                }
            } catch (TemplateSyntaxException e) {
                return "its url: " + e.getMessage();
            }
            return null;
        }
        return "its url '" + url + "' must start with https:// or be a path on this server starting with /";
    }
}
