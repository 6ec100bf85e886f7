package dev.cobra.runtime.web.error;

import dev.cobra.runtime.config.IsolatedRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

/** Every failure answers JSON {"error","message"} with a fitting status, over real HTTP. */
// The machine is shared and slow: allow more than WebTestClient's 5 s default per request.
@AutoConfigureWebTestClient(timeout = "PT30S")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.codec.max-in-memory-size=64KB")
class JsonErrorsTest {

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    /** Endpoints that fail on purpose, under /api so they are behind sign-in like real ones. */
    @TestConfiguration
    static class FailingEndpoints {
        @Bean
        ProbeController probeController() {
            return new ProbeController();
        }
    }

    @RestController
    static class ProbeController {
        record Echo(String text) {
        }

        @PostMapping(path = "/api/test-errors/echo", consumes = MediaType.APPLICATION_JSON_VALUE)
        Mono<Echo> echo(@RequestBody Echo echo) {
            return Mono.just(echo);
        }

        @GetMapping("/api/test-errors/conflict")
        Mono<String> conflict() {
            return Mono.error(ApiException.conflict("already_claimed", "Another agent owns this conversation."));
        }

        @GetMapping("/api/test-errors/bug")
        Mono<String> bug() {
            return Mono.error(new IllegalStateException("secret internal detail at com.example.Foo"));
        }
    }

    @Autowired
    WebTestClient web;

    private WebTestClient admin() {
        return web.mutate().defaultHeaders(h -> h.setBasicAuth("admin", IsolatedRuntime.ADMIN_PASSWORD)).build();
    }

    @Test
    void malformedJsonIs400MalformedJson() {
        admin().post().uri("/api/test-errors/echo").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\": ")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error").isEqualTo("malformed_json")
                .jsonPath("$.message").exists();
    }

    @Test
    void aBodyOverTheCodecLimitIs413() {
        String big = "{\"text\":\"" + "x".repeat(200 * 1024) + "\"}";
        admin().post().uri("/api/test-errors/echo").contentType(MediaType.APPLICATION_JSON).bodyValue(big)
                .exchange().expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
                .expectBody().jsonPath("$.error").isEqualTo("payload_too_large");
    }

    @Test
    void anUnsupportedMediaTypeIs415() {
        admin().post().uri("/api/test-errors/echo").contentType(MediaType.TEXT_PLAIN).bodyValue("hello")
                .exchange().expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectBody().jsonPath("$.error").isEqualTo("unsupported_media_type");
    }

    @Test
    void aWrongMethodIs405WithTheAllowedOnes() {
        admin().delete().uri("/api/test-errors/conflict")
                .exchange().expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader().exists("Allow")
                .expectBody().jsonPath("$.error").isEqualTo("method_not_allowed");
    }

    @Test
    void anUnknownPathIs404Json() {
        admin().get().uri("/api/test-errors/nothing-here")
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("not_found");
    }

    @Test
    void anApiExceptionKeepsItsStatusCodeAndMessage() {
        admin().get().uri("/api/test-errors/conflict")
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody(Map.class).isEqualTo(Map.of("error", "already_claimed",
                        "message", "Another agent owns this conversation."));
    }

    @Test
    void anUnexpectedFailureIs500WithoutInternals() {
        admin().get().uri("/api/test-errors/bug")
                .exchange().expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("\"error\":\"internal_error\"")
                        .doesNotContain("secret").doesNotContain("IllegalStateException").doesNotContain("at "));
    }

    @Test
    void theServerKeepsAnsweringAfterBadRequests() {
        for (int i = 0; i < 5; i++) {
            admin().post().uri("/api/test-errors/echo").contentType(MediaType.APPLICATION_JSON).bodyValue("nope")
                    .exchange().expectStatus().isBadRequest();
        }
        admin().post().uri("/api/test-errors/echo").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"ok\"}")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.text").isEqualTo("ok");
    }
}
