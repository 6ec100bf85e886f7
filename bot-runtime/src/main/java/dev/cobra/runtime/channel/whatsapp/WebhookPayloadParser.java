package dev.cobra.runtime.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads Meta's webhook payload ({@code object: whatsapp_business_account}, entries, changes of field
 * {@code messages}) into inbound messages and status updates. Unknown shapes are skipped, never an error:
 * Meta adds fields and types over time.
 */
public final class WebhookPayloadParser {

    private final ObjectMapper objectMapper;

    public WebhookPayloadParser(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** Longest text taken from a debtor, on every channel (the webchat has the same limit). */
    public static final int MAX_TEXT_LENGTH = 4096;
    /** Type given to a text over {@link #MAX_TEXT_LENGTH}. */
    static final String TOO_LONG = "text_too_long";
    /** Type given to an interactive reply Meta reports with {@code errors[]} or without a choice. */
    static final String INTERACTIVE_ERROR = "interactive_error";

    /** Later timestamps are taken as garbage (year 9999). */
    private static final Instant LATEST_TIMESTAMP = Instant.parse("9999-12-31T23:59:59Z");

    public record Parsed(List<WhatsAppInbound> messages, List<WhatsAppStatusUpdate> statuses) {
    }

    /** @throws IOException when the body is not JSON at all */
    public Parsed parse(byte[] body) throws IOException {
        JsonNode root = objectMapper.readTree(body);
        List<WhatsAppInbound> messages = new ArrayList<>();
        List<WhatsAppStatusUpdate> statuses = new ArrayList<>();
        if (root == null) {
            return new Parsed(messages, statuses);
        }
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                JsonNode contacts = value.path("contacts");
                for (JsonNode message : value.path("messages")) {
                    WhatsAppInbound inbound = message(message, contacts);
                    if (inbound != null) {
                        messages.add(inbound);
                    }
                }
                for (JsonNode status : value.path("statuses")) {
                    String wamid = text(status, "id");
                    if (wamid != null) {
                        JsonNode error = status.path("errors").path(0);
                        statuses.add(new WhatsAppStatusUpdate(wamid, text(status, "status"), epoch(status),
                                error.hasNonNull("code") ? error.get("code").asInt() : null, text(error, "title"),
                                text(status, "biz_opaque_callback_data"), text(status, "recipient_id")));
                    }
                }
            }
        }
        // Meta may batch several messages of one user; process them in the order the user sent them.
        messages.sort(Comparator.comparing(WhatsAppInbound::sentAt));
        return new Parsed(messages, statuses);
    }

    private WhatsAppInbound message(JsonNode message, JsonNode contacts) {
        String wamid = text(message, "id");
        if (wamid == null) {
            return null;
        }
        String phone = digitsOrNull(text(message, "from"));
        String bsuid = text(message, "from_user_id");
        JsonNode contact = contactFor(contacts, phone);
        if (phone == null) {
            phone = digitsOrNull(text(contact, "wa_id"));
        }
        if (bsuid == null) {
            bsuid = text(contact, "user_id");
        }
        if (bsuid == null && text(message, "from") != null && phone == null) {
            bsuid = text(message, "from"); // a BSUID-only sender may be reported in `from` itself
        }
        if (phone == null && bsuid == null) {
            return null; // nobody to answer: not a message we can take
        }
        String type = text(message, "type") == null ? "unsupported" : text(message, "type");
        String text = null;
        String optionId = null;
        String mediaId = null;
        String mimeType = null;
        String filename = null;
        switch (type) {
            case "text" -> {
                text = text(message.path("text"), "body");
                if (text != null && text.length() > MAX_TEXT_LENGTH) {
                    type = TOO_LONG; // answered politely; the body itself is not kept
                    text = null;
                }
            }
            case "interactive" -> {
                JsonNode interactive = message.path("interactive");
                String kind = text(interactive, "type");
                if (message.path("errors").size() > 0 || kind == null) {
                    type = INTERACTIVE_ERROR; // Meta could not read the reply: nothing the debtor chose
                } else if ("button_reply".equals(kind) || "list_reply".equals(kind)) {
                    JsonNode reply = interactive.path(kind);
                    optionId = text(reply, "id");
                    text = text(reply, "title");
                    if (optionId == null && text == null) {
                        type = INTERACTIVE_ERROR;
                    }
                } else {
                    type = "interactive:" + kind; // nfm_reply (a flow completed), call_permission_reply, ...
                }
            }
            case "reaction" -> text = text(message.path("reaction"), "emoji"); // null when a reaction is removed
            case "button" -> {
                optionId = text(message.path("button"), "payload");
                text = text(message.path("button"), "text");
            }
            case "image", "document", "audio", "video", "sticker" -> {
                JsonNode media = message.path(type);
                mediaId = text(media, "id");
                mimeType = text(media, "mime_type");
                filename = text(media, "filename");
                text = text(media, "caption");
                if (text != null && text.length() > MAX_TEXT_LENGTH) {
                    text = text.substring(0, MAX_TEXT_LENGTH);
                }
            }
            default -> {
                // location, contacts, reaction, order, system, unsupported: answered by type, no content needed
            }
        }
        return new WhatsAppInbound(wamid, phone, bsuid, type, text, optionId, mediaId, mimeType, filename,
                epoch(message));
    }

    private static JsonNode contactFor(JsonNode contacts, String phone) {
        for (JsonNode contact : contacts) {
            if (phone != null && phone.equals(digitsOrNull(text(contact, "wa_id")))) {
                return contact;
            }
        }
        return contacts.size() == 1 ? contacts.get(0) : objectNodeMissing();
    }

    private static JsonNode objectNodeMissing() {
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static Instant epoch(JsonNode node) {
        String seconds = text(node, "timestamp");
        try {
            Instant sent = seconds == null ? Instant.now() : Instant.ofEpochSecond(Long.parseLong(seconds));
            // Out of the range a BSON date holds (and certainly not a real send time): take the arrival time.
            return sent.isAfter(LATEST_TIMESTAMP) || sent.isBefore(Instant.EPOCH) ? Instant.now() : sent;
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Instant.now();
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    /** A phone as digits only; null when the value is not a phone (e.g. a BSUID like {@code CO.1502...}). */
    static String digitsOrNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.startsWith("+") ? value.substring(1) : value;
        return trimmed.matches("\\d{6,15}") ? trimmed : null;
    }
}
