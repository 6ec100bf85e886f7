package dev.cobra.runtime.channel.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cobra.runtime.conversation.message.Reply;

import java.util.List;
import java.util.Locale;

/**
 * Builds Graph API message bodies (Meta's JSON) from channel-neutral replies, within WhatsApp's interactive
 * limits: a menu becomes reply buttons when it fits, else a list, else numbered text (the engine accepts an
 * option's 1-based number).
 */
public final class GraphMessages {

    /** Reply buttons per message (Meta, interactive reply buttons). */
    static final int MAX_BUTTONS = 3;
    /** Characters in a reply button title (Meta). */
    static final int MAX_BUTTON_TITLE = 20;
    /** Rows in a list message, all sections together (Meta). */
    static final int MAX_LIST_ROWS = 10;
    /** Characters in a list row title (Meta). */
    static final int MAX_ROW_TITLE = 24;
    /** Characters in a list row description (Meta). */
    static final int MAX_ROW_DESCRIPTION = 72;
    /** Characters in an interactive body (Meta). */
    static final int MAX_INTERACTIVE_BODY = 1024;
    /** Characters in a text message body (Meta). */
    static final int MAX_TEXT_BODY = 4096;
    /** Characters in the list's button label and section title (Meta). */
    static final int MAX_LIST_BUTTON = 20;

    /** Characters in a media caption (Meta). */
    static final int MAX_CAPTION = 1024;

    private final ObjectMapper objectMapper;
    /** Where paths on this server ({@code /media/...}) are reached from outside; Meta fetches media by URL. */
    private final String publicBaseUrl;

    public GraphMessages(ObjectMapper objectMapper) {
        this(objectMapper, null);
    }

    /** @param publicBaseUrl {@code bot.public-url}, to make relative media URLs absolute for Meta */
    public GraphMessages(ObjectMapper objectMapper, String publicBaseUrl) {
        this.objectMapper = objectMapper;
        this.publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null
                : publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** A BSUID looks like {@code CO.1502576394655843}; a phone is digits (with or without '+'). */
    static boolean isPhone(String address) {
        return WebhookPayloadParser.digitsOrNull(address) != null;
    }

    ObjectNode envelope(String address) {
        ObjectNode body = objectMapper.createObjectNode();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        if (isPhone(address)) {
            body.put("to", WebhookPayloadParser.digitsOrNull(address));
        } else {
            // Username users without a known phone are addressed by BSUID (Meta, business-scoped user ids).
            body.put("recipient", address);
        }
        return body;
    }

    public ObjectNode fromReply(String address, Reply reply, String locale) {
        if (Reply.OPTIONS.equals(reply.type()) && reply.options() != null && !reply.options().isEmpty()) {
            return options(address, reply.text(), reply.options(), locale);
        }
        if (Reply.MEDIA.equals(reply.type()) && reply.media() != null) {
            ObjectNode media = media(address, reply.media(), reply.text());
            if (media != null) {
                return media;
            }
        }
        return text(address, reply.text());
    }

    /**
     * An image or document message: Meta downloads it from {@code link} (Cloud API media messages). A path on this
     * server is made absolute with {@code bot.public-url}; null when the URL cannot be sent (the caller falls back
     * to the caption as text).
     */
    ObjectNode media(String address, Reply.Media media, String caption) {
        boolean image = Reply.Media.IMAGE.equals(media.type());
        if (!image && !Reply.Media.DOCUMENT.equals(media.type()) || !Reply.Media.safeUrl(media.url())) {
            return null;
        }
        String link = media.url();
        if (link.startsWith("/")) {
            if (publicBaseUrl == null) {
                return null;
            }
            link = publicBaseUrl + link;
        }
        ObjectNode body = envelope(address);
        String type = image ? "image" : "document";
        body.put("type", type);
        ObjectNode content = body.putObject(type);
        content.put("link", link);
        if (caption != null && !caption.isBlank()) {
            content.put("caption", cut(caption, MAX_CAPTION));
        }
        if (!image && media.filename() != null && !media.filename().isBlank()) {
            content.put("filename", media.filename());
        }
        return body;
    }

    public ObjectNode text(String address, String text) {
        ObjectNode body = envelope(address);
        body.put("type", "text");
        ObjectNode content = body.putObject("text");
        content.put("body", cut(text == null || text.isBlank() ? "…" : text, MAX_TEXT_BODY));
        content.put("preview_url", text != null && text.contains("https://"));
        return body;
    }

    ObjectNode options(String address, String text, List<Reply.Option> options, String locale) {
        boolean english = locale != null && locale.toLowerCase(Locale.ROOT).startsWith("en");
        String bodyText = text == null || text.isBlank() ? (english ? "Choose an option" : "Elige una opción") : text;
        boolean fitsButtons = options.size() <= MAX_BUTTONS
                && options.stream().allMatch(o -> o.title() != null && o.title().length() <= MAX_BUTTON_TITLE);
        if (fitsButtons) {
            ObjectNode body = envelope(address);
            body.put("type", "interactive");
            ObjectNode interactive = body.putObject("interactive");
            interactive.put("type", "button");
            interactive.putObject("body").put("text", cut(bodyText, MAX_INTERACTIVE_BODY));
            ArrayNode buttons = interactive.putObject("action").putArray("buttons");
            for (Reply.Option option : options) {
                ObjectNode button = buttons.addObject();
                button.put("type", "reply");
                button.putObject("reply").put("id", option.id()).put("title", option.title());
            }
            return body;
        }
        if (options.size() <= MAX_LIST_ROWS) {
            ObjectNode body = envelope(address);
            body.put("type", "interactive");
            ObjectNode interactive = body.putObject("interactive");
            interactive.put("type", "list");
            interactive.putObject("body").put("text", cut(bodyText, MAX_INTERACTIVE_BODY));
            ObjectNode action = interactive.putObject("action");
            action.put("button", cut(english ? "See options" : "Ver opciones", MAX_LIST_BUTTON));
            ObjectNode section = action.putArray("sections").addObject();
            section.put("title", cut(english ? "Options" : "Opciones", MAX_ROW_TITLE));
            ArrayNode rows = section.putArray("rows");
            for (Reply.Option option : options) {
                String title = option.title() == null ? option.id() : option.title();
                ObjectNode row = rows.addObject();
                row.put("id", option.id());
                row.put("title", cut(title, MAX_ROW_TITLE));
                String description = option.description();
                if (description == null && title.length() > MAX_ROW_TITLE) {
                    description = title; // the full title, when the row title had to be shortened
                }
                if (description != null) {
                    row.put("description", cut(description, MAX_ROW_DESCRIPTION));
                }
            }
            return body;
        }
        StringBuilder numbered = new StringBuilder(bodyText);
        for (int i = 0; i < options.size(); i++) {
            numbered.append('\n').append(i + 1).append(". ").append(options.get(i).title());
        }
        return text(address, numbered.toString());
    }

    /** An approved template: the only kind of message allowed outside the 24-hour customer service window. */
    public ObjectNode template(String address, String name, String languageCode, List<String> bodyParameters) {
        ObjectNode body = envelope(address);
        body.put("type", "template");
        ObjectNode template = body.putObject("template");
        template.put("name", name);
        template.putObject("language").put("code", languageCode);
        if (bodyParameters != null && !bodyParameters.isEmpty()) {
            ArrayNode parameters = template.putArray("components").addObject().put("type", "body")
                    .putArray("parameters");
            bodyParameters.forEach(p -> parameters.addObject().put("type", "text").put("text", p));
        }
        return body;
    }

    /** Meta's language codes for the product's locales; the configured default for the rest. */
    static String templateLanguage(String locale, String fallback) {
        if (locale == null) {
            return fallback;
        }
        return switch (locale.replace('_', '-').toLowerCase(Locale.ROOT)) {
            case "es-mx" -> "es_MX";
            case "es-ar" -> "es_AR";
            case "es-es" -> "es_ES";
            case "en-us" -> "en_US";
            case "en-gb" -> "en_GB";
            default -> locale.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : fallback;
        };
    }

    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
