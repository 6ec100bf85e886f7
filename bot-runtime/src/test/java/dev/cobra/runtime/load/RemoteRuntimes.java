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

/**
 * Runtime instances the harness did not start (on other machines, behind a load balancer or not), measured through
 * their actuator metrics, summed over the instances: {@code process.cpu.time} and the heap pools of
 * {@code jvm.memory.used}. The metrics endpoint must be exposed ({@code management.endpoints.web.exposure.include}
 * with {@code metrics}) and answer the admin user.
 */
final class RemoteRuntimes implements MeasuredRuntime {

    private final List<String> baseUrls;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    RemoteRuntimes(List<String> baseUrls, String adminPassword) {
        this.baseUrls = List.copyOf(baseUrls);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public double cpuSeconds() {
        double total = 0;
        for (String base : baseUrls) {
            JsonNode metric = metric(base, "process.cpu.time");
            double value = value(metric);
            if (Double.isNaN(value)) {
                return Double.NaN;
            }
            String unit = metric.path("baseUnit").asText("seconds");
            total += switch (unit) {
                case "nanoseconds", "ns" -> value / 1e9;
                case "milliseconds", "ms" -> value / 1e3;
                default -> value;
            };
        }
        return total;
    }

    @Override
    public double heapUsedMb() {
        double bytes = 0;
        for (String base : baseUrls) {
            double value = value(metric(base, "jvm.memory.used?tag=area:heap"));
            if (Double.isNaN(value)) {
                return -1;
            }
            bytes += value;
        }
        return bytes / (1024 * 1024);
    }

    private JsonNode metric(String base, String nameAndTags) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/"
                            + nameAndTags)).header("Authorization", authorization).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : json.createObjectNode();
        } catch (Exception e) {
            return json.createObjectNode();
        }
    }

    private static double value(JsonNode metric) {
        for (JsonNode sample : metric.path("measurements")) {
            String statistic = sample.path("statistic").asText();
            if (statistic.equals("VALUE") || statistic.equals("COUNT") || statistic.equals("TOTAL")) {
                return sample.path("value").asDouble();
            }
        }
        return Double.NaN;
    }
}
