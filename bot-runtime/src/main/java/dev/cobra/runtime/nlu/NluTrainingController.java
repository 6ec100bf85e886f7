package dev.cobra.runtime.nlu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.nlp.intent.IntentCorpus;
import dev.cobra.nlp.intent.LabeledExample;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The designers' side of the NLU (issue 3): add or remove intent examples, retrain, list model versions and
 * activate one (rollback). DESIGNER or ADMIN only ({@code AccessRules}).
 */
@RestController
@RequestMapping("/api/nlu")
public class NluTrainingController {

    /** Longest example accepted: examples are chat messages, not documents. */
    static final int MAX_EXAMPLE_LENGTH = 500;
    /** Most examples accepted in one request. */
    static final int MAX_EXAMPLES_PER_REQUEST = 500;

    private final NluModelStore store;
    private final NluTrainingService training;
    private final IntentModelRegistry registry;
    private final Clock clock = Clock.systemUTC();

    public NluTrainingController(NluModelStore store, NluTrainingService training, IntentModelRegistry registry) {
        this.store = store;
        this.training = training;
        this.registry = registry;
    }

    /** Body: one {@code {"intent","text"}} or an array of them. */
    @PostMapping("/examples")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Map<String, Object>> addExamples(@RequestBody JsonNode body, Principal principal) {
        List<LabeledExample> examples = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(nodes::add);
        } else if (body != null && body.isObject()) {
            nodes.add(body);
        }
        if (nodes.isEmpty()) {
            return Mono.error(ApiException.badRequest("invalid_examples",
                    "Send {\"intent\":\"...\",\"text\":\"...\"} or a non-empty array of them."));
        }
        if (nodes.size() > MAX_EXAMPLES_PER_REQUEST) {
            return Mono.error(new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "too_many_examples",
                    "At most " + MAX_EXAMPLES_PER_REQUEST + " examples per request."));
        }
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            String intent = n.path("intent").asText("");
            String text = n.path("text").asText("").strip();
            if (!IntentCorpus.LABELS.contains(intent)) {
                return Mono.error(ApiException.badRequest("unknown_intent", "Example " + i + ": unknown intent '"
                        + abbreviate(intent) + "'; known: " + new TreeSet<>(IntentCorpus.LABELS) + "."));
            }
            if (text.isEmpty() || text.length() > MAX_EXAMPLE_LENGTH || text.contains("\t") || text.contains("\n")) {
                return Mono.error(ApiException.badRequest("invalid_text", "Example " + i + ": text must be one line of 1 to "
                        + MAX_EXAMPLE_LENGTH + " characters."));
            }
            examples.add(new LabeledExample(intent, text));
        }
        String author = principal == null ? "unknown" : principal.getName();
        return Flux.fromIterable(examples)
                .concatMap(e -> store.addExample(e.label(), e.text(), author, clock.instant()))
                .collectList()
                .map(added -> Map.of("added", added));
    }

    @GetMapping("/examples")
    public Mono<Map<String, Object>> examples() {
        return store.examples().collectList().map(added -> {
            Map<String, Integer> shipped = new TreeMap<>();
            IntentCorpus.shippedTraining().forEach(e -> shipped.merge(e.label(), 1, Integer::sum));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("shippedTrainingPerIntent", shipped);
            body.put("shippedTestExamples", IntentCorpus.shippedTest().size());
            body.put("added", added);
            return body;
        });
    }

    @DeleteMapping("/examples/{id}")
    public Mono<ResponseEntity<Void>> deleteExample(@PathVariable String id) {
        return store.deleteExample(id).flatMap(deleted -> deleted ? Mono.just(ResponseEntity.noContent().<Void>build())
                : Mono.error(ApiException.notFound("No added example with that id.")));
    }

    @PostMapping("/train")
    public Mono<NluTrainingService.TrainingOutcome> train(Principal principal) {
        return training.train(principal == null ? "unknown" : principal.getName());
    }

    @GetMapping("/models")
    public Mono<Map<String, Object>> models() {
        return store.models().collectList().map(versions -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("active", registry.active().version());
            List<Object> all = new ArrayList<>();
            Map<String, Object> packaged = new LinkedHashMap<>();
            packaged.put("version", IntentModelRegistry.PACKAGED_VERSION);
            packaged.put("packaged", true);
            all.add(packaged);
            all.addAll(versions);
            body.put("versions", all);
            return body;
        });
    }

    @PostMapping("/models/{version}/activate")
    public Mono<Map<String, Object>> activate(@PathVariable String version) {
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return Mono.error(ApiException.badRequest("invalid_version", "The version must be a number."));
        }
        return training.activate(v).map(active -> Map.of("active", active));
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
