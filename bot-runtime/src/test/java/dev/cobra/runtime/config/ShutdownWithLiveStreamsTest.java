package dev.cobra.runtime.config;

import dev.cobra.runtime.CobraApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * An open live stream (the webchat widget's SSE) ends when the application stops, so graceful shutdown does not
 * wait its whole timeout (30 s) for a response that never finishes.
 */
class ShutdownWithLiveStreamsTest {

    @TempDir
    Path dataDir;

    @Test
    @SuppressWarnings("unchecked")
    void anOpenWebchatLiveStreamEndsWhenTheApplicationStops() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CobraApplication.class).run(
                "--server.port=0", "--bot.data-dir=" + dataDir, "--bot.demo.enabled=false",
                "--bot.admin.password=" + IsolatedRuntime.ADMIN_PASSWORD);
        String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        WebClient client = WebClient.create(base);
        Map<String, Object> session = client.post().uri("/webchat/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").retrieve().bodyToMono(Map.class).block(Duration.ofSeconds(30));
        Flux<String> stream = client.get().uri("/webchat/api/sessions/{id}/events", session.get("sessionId"))
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve().bodyToFlux(String.class);

        StepVerifier.create(stream)
                .thenAwait(Duration.ofMillis(500))
                .then(() -> new Thread(context::close, "test-shutdown").start())
                .thenConsumeWhile(event -> true)
                // Well under the 30 s graceful-shutdown timeout the stream used to hold the server for.
                .expectComplete()
                .verify(Duration.ofSeconds(20));
    }
}
