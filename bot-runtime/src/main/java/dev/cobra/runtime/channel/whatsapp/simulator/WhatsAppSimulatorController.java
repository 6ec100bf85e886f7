package dev.cobra.runtime.channel.whatsapp.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cobra.runtime.channel.whatsapp.WebhookSignature;
import dev.cobra.runtime.channel.whatsapp.WhatsAppProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Both ends of WhatsApp for local trials. Point {@code whatsapp.graph-api-url} at
 * {@code http://<host>:<port>/simulator/whatsapp/graph/v21.0}; the page {@code /simulator/whatsapp/} then
 * sends messages as a phone (real webhook payloads, signed with {@code whatsapp.app-secret}, posted to this
 * application's {@code /webhooks/whatsapp}) and shows what the product sent to the "Graph API". Like Meta, the
 * "Graph API" follows each accepted message with signed status webhooks ({@code sent}, then {@code delivered})
 * echoing the message's {@code biz_opaque_callback_data}; {@code whatsapp.simulator.status-webhooks=false} turns
 * them off.
 * Anyone who can reach it can write as any number: never enable it in production.
 */
@RestController
@ConditionalOnProperty(name = "whatsapp.simulator.enabled", havingValue = "true")
public class WhatsAppSimulatorController {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppSimulatorController.class);

    /** Messages kept for the page; older ones are dropped. */
    static final int MAX_RECORDED = 500;

    private final WhatsAppProperties properties;
    private final ObjectMapper objectMapper;
    private final WebClient client;
    private final Environment environment;
    private final List<ObjectNode> sent = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    public WhatsAppSimulatorController(WhatsAppProperties properties, ObjectMapper objectMapper,
                                       WebClient.Builder webClients, Environment environment) {
        this.properties = properties;
        this.objectMapper = objectMapper;
        this.client = webClients.clone().build();
        this.environment = environment;
        log.warn("whatsapp.simulator.enabled: anyone reaching /simulator/whatsapp can write as any number");
    }

    /** The "Graph API": records a message the product sends and answers like Meta. */
    @PostMapping("/simulator/whatsapp/graph/{version}/{phoneNumberId}/messages")
    public Mono<Map<String, Object>> graphMessage(@PathVariable String version, @PathVariable String phoneNumberId,
                                                  @RequestBody JsonNode body) {
        long seq = ids.incrementAndGet();
        String wamid = "wamid.SIM" + seq;
        ObjectNode record = objectMapper.createObjectNode();
        record.put("seq", seq);
        record.put("wamid", wamid);
        record.put("at", Instant.now().toString());
        record.set("body", body);
        synchronized (sent) {
            sent.add(record);
            if (sent.size() > MAX_RECORDED) {
                sent.remove(0);
            }
        }
        if (properties.appSecret() != null
                && environment.getProperty("whatsapp.simulator.status-webhooks", Boolean.class, Boolean.TRUE)) {
            // After the answer, as Meta does: "sent", then "delivered"; failures are only logged (a local trial).
            Mono.delay(java.time.Duration.ofMillis(50))
                    .then(postWebhook(statusPayload(body, wamid, "sent")))
                    .then(postWebhook(statusPayload(body, wamid, "delivered")))
                    .subscribe(status -> { }, error -> log.warn("whatsapp.simulator.status_webhook.failed error={}",
                            error.getClass().getSimpleName()));
        }
        return Mono.just(Map.of("messaging_product", "whatsapp", "messages", List.of(Map.of("id", wamid))));
    }

    /** What the product sent, after sequence number {@code after}. */
    @GetMapping("/simulator/whatsapp/api/sent")
    public Mono<List<ObjectNode>> sent(@RequestParam(defaultValue = "0") long after) {
        synchronized (sent) {
            return Mono.just(sent.stream().filter(r -> r.path("seq").asLong() > after).toList());
        }
    }

    /**
     * The "phone": {@code {"from":"573001234567","text":"hola"}}, {@code {"from","optionId","title"}} (a button or
     * list reply), or {@code {"from","type":"audio"}}; optional {@code "bsuid"} and {@code "noPhone":true} for a
     * username user. Answers the webhook's HTTP status.
     */
    @PostMapping("/simulator/whatsapp/api/send")
    public Mono<ResponseEntity<Map<String, Object>>> send(@RequestBody JsonNode request) {
        if (properties.appSecret() == null) {
            return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", "not_configured",
                    "message", "Set whatsapp.app-secret so the simulator can sign webhooks")));
        }
        return postWebhook(webhookPayload(request))
                .map(status -> ResponseEntity.ok(Map.<String, Object>of("webhookStatus", status)));
    }

    /** Posts a webhook payload, signed like Meta's, to this application's endpoint; emits the HTTP status. */
    private Mono<Integer> postWebhook(ObjectNode root) {
        byte[] payload = root.toString().getBytes(StandardCharsets.UTF_8);
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return client.post().uri("http://127.0.0.1:" + port + "/webhooks/whatsapp")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", WebhookSignature.sign(properties.appSecret(), payload))
                .bodyValue(payload)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()));
    }

    /** A webhook body as Meta wraps it, with an empty {@code entry[0].changes[0].value} for the caller to fill. */
    private ObjectNode webhookEnvelope() {
        ObjectNode root = objectMapper.createObjectNode();
        root.put("object", "whatsapp_business_account");
        ObjectNode value = root.putArray("entry").addObject().put("id", "SIMULATED_WABA")
                .putArray("changes").addObject().put("field", "messages").putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550000000")
                .put("phone_number_id", String.valueOf(properties.phoneNumberId()));
        return root;
    }

    /** Meta's status webhook for a message the "Graph API" accepted, echoing its callback data. */
    ObjectNode statusPayload(JsonNode sentBody, String wamid, String status) {
        ObjectNode root = webhookEnvelope();
        ObjectNode value = (ObjectNode) root.at("/entry/0/changes/0/value");
        ObjectNode entry = value.putArray("statuses").addObject();
        entry.put("id", wamid).put("status", status).put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
        if (sentBody.hasNonNull("to")) {
            entry.put("recipient_id", sentBody.get("to").asText());
        } else if (sentBody.hasNonNull("recipient")) {
            entry.put("recipient_user_id", sentBody.get("recipient").asText());
        }
        if (sentBody.hasNonNull("biz_opaque_callback_data")) {
            entry.put("biz_opaque_callback_data", sentBody.get("biz_opaque_callback_data").asText());
        }
        return root;
    }

    ObjectNode webhookPayload(JsonNode request) {
        String from = request.path("from").asText("573001234567").replace("+", "");
        String bsuid = request.path("bsuid").asText(null);
        boolean noPhone = request.path("noPhone").asBoolean(false) && bsuid != null;
        ObjectNode root = webhookEnvelope();
        ObjectNode value = (ObjectNode) root.at("/entry/0/changes/0/value");
        ObjectNode contact = value.putArray("contacts").addObject();
        contact.putObject("profile").put("name", request.path("name").asText("Simulated user"));
        if (!noPhone) {
            contact.put("wa_id", from);
        }
        if (bsuid != null) {
            contact.put("user_id", bsuid);
        }
        ArrayNode messages = value.putArray("messages");
        ObjectNode message = messages.addObject();
        if (!noPhone) {
            message.put("from", from);
        }
        if (bsuid != null) {
            message.put("from_user_id", bsuid);
        }
        message.put("id", "wamid.SIMIN" + System.nanoTime());
        message.put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
        String type = request.path("type").asText(null);
        if (request.hasNonNull("optionId")) {
            message.put("type", "interactive");
            String kind = request.path("kind").asText("button_reply");
            message.putObject("interactive").put("type", kind).putObject(kind)
                    .put("id", request.path("optionId").asText()).put("title", request.path("title").asText(""));
        } else if ("audio".equals(type)) {
            message.put("type", "audio");
            message.putObject("audio").put("id", "SIMULATED_AUDIO").put("mime_type", "audio/ogg; codecs=opus")
                    .put("voice", true);
        } else if ("location".equals(type)) {
            message.put("type", "location");
            message.putObject("location").put("latitude", 4.6097).put("longitude", -74.0817);
        } else {
            message.put("type", "text");
            message.putObject("text").put("body", request.path("text").asText(""));
        }
        return root;
    }
}
