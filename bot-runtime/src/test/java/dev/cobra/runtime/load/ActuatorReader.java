package dev.cobra.runtime.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the driven runtimes' database command counters ({@code cobra.db.commands}, tagged with command and
 * collection; counted, not timed) through {@code /actuator/metrics} as the admin user.
 */
final class ActuatorReader {

    /** The runtime's counter of database commands, tagged with command and collection. */
    static final String COMMAND_METRIC = "cobra.db.commands";

    private final HttpClient http;
    private final String authorization;
    private final ObjectMapper json = new ObjectMapper();

    ActuatorReader(HttpClient http, String adminPassword) {
        this.http = http;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    /** Every command the runtimes have sent so far, all tags; NaN when one cannot tell. */
    double totalCommands(List<String> bases) throws Exception {
        double total = 0;
        for (String base : bases) {
            total += count(getJson(base + "/actuator/metrics/" + COMMAND_METRIC), Double.NaN);
        }
        return total;
    }

    /** Count of every (command, collection) the runtimes sent during the whole run, summed over them. */
    Map<String, Object> commandsByName(List<String> bases) throws Exception {
        Map<String, Object> result = new TreeMap<>();
        for (String base : bases) {
            commandsByName(base).forEach((key, count) -> result.merge(key, count, (a, b) -> (Long) a + (Long) b));
        }
        return result;
    }

    private Map<String, Long> commandsByName(String base) throws Exception {
        String metric = base + "/actuator/metrics/" + COMMAND_METRIC;
        Map<String, Long> result = new TreeMap<>();
        for (JsonNode tag : getJson(metric).path("availableTags")) {
            if (!tag.path("tag").asText().equals("command")) {
                continue;
            }
            for (JsonNode command : tag.path("values")) {
                JsonNode one = getJson(metric + "?tag=command:" + command.asText());
                for (JsonNode collTag : one.path("availableTags")) {
                    if (!collTag.path("tag").asText().equals("collection")) {
                        continue;
                    }
                    for (JsonNode collection : collTag.path("values")) {
                        JsonNode m = getJson(metric + "?tag=command:" + command.asText()
                                + "&tag=collection:" + collection.asText());
                        result.put(command.asText() + " " + collection.asText(), (long) count(m, 0));
                    }
                }
            }
        }
        return result;
    }

    private static double count(JsonNode metric, double fallback) {
        for (JsonNode sample : metric.path("measurements")) {
            if (sample.path("statistic").asText().equals("COUNT")) {
                return sample.path("value").asDouble();
            }
        }
        return fallback;
    }

    JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }
}
