package dev.cobra.runtime.campaign;

import java.time.Instant;
import java.util.List;

/**
 * A campaign. Status: {@code draft} (created, audience not fixed), {@code running}, {@code paused},
 * {@code cancelled}; the audience is fixed when it starts. {@code channels} is the per-debtor order of channels
 * ({@code whatsapp}, {@code sms}, {@code email}): the next one is tried when the debtor has no consent or no
 * address on the one before; {@code channel} is the first. The WhatsApp template is needed only when WhatsApp is
 * one of them (SMS and email carry the debtor's personal chat link). {@code templateParameters} are the variable
 * paths that fill the template's body parameters {@code {{1}}}, {@code {{2}}}, ... in order ({@link TemplateParameters}).
 */
public record Campaign(String id, String name, String flowId, String templateName, String templateLanguage,
                       Segment segment, String channel, String status, Instant createdAt, String createdBy,
                       Instant startedAt, Integer audience, List<String> channels, List<String> templateParameters) {

    public Campaign {
        channels = channels == null || channels.isEmpty() ? List.of(channel == null ? "whatsapp" : channel)
                : List.copyOf(channels);
        channel = channels.get(0);
        templateParameters = templateParameters == null ? List.of() : List.copyOf(templateParameters);
    }

    /** A single-channel campaign. */
    public Campaign(String id, String name, String flowId, String templateName, String templateLanguage,
                    Segment segment, String channel, String status, Instant createdAt, String createdBy,
                    Instant startedAt, Integer audience) {
        this(id, name, flowId, templateName, templateLanguage, segment, channel, status, createdAt, createdBy,
                startedAt, audience, null, null);
    }

    public boolean usesWhatsApp() {
        return channels.contains("whatsapp");
    }

    public static final String DRAFT = "draft";
    public static final String RUNNING = "running";
    public static final String PAUSED = "paused";
    public static final String CANCELLED = "cancelled";
}
