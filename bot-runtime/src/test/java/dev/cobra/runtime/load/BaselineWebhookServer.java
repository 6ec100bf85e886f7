package dev.cobra.runtime.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import dev.cobra.runtime.channel.whatsapp.WebhookSignature;
import dev.cobra.runtime.persistence.DurableH2Backend;
import org.bson.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServer;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bare baseline of issue 8, doing what the outside harness's baseline does: a minimal WebFlux endpoint on
 * Reactor Netty that checks the webhook signature, parses the JSON, writes one document through the reactive
 * driver to the same embedded MongoDB engine the runtime uses (mongo-java-server, durable H2 backend) and POSTs
 * one reply to the Graph API stand-in, then answers 200. No engine, no NLU, no outbox: what any webhook-to-reply
 * service pays at least. {@code GET /stats} answers the database commands and outbound POSTs so far, counted the
 * same way as the runtime's. Started by {@link LoadHarness} as its own JVM; args: port, app secret, data dir,
 * Graph API base URL.
 */
public final class BaselineWebhookServer {

    private static final AtomicLong DATABASE_COMMANDS = new AtomicLong();
    private static final AtomicLong OUTBOUND_POSTS = new AtomicLong();

    private BaselineWebhookServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String secret = args[1];
        Path dataDir = Files.createDirectories(Path.of(args[2]));
        String graphApi = args[3];
        MongoServer mongo = new MongoServer(DurableH2Backend.open(dataDir.resolve("baseline.mv"), true));
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        DATABASE_COMMANDS.incrementAndGet();
                    }
                }).build());
        MongoCollection<Document> inbound = client.getDatabase("baseline").getCollection("inbound");
        WebClient graph = WebClient.builder().baseUrl(graphApi).build();
        ObjectMapper json = new ObjectMapper();

        RouterFunction<ServerResponse> routes = RouterFunctions.route()
                .GET("/ready", request -> ServerResponse.ok().bodyValue("ok"))
                .GET("/stats", request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("databaseCommands", DATABASE_COMMANDS.get(), "outboundPosts", OUTBOUND_POSTS.get())))
                .POST("/webhooks/whatsapp", request -> receive(request, secret, json, inbound, graph))
                .build();
        HttpServer.create().host("127.0.0.1").port(port)
                .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes)))
                .bindNow();
        System.out.println("baseline listening on " + port);
        Thread.currentThread().join();
    }

    private static Mono<ServerResponse> receive(ServerRequest request, String secret, ObjectMapper json,
                                                MongoCollection<Document> inbound, WebClient graph) {
        String signature = request.headers().firstHeader("X-Hub-Signature-256");
        return request.bodyToMono(byte[].class).flatMap(body -> {
            if (!WebhookSignature.isValid(secret, body, signature)) {
                return ServerResponse.status(HttpStatus.UNAUTHORIZED).build();
            }
            JsonNode message;
            try {
                message = json.readTree(body).path("entry").path(0).path("changes").path(0).path("value")
                        .path("messages").path(0);
            } catch (java.io.IOException e) {
                return ServerResponse.badRequest().build();
            }
            String from = message.path("from").asText();
            Document doc = new Document("_id", message.path("id").asText())
                    .append("from", from)
                    .append("text", message.path("text").path("body").asText(null));
            Map<String, Object> reply = Map.of("messaging_product", "whatsapp", "recipient_type", "individual",
                    "to", from, "type", "text", "text", Map.of("body", "Recibido"));
            return Mono.from(inbound.insertOne(doc))
                    .then(graph.post().uri("/PNID/messages").header(HttpHeaders.AUTHORIZATION, "Bearer load-token")
                            .contentType(MediaType.APPLICATION_JSON).bodyValue(reply)
                            .retrieve().toBodilessEntity()
                            .doOnSuccess(answered -> OUTBOUND_POSTS.incrementAndGet()))
                    .then(ServerResponse.ok().build());
        });
    }
}
