package dev.cobra.runtime.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.MongoCommandException;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import dev.cobra.runtime.conversation.WebchatDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16, point 6: a JSON body on every rejection (the security firewall's included), no stack trace for an
 * oversized body, links only under {@code bot.public-url}, no blank product word in texts, and an embedded database
 * that serves only this process.
 */
@ExtendWith(OutputCaptureExtension.class)
class InputLimitsTest extends AbuseTestBase {

    @LocalServerPort
    int port;

    @Autowired
    MongoServer embedded;

    @Test
    void pathsTheFirewallRejectsGetAJson400() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/api/flows/a%2Fb", "/webchat/api/sessions/%2e%2e/messages", "/console/a;b")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/json");
            assertThat(response.body()).as(path).contains("\"error\":\"rejected_request\"");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
    }

    @Test
    void anElevenMegabyteWebchatBodyIsA413WithoutStackTraces(CapturedOutput output) {
        WebchatDriver.Session session = driver.open(driver.token(debtor("D-BIG", Map.of())));
        int before = output.length();
        String big = "{\"text\":\"" + "a".repeat(11 * 1024 * 1024) + "\"}";
        web.post().uri("/webchat/api/sessions/{id}/messages", session.sessionId()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(big).exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.error").isEqualTo("payload_too_large");
        // The same over a plain HTTP client (with Content-Length, as curl sends a file), to the session endpoint too.
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/webchat/api/sessions", "/webchat/api/sessions/" + session.sessionId() + "/messages")) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(big)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(413);
                assertThat(response.body()).as(path).contains("payload_too_large");
            } catch (java.io.IOException | InterruptedException e) {
                // The server may close the connection after answering 413 while the client still sends: fine.
            }
        }
        String logged = output.toString().substring(before);
        assertThat(logged).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void anOversizedChunkedBodyIsTheSame413WithoutStackTracesAndNothingStored(CapturedOutput output) throws Exception {
        WebchatDriver.Session session = driver.open(driver.token(debtor("D-BIG-CHUNKED", Map.of())));
        int transcript = driver.transcript(session).size();
        int before = output.length();
        byte[] big = ("{\"text\":\"" + "a".repeat(11 * 1024 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newHttpClient();
        int answered = 0;
        for (String path : List.of("/webchat/api/sessions", "/webchat/api/sessions/" + session.sessionId() + "/messages",
                "/webhooks/whatsapp")) {
            // A body of unknown length goes out with Transfer-Encoding: chunked: no Content-Length to refuse it by.
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(413);
                assertThat(response.body()).as(path).contains("\"error\":\"payload_too_large\"").contains("\"message\"");
                answered++;
            } catch (java.io.IOException e) {
                // The server may close the connection after answering 413 while the client still sends: fine.
            }
        }
        assertThat(answered).as("at least one 413 came back before the connection closed").isPositive();
        assertThat(driver.transcript(session)).as("nothing stored").hasSize(transcript);
        String logged = output.toString().substring(before);
        assertThat(logged).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("ERROR");
    }

    @Test
    void deepLinksAreBuiltFromThePublicUrlNeverTheHostHeader() {
        String debtorId = debtor("D-HOST", Map.of());
        JsonNode link = driver.admin().post().uri("/api/webchat/links").contentType(MediaType.APPLICATION_JSON)
                .header("Host", "evil.example").header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "host=evil.example;proto=http")
                .bodyValue(Map.of("debtorId", debtorId)).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(link.path("url").asText()).startsWith("https://cobra.example/chat/");
    }

    @Test
    void aDebtWithoutAProductReadsNaturally() {
        Map<String, Object> debtor = WebchatDriver.defaultDebtor(unique("D-NOPRODUCT"), WebchatDriver.today(), Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> debt = new HashMap<>(((List<Map<String, Object>>) debtor.get("debts")).get(0));
        debt.remove("product");
        Map<String, Object> withoutProduct = new HashMap<>(debtor);
        withoutProduct.put("debts", List.of(debt));
        driver.loadDebtor(withoutProduct);
        WebchatDriver.Session session = driver.open(driver.token((String) debtor.get("id")));
        String balance = driver.say(session, "1234").text();
        assertThat(balance).contains("1.250.000").contains("Tu cuenta tiene").doesNotContain("Tu  ").doesNotContain("  tiene");
    }

    @Test
    void theEmbeddedDatabaseListensOnLoopbackAndServesOnlyThisProcess() {
        InetSocketAddress address = embedded.getLocalAddress();
        assertThat(address.getAddress().isLoopbackAddress()).isTrue();
        try (MongoClient stranger = MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?serverSelectionTimeoutMS=5000")) {
            assertThatThrownBy(() -> Flux.from(stranger.getDatabase("cobra").listCollectionNames()).collectList()
                    .block(Duration.ofSeconds(30)))
                    .isInstanceOf(MongoCommandException.class)
                    .satisfies(e -> assertThat(((MongoCommandException) e).getErrorCode()).isEqualTo(13));
            assertThatThrownBy(() -> Flux.from(stranger.getDatabase("cobra").getCollection("debtors").find()).collectList()
                    .block(Duration.ofSeconds(30)))
                    .isInstanceOf(MongoCommandException.class);
        }
        // The runtime's own connection works (every test here uses it).
        assertThat(stored("debtors", "_id", "nobody")).isEmpty();
    }
}
