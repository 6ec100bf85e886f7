package dev.cobra.flow.template;

/** A template whose placeholders cannot be read, e.g. an unclosed {@code {{} or an empty path. */
public class TemplateSyntaxException extends RuntimeException {

    public TemplateSyntaxException(String message) {
        super(message);
    }
}
