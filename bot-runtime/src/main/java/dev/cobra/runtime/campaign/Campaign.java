package dev.cobra.runtime.campaign;

import java.time.Instant;

/**
 * A campaign. Status: {@code draft} (created, audience not fixed), {@code running}, {@code paused},
 * {@code cancelled}; the audience is fixed when it starts.
 */
public record Campaign(String id, String name, String flowId, String templateName, String templateLanguage,
                       Segment segment, String channel, String status, Instant createdAt, String createdBy,
                       Instant startedAt, Integer audience) {

    public static final String DRAFT = "draft";
    public static final String RUNNING = "running";
    public static final String PAUSED = "paused";
    public static final String CANCELLED = "cancelled";
}
