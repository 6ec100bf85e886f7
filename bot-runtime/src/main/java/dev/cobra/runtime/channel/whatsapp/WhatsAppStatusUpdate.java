package dev.cobra.runtime.channel.whatsapp;

import java.time.Instant;

/**
 * A delivery status of a message we sent ({@code sent}, {@code delivered}, {@code read}, {@code failed}).
 *
 * @param errorCode    Meta's error code when failed (e.g. 131047 re-engagement required), else null
 * @param callbackData the {@code biz_opaque_callback_data} the message was sent with (our outbox id), else null
 * @param recipientId  the {@code recipient_id} Meta reports (the user's phone digits), else null
 */
public record WhatsAppStatusUpdate(String wamid, String status, Instant at, Integer errorCode, String errorTitle,
                                   String callbackData, String recipientId) {

    public WhatsAppStatusUpdate(String wamid, String status, Instant at, Integer errorCode, String errorTitle) {
        this(wamid, status, at, errorCode, errorTitle, null, null);
    }

    /** Statuses only move forward; a late {@code sent} never overwrites {@code read}. */
    public int rank() {
        return switch (status == null ? "" : status) {
            case "sent" -> 1;
            case "delivered" -> 2;
            case "read" -> 3;
            case "failed" -> 4;
            default -> 0;
        };
    }
}
