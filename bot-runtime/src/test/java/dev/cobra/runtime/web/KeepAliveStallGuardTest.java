package dev.cobra.runtime.web;

import dev.cobra.runtime.config.IsolatedRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Answers written without any I/O (401 and 403 from the security filters) followed at once by another request on the
 * same keep-alive connection: without {@link KeepAliveStallGuard}, Reactor Netty 1.2.18 stopped reading that
 * connection and the next request waited until the client gave up (this loop hung within its first 40 rounds in
 * five runs out of five). Each request here must be answered within 10 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeepAliveStallGuardTest {

    private static final int ROUNDS = 100;

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient web;

    @Test
    void aRequestRightAfterA401Or403OnTheSameConnectionIsAnswered() {
        WebTestClient client = web.mutate().responseTimeout(Duration.ofSeconds(10)).build();
        WebTestClient admin = client.mutate().defaultHeaders(h -> h.setBasicAuth("admin", IsolatedRuntime.ADMIN_PASSWORD))
                .build();
        admin.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "stall-agent", "password", "secret-stall-agent", "roles", List.of("AGENT")))
                .exchange().expectStatus().isCreated();
        WebTestClient agent = client.mutate().defaultHeaders(h -> h.setBasicAuth("stall-agent", "secret-stall-agent"))
                .build();
        for (int round = 0; round < ROUNDS; round++) {
            client.get().uri("/api/conversations/{id}", "c_any").exchange().expectStatus().isUnauthorized();
            admin.get().uri("/api/conversations/{id}", "c_missing").exchange().expectStatus().isNotFound();
            agent.get().uri("/api/agent/overview").exchange().expectStatus().isForbidden();
            admin.get().uri("/api/conversations/{id}", "c_missing").exchange().expectStatus().isNotFound();
        }
    }
}
