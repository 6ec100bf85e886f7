package dev.cobra.runtime.campaign;

import java.time.Instant;

/**
 * A campaign. Status: {@code draft} (created, audience not fixed), {@code running}, {@code paused},
 * {@code cancelled}; the audience is fixed when it starts. {@code templateParameters} are the variable paths that
 * fill the template's body parameters {@code {{1}}}, {@code {{2}}}, ... in order ({@link TemplateParameters}).
 */
public record Campaign(String id, String name, String flowId, String templateName, String templateLanguage,
                       Segment segment, String channel, String status, Instant createdAt, String createdBy,
                       Instant startedAt, Integer audience, java.util.List<String> templateParameters) {

    public Campaign {
        templateParameters = templateParameters == null ? java.util.List.of() : java.util.List.copyOf(templateParameters);
    }

    public Campaign(String id, String name, String flowId, String templateName, String templateLanguage,
                    Segment segment, String channel, String status, Instant createdAt, String createdBy,
                    Instant startedAt, Integer audience) {
        this(id, name, flowId, templateName, templateLanguage, segment, channel, status, createdAt, createdBy,
                startedAt, audience, java.util.List.of());
    }

    public static final String DRAFT = "draft";
    public static final String RUNNING = "running";
    public static final String PAUSED = "paused";
    public static final String CANCELLED = "cancelled";
}
