package dev.cobra.runtime.metrics;

import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.PinnedClockConfiguration;
import dev.cobra.runtime.conversation.WebchatDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/prometheus}: staff only (ADMIN, SUPERVISOR), and the runtime's meters after one webchat turn. */
@AutoConfigureWebTestClient(timeout = "PT30S")
// Spring Boot turns metrics export off in tests; this test is about the export.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PinnedClockConfiguration.class)
class PrometheusEndpointTest {

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient web;

    @Test
    void onlyAdminsAndSupervisorsReadTheMetricsWhileHealthStaysPublic() {
        WebchatDriver driver = new WebchatDriver(web);
        for (String role : List.of("SUPERVISOR", "AGENT")) {
            driver.admin().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", "metrics-" + role.toLowerCase(), "password", "metrics-pass-1",
                            "roles", List.of(role)))
                    .exchange().expectStatus().isCreated();
        }
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("unauthorized");
        web.get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth("metrics-agent", "metrics-pass-1"))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth("metrics-supervisor", "metrics-pass-1"))
                .exchange().expectStatus().isOk();
        // The supervisor reads the Prometheus page only, not the rest of the actuator.
        web.get().uri("/actuator/env").headers(h -> h.setBasicAuth("metrics-supervisor", "metrics-pass-1"))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void oneWebchatTurnShowsUpInTheTurnNluDatabaseAndOutboxMeters() {
        WebchatDriver driver = new WebchatDriver(web);
        driver.loadDebtor(WebchatDriver.defaultDebtor("D-METRICS", PinnedClockConfiguration.DEFAULT_TODAY, Map.of()));
        WebchatDriver.Session session = driver.open(driver.token("D-METRICS"));
        // The verification step: the digits inside a sentence, so the classifier runs once (digits typed alone are
        // taken without it).
        driver.say(session, "claro, son 1234");
        // A staff parse is not a debtor's message: it stays out of the NLU counters.
        driver.admin().post().uri("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "no puedo pagar")).exchange().expectStatus().isOk();

        String page = driver.admin().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(value(page, "cobra_turn_latency_seconds_count", "kind=\"message\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(page, "cobra_turn_latency_seconds_count", "kind=\"open\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(page, "cobra_turn_lanes_depth", "")).isGreaterThanOrEqualTo(0);
        assertThat(value(page, "cobra_outbox_lag_seconds", "")).isGreaterThanOrEqualTo(0);
        assertThat(value(page, "cobra_nlu_parses_total", "")).isEqualTo(1);
        assertThat(value(page, "cobra_nlu_fallbacks_total", "")).isGreaterThanOrEqualTo(0);
        assertThat(value(page, "cobra_db_commands_total", "command=\"find\"")).isGreaterThanOrEqualTo(1);
        // The turns' own commands reach their count (the lane carries the caller's context to the turn).
        assertThat(value(page, "cobra_turn_db_commands_count", "")).isGreaterThanOrEqualTo(2);
        assertThat(value(page, "cobra_turn_db_commands_sum", "")).isGreaterThanOrEqualTo(2);
        // Spring Boot's per-command timer is off (the counters replace it).
        assertThat(page).doesNotContain("mongodb_driver_commands_seconds");
    }

    /** The sum of the samples of {@code name} whose labels contain {@code label}; fails when there is none. */
    private static double value(String page, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$").matcher(page);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            String labels = m.group(1) == null ? "" : m.group(1);
            if (labels.contains(label)) {
                sum += Double.parseDouble(m.group(2));
                found = true;
            }
        }
        assertThat(found).as("%s{%s} in /actuator/prometheus", name, label).isTrue();
        return sum;
    }
}
