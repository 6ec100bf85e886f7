package dev.cobra.runtime.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.cobra.runtime.CobraApplication;
import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.WebchatDriver;
import dev.cobra.runtime.conversation.WebchatDriver.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, acceptance point 4 (backend side): two runtime instances on one MongoDB. A debtor hands off on
 * instance B; an agent whose console listens on instance A sees the chat appear live, claims it on A, and a
 * competing claim on B is refused; the agent's message written on A is in the transcript served by B.
 */
class TwoInstancesHandoffTest {

    @TempDir
    static Path dataDirs;

    static MongoServer mongo;
    static ConfigurableApplicationContext instanceA;
    static ConfigurableApplicationContext instanceB;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        mongo = new MongoServer(H2Backend.inMemory());
        mongo.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/cobra";
        instanceA = start(uri, "a");
        instanceB = start(uri, "b");
    }

    private static ConfigurableApplicationContext start(String uri, String name) {
        return new SpringApplicationBuilder(CobraApplication.class).run("--server.port=0",
                "--spring.data.mongodb.uri=" + uri, "--bot.data-dir=" + dataDirs.resolve(name),
                "--bot.demo.enabled=false", "--bot.admin.password=" + IsolatedRuntime.ADMIN_PASSWORD,
                "--bot.handoff.poll-interval=200ms");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[]{instanceA, instanceB}) {
            if (context != null) {
                context.close();
            }
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    private static WebTestClient client(ConfigurableApplicationContext instance) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + instance.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(WebchatDriver.RESPONSE_TIMEOUT).build();
    }

    private static WebTestClient as(WebTestClient client, String username) {
        return client.mutate().defaultHeaders(h -> h.setBasicAuth(username, "password-" + username)).build();
    }

    @Test
    void anAgentOnInstanceASeesAndTakesAChatHandedOffOnInstanceB() {
        WebchatDriver onB = new WebchatDriver(client(instanceB));
        onB.loadDebtor(WebchatDriver.defaultDebtor("D-TWO", WebchatDriver.today(), Map.of()));
        for (String agent : List.of("ines", "tomas")) {
            onB.admin().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", agent, "password", "password-" + agent, "roles", List.of("AGENT")))
                    .exchange().expectStatus().isCreated();
        }
        WebTestClient inesOnA = as(client(instanceA), "ines");
        WebTestClient tomasOnB = as(client(instanceB), "tomas");
        Session session = onB.open(onB.token("D-TWO"));
        onB.say(session, "1234");

        Flux<JsonNode> consoleOnA = inesOnA.get().uri("/api/agent/events").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody().filter(e -> "queue".equals(e.event())).map(ServerSentEvent::data);
        StepVerifier.create(consoleOnA)
                .assertNext(first -> assertThat(first.get("waiting").findValuesAsText("conversationId"))
                        .doesNotContain(session.conversationId()))
                .then(() -> onB.say(session, "quiero hablar con una persona"))
                .expectNextMatches(next -> next.get("waiting").findValuesAsText("conversationId")
                        .contains(session.conversationId()))
                .thenCancel()
                .verify(Duration.ofSeconds(30));

        inesOnA.post().uri("/api/agent/conversations/{id}/claim", session.conversationId()).exchange()
                .expectStatus().isOk();
        tomasOnB.post().uri("/api/agent/conversations/{id}/claim", session.conversationId()).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        inesOnA.post().uri("/api/agent/conversations/{id}/messages", session.conversationId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "Hola, soy Inés."))
                .exchange().expectStatus().isCreated();

        JsonNode transcriptOnB = onB.transcript(session);
        JsonNode last = transcriptOnB.get(transcriptOnB.size() - 1);
        assertThat(last.get("from").asText() + ":" + last.get("text").asText()).isEqualTo("agent:Hola, soy Inés.");
        assertThat(onB.say(session, "gracias").replies()).as("instance B's bot is silent too").isEmpty();
    }
}
