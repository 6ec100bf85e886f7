package dev.cobra.runtime.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Contact policies per country: {@code GET /api/compliance/policies} (ADMIN, SUPERVISOR), and for ADMIN only
 * {@code PUT /api/compliance/policies/{country}} (replaces that country's rules whole) and
 * {@code DELETE /api/compliance/policies/{country}} (back to the built-in default).
 */
@RestController
public class PolicyController {

    private final CountryContactRules rules;

    public PolicyController(CountryContactRules rules) {
        this.rules = rules;
    }

    @GetMapping("/api/compliance/policies")
    public Mono<List<CountryPolicy>> all() {
        return rules.all();
    }

    @GetMapping("/api/compliance/policies/{country}")
    public Mono<CountryPolicy> one(@PathVariable String country) {
        return rules.forCountry(countryCode(country));
    }

    @PutMapping("/api/compliance/policies/{country}")
    public Mono<CountryPolicy> save(@PathVariable String country, @RequestBody JsonNode body) {
        CountryPolicy policy = parse(countryCode(country), body);
        return StaffRoles.require("ADMIN").then(rules.save(policy));
    }

    @DeleteMapping("/api/compliance/policies/{country}")
    public Mono<CountryPolicy> reset(@PathVariable String country) {
        String code = countryCode(country);
        return StaffRoles.require("ADMIN").then(rules.reset(code)).then(rules.forCountry(code));
    }

    static String countryCode(String country) {
        String code = country == null ? "" : country.trim().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}") && !code.equals(CountryContactRules.DEFAULT)) {
            throw ApiException.badRequest("invalid_country", "country must be an ISO 3166-1 alpha-2 code or DEFAULT.");
        }
        return code;
    }

    static CountryPolicy parse(String country, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("invalid_policy", "The body must be a JSON object.");
        }
        List<String> problems = new ArrayList<>();
        String zone = body.path("zone").asText("UTC");
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add("zone: an IANA time zone such as America/Bogota");
        }
        Map<DayOfWeek, CountryPolicy.Window> hours = new EnumMap<>(DayOfWeek.class);
        JsonNode hoursNode = body.path("hours");
        if (!hoursNode.isObject()) {
            problems.add("hours: an object of day name to {\"from\":\"HH:mm\",\"to\":\"HH:mm\"}");
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = hoursNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                try {
                    DayOfWeek day = DayOfWeek.valueOf(entry.getKey().toUpperCase(Locale.ROOT));
                    LocalTime from = LocalTime.parse(entry.getValue().path("from").asText());
                    LocalTime to = LocalTime.parse(entry.getValue().path("to").asText());
                    if (!from.isBefore(to)) {
                        problems.add("hours." + entry.getKey() + ": from must be before to");
                    }
                    hours.put(day, new CountryPolicy.Window(from, to));
                } catch (IllegalArgumentException | DateTimeException e) {
                    problems.add("hours." + entry.getKey() + ": a day name (MONDAY..SUNDAY) with from/to as HH:mm");
                }
            }
        }
        int maxPerDay = body.path("maxPerDay").asInt(0);
        int maxPerWeek = body.path("maxPerWeek").asInt(0);
        if (maxPerDay < 0 || maxPerDay > 100 || maxPerWeek < 0 || maxPerWeek > 700) {
            problems.add("maxPerDay (0-100) and maxPerWeek (0-700): 0 means no cap");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("invalid_policy", String.join("; ", problems));
        }
        return new CountryPolicy(country, zone, hours, body.path("skipHolidays").asBoolean(false), maxPerDay,
                maxPerWeek, body.path("oneChannelPerWeek").asBoolean(false), body.path("source").asText(null));
    }
}
