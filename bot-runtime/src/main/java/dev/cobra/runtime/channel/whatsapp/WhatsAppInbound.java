package dev.cobra.runtime.channel.whatsapp;

import java.time.Instant;

/**
 * One inbound WhatsApp message, normalised from Meta's webhook payload. Either {@code phone} or {@code bsuid}
 * is set (both usually); a user who adopted a username may come with the BSUID only.
 *
 * @param wamid       Meta's message id, unique: the deduplication key
 * @param phone       the user's number as digits (Meta's {@code wa_id}), or null
 * @param bsuid       the business-scoped user id ({@code user_id}), or null
 * @param type        Meta's message type ({@code text}, {@code interactive}, {@code button}, {@code image}, ...)
 * @param text        typed text, a template button's text, or a media caption
 * @param optionId    chosen reply button / list row id, or a template button's payload
 * @param mediaId     Graph API media id of an image, document, audio or video
 * @param mimeType    the media's MIME type
 * @param filename    a document's file name
 * @param sentAt      when the user sent it (Meta's timestamp)
 */
public record WhatsAppInbound(String wamid, String phone, String bsuid, String type, String text, String optionId,
                              String mediaId, String mimeType, String filename, Instant sentAt) {

    /** The address replies go to: the phone when known, else the BSUID (PRODUCT.md, usernames). */
    public String userKey() {
        return phone != null ? phone : bsuid;
    }
}
