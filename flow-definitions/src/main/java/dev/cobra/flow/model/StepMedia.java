package dev.cobra.flow.model;

/**
 * An image or a document a message step sends (e.g. a PDF statement), with an optional caption.
 *
 * @param type     {@code image} or {@code document}
 * @param url      an {@code https://} URL or a path on this server starting with {@code /}; may hold placeholders
 * @param filename documents only: the file name the debtor sees, e.g. {@code estado-de-cuenta.pdf}
 * @param caption  shown with the media (WhatsApp: up to 1024 characters); the image's alternative text on webchat
 */
public record StepMedia(String type, String url, String filename, LocalizedText caption) {

    public static final String IMAGE = "image";
    public static final String DOCUMENT = "document";
}
