package dev.cobra.runtime.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import dev.cobra.runtime.channel.whatsapp.WebhookSignature;
import dev.cobra.runtime.persistence.DurableH2Backend;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServer;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bare baseline of issue 8: a minimal WebFlux endpoint on Reactor Netty that checks the webhook signature,
 * parses the JSON and writes one document through the reactive driver to the same embedded MongoDB engine the
 * runtime uses (mongo-java-server, durable H2 backend). No engine, no NLU, no outbox: what any webhook receiver
 * pays at least. Started by {@link LoadHarness} as its own JVM; args: port, app secret, data dir.
 */
public final class BaselineWebhookServer {

    private BaselineWebhookServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String secret = args[1];
        Path dataDir = Files.createDirectories(Path.of(args[2]));
        MongoServer mongo = new MongoServer(DurableH2Backend.open(dataDir.resolve("baseline.mv"), true));
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        MongoCollection<Document> inbound = client.getDatabase("baseline").getCollection("inbound");
        ObjectMapper json = new ObjectMapper();

        RouterFunction<ServerResponse> routes = RouterFunctions.route()
                .GET("/ready", request -> ServerResponse.ok().bodyValue("ok"))
                .POST("/webhooks/whatsapp", request -> receive(request, secret, json, inbound))
                .build();
        HttpServer.create().host("127.0.0.1").port(port)
                .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes)))
                .bindNow();
        System.out.println("baseline listening on " + port);
        Thread.currentThread().join();
    }

    private static Mono<ServerResponse> receive(ServerRequest request, String secret, ObjectMapper json,
                                                MongoCollection<Document> inbound) {
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
            Document doc = new Document("_id", message.path("id").asText())
                    .append("from", message.path("from").asText())
                    .append("text", message.path("text").path("body").asText(null));
            return Mono.from(inbound.insertOne(doc)).then(ServerResponse.ok().build());
        });
    }
}
