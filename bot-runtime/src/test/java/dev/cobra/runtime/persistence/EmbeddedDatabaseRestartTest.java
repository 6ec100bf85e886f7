package dev.cobra.runtime.persistence;

import dev.cobra.runtime.CobraApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The whole application, started twice on the same {@code bot.data-dir}: what the first run stored (an imported
 * debtor, a staff user) is there after the restart, and the demo portfolio is loaded only on the first start.
 */
class EmbeddedDatabaseRestartTest {

    private static final String ADMIN_PASSWORD = "restart-admin";

    @TempDir
    Path dataDir;

    @Test
    void dataImportedBeforeARestartIsServedAfterIt() {
        int debtorsBefore;
        try (ConfigurableApplicationContext first = start()) {
            WebTestClient admin = client(first, "admin", ADMIN_PASSWORD);
            admin.post().uri("/api/debtors").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                    [{"id":"R-1","name":"Rosa Díaz","phone":"+573001119999","locale":"es-CO",
                      "timezone":"America/Bogota","country":"CO","documentLast4":"7777",
                      "debts":[{"id":"L-1","balance":99000,"currency":"COP","dueDate":"2026-10-01"}]}]""")
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.imported").isEqualTo(1);
            admin.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"username\":\"sofia\",\"password\":\"sofia-pass\",\"roles\":[\"SUPERVISOR\"]}")
                    .exchange().expectStatus().isCreated();
            admin.get().uri("/api/debtors/DEMO-MID-MX").exchange().expectStatus().isOk();
            // the demo's synthetic activity imports more debtors in the background: count once it is done
            first.getBean(dev.cobra.runtime.demo.DemoActivity.class).finished().block(java.time.Duration.ofMinutes(3));
            debtorsBefore = admin.get().uri("/api/debtors?limit=200").exchange().expectStatus().isOk()
                    .expectBody(java.util.List.class).returnResult().getResponseBody().size();
        }

        try (ConfigurableApplicationContext second = start()) {
            WebTestClient supervisor = client(second, "sofia", "sofia-pass");
            supervisor.get().uri("/api/debtors/R-1").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.name").isEqualTo("Rosa Díaz")
                    .jsonPath("$.documentOnFile").isEqualTo(true);
            supervisor.get().uri("/api/debtors?limit=200").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.length()").isEqualTo(debtorsBefore); // demo portfolio + R-1, no second demo load
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CobraApplication.class).run(
                "--server.port=0",
                "--bot.data-dir=" + dataDir,
                "--bot.admin.password=" + ADMIN_PASSWORD,
                "--bot.demo.enabled=true");
    }

    private static WebTestClient client(ConfigurableApplicationContext context, String user, String password) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(h -> h.setBasicAuth(user, password))
                .build();
    }
}
