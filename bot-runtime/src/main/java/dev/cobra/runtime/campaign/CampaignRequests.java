package dev.cobra.runtime.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.web.error.ApiException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads and checks a {@code POST /api/campaigns} body; every problem is named in one 400 answer. */
final class CampaignRequests {

    static final List<String> CHANNELS = List.of("whatsapp", "sms", "email");

    private CampaignRequests() {
    }

    static Campaign parse(JsonNode body, String user, Instant now) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("invalid_campaign", "The body must be a JSON object.");
        }
        List<String> problems = new ArrayList<>();
        String name = text(body.path("name"));
        if (name == null || name.length() > 200) {
            problems.add("name: required, at most 200 characters");
        }
        String flowId = text(body.path("flowId"));
        if (flowId == null) {
            problems.add("flowId: required");
        }
        List<String> channels = channels(body, problems);
        String channel = channels.isEmpty() ? null : channels.get(0);
        String templateName = text(body.path("template").path("name"));
        String language = text(body.path("template").path("language"));
        JsonNode template = body.path("template");
        boolean templateGiven = !template.isMissingNode() && !template.isNull();
        // needed on WhatsApp; checked too when the channels are not valid or a template was given at all
        if ((templateName == null || language == null)
                && (channels.contains("whatsapp") || channels.isEmpty() || templateGiven)) {
            problems.add("template: {\"name\",\"language\"} of a registered WhatsApp template");
        }
        List<String> parameters = new ArrayList<>();
        JsonNode params = body.path("template").path("parameters");
        if (!params.isMissingNode() && !params.isNull()) {
            if (!params.isArray() || params.size() > TemplateParameters.MAX) {
                problems.add("template.parameters: an array of at most " + TemplateParameters.MAX + " variable paths");
            } else {
                for (JsonNode p : params) {
                    String path = text(p);
                    if (path == null || !TemplateParameters.known(path)) {
                        problems.add("template.parameters: unknown variable " + (path == null ? p.toString() : path)
                                + " (one of " + TemplateParameters.KNOWN + ")");
                    } else {
                        parameters.add(path);
                    }
                }
            }
        }
        Segment segment = segment(body.path("segment"), problems);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("invalid_campaign", String.join("; ", problems));
        }
        return new Campaign(null, name, flowId, templateName, language, segment, channel, Campaign.DRAFT, now, user,
                null, null, channels, parameters);
    }

    /** The segment of a campaign body (missing: everyone); its problems are added to {@code problems}. */
    static Segment segment(JsonNode s, List<String> problems) {
        if (!s.isMissingNode() && !s.isNull() && !s.isObject()) {
            problems.add("segment: an object");
        }
        Integer minDpd = integer(s, "minDaysPastDue", problems);
        Integer maxDpd = integer(s, "maxDaysPastDue", problems);
        if (minDpd != null && maxDpd != null && minDpd > maxDpd) {
            problems.add("segment: minDaysPastDue must not exceed maxDaysPastDue");
        }
        BigDecimal minBalance = decimal(s, "minBalance", problems);
        BigDecimal maxBalance = decimal(s, "maxBalance", problems);
        if (minBalance != null && maxBalance != null && minBalance.compareTo(maxBalance) > 0) {
            problems.add("segment: minBalance must not exceed maxBalance");
        }
        String country = text(s.path("country"));
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            problems.add("segment.country: an ISO 3166-1 alpha-2 code");
        }
        String product = text(s.path("product"));
        return new Segment(minDpd, maxDpd, minBalance, maxBalance,
                country == null ? null : country.toUpperCase(Locale.ROOT), product);
    }

    /**
     * {@code "channel":"sms"}, or a fallback order {@code "channels":["whatsapp","sms"]} (then {@code channel}, when
     * given, must be the first); WhatsApp when neither is given.
     */
    private static List<String> channels(JsonNode body, List<String> problems) {
        String channel = body.hasNonNull("channel") ? text(body.path("channel")) : null;
        if (body.hasNonNull("channel") && (channel == null || !CHANNELS.contains(channel))) {
            problems.add("channel: one of " + CHANNELS);
            return List.of();
        }
        JsonNode list = body.path("channels");
        if (list.isMissingNode() || list.isNull()) {
            return List.of(channel == null ? "whatsapp" : channel);
        }
        List<String> channels = new ArrayList<>();
        if (!list.isArray() || list.isEmpty()) {
            problems.add("channels: a non-empty array of " + CHANNELS);
            return List.of();
        }
        for (JsonNode node : list) {
            String name = text(node);
            if (name == null || !CHANNELS.contains(name) || channels.contains(name)) {
                problems.add("channels: each one of " + CHANNELS + ", once");
                return List.of();
            }
            channels.add(name);
        }
        if (channel != null && !channel.equals(channels.get(0))) {
            problems.add("channel: must be the first of channels");
        }
        return channels;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText().trim() : null;
    }

    private static Integer integer(JsonNode segment, String field, List<String> problems) {
        JsonNode node = segment.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            problems.add("segment." + field + ": a whole number");
            return null;
        }
        return node.asInt();
    }

    private static BigDecimal decimal(JsonNode segment, String field, List<String> problems) {
        JsonNode node = segment.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            problems.add("segment." + field + ": a number");
            return null;
        }
        return node.decimalValue();
    }
}
