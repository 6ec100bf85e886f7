package dev.cobra.runtime.flow;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.read.FlowParseException;
import dev.cobra.flow.read.FlowReader;
import dev.cobra.flow.validate.FlowProblem;
import dev.cobra.flow.validate.FlowValidator;
import dev.cobra.flow.validate.InvalidFlowException;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The flows API (CONTRACTS.md, "Flows"): list, read a draft with its graph, save a draft (YAML body), validate,
 * publish, and the publication history. Who may call what is decided in the security package (GET for any staff
 * user; the rest for DESIGNER and ADMIN). Parsing and validation run off the event loop.
 */
@RestController
@RequestMapping("/api/flows")
public class FlowController {

    /** Flow ids are file names and URL segments: lower case, digits and underscores. */
    static final Pattern FLOW_ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    /** Largest flow YAML accepted; the biggest shipped flow is under 10 KB. */
    static final int MAX_YAML_BYTES = 512 * 1024;

    private final MongoFlowStore store;
    private final FlowReader reader = new FlowReader();
    private final FlowValidator validator = new FlowValidator();

    public FlowController(MongoFlowStore store) {
        this.store = store;
    }

    /** A problem as the designer shows it, pinned to its step (null for the flow as a whole). */
    public record ProblemView(String step, String message, String code) {
        static ProblemView of(FlowProblem problem) {
            return new ProblemView(problem.stepId(), problem.message(), problem.code());
        }
    }

    public record ValidationView(boolean valid, List<ProblemView> errors) {
    }

    /** The draft of one flow; {@code graph} is null only if the stored YAML no longer parses. */
    public record FlowView(String id, String title, String yaml, FlowGraph graph, int draftVersion,
                           Integer publishedVersion, boolean unpublishedChanges, Instant updatedAt, String updatedBy,
                           ValidationView validation) {
    }

    public record VersionView(String id, int version, String yaml, FlowGraph graph) {
    }

    @GetMapping
    public Flux<FlowSummary> list() {
        return store.list();
    }

    @GetMapping("/{id}")
    public Mono<FlowView> get(@PathVariable String id) {
        checkId(id);
        return store.draft(id)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No flow '" + id + "'")))
                .publishOn(Schedulers.boundedElastic())
                .map(draft -> view(draft, graphOrNull(id, draft.yaml()), null));
    }

    @PutMapping("/{id}")
    public Mono<ResponseEntity<Object>> save(@PathVariable String id, @RequestBody(required = false) String yaml,
                                             Principal principal) {
        checkId(id);
        checkSize(yaml);
        return Mono.fromCallable(() -> reader.read(id, yaml == null ? "" : yaml))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(flow -> {
                    if (!flow.id().equals(id)) {
                        return Mono.error(ApiException.badRequest("flow_id_mismatch", "The YAML says id '"
                                + flow.id() + "' but is saved as '" + id + "'"));
                    }
                    return store.saveDraft(flow, yaml, author(principal))
                            .zipWith(knownIds(id))
                            .publishOn(Schedulers.boundedElastic())
                            .map(saved -> ResponseEntity.ok((Object) view(saved.getT1(), FlowGraph.of(flow),
                                    validation(flow, saved.getT2()))));
                })
                .onErrorResume(FlowParseException.class, e -> Mono.just(unparsable(e)));
    }

    @PostMapping("/{id}/validate")
    public Mono<ValidationView> validate(@PathVariable String id, @RequestBody(required = false) String yaml) {
        checkId(id);
        checkSize(yaml);
        Mono<String> text = yaml != null && !yaml.isBlank() ? Mono.just(yaml)
                : store.draft(id).map(FlowDraft::yaml)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No flow '" + id + "' and no YAML to validate")));
        return text.zipWith(knownIds(id))
                .publishOn(Schedulers.boundedElastic())
                .map(tuple -> {
                    try {
                        return validation(reader.read(id, tuple.getT1()), tuple.getT2());
                    } catch (FlowParseException e) {
                        return new ValidationView(false, List.of(new ProblemView(e.stepId(), e.getMessage(), "unparsable")));
                    }
                });
    }

    @PostMapping("/{id}/publish")
    public Mono<ResponseEntity<Object>> publish(@PathVariable String id, Principal principal) {
        checkId(id);
        return store.publish(id, author(principal))
                // CONTRACTS.md: the answer is the new published version number itself (a JSON number).
                .map(info -> ResponseEntity.ok((Object) info.version()))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No flow '" + id + "'")))
                .onErrorResume(InvalidFlowException.class, e -> Mono.just(errorWithProblems(HttpStatus.CONFLICT,
                        "invalid_flow", "The draft of '" + id + "' has " + e.problems().size()
                                + " problem(s); fix them before publishing",
                        e.problems().stream().map(ProblemView::of).toList())))
                .onErrorResume(DraftChangedException.class, e -> Mono.error(ApiException.conflict("draft_changed", e.getMessage())));
    }

    @GetMapping("/{id}/versions")
    public Flux<PublishedVersionInfo> versions(@PathVariable String id) {
        checkId(id);
        return store.history(id);
    }

    @GetMapping("/{id}/versions/{version}")
    public Mono<VersionView> version(@PathVariable String id, @PathVariable int version) {
        checkId(id);
        return store.versionYaml(id, version)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("Flow '" + id + "' has no version " + version)))
                .publishOn(Schedulers.boundedElastic())
                .map(yaml -> new VersionView(id, version, yaml, graphOrNull(id, yaml)));
    }

    /** Copies a published version into the draft (publish it afterwards to roll back). */
    @PostMapping("/{id}/versions/{version}/restore")
    public Mono<FlowView> restore(@PathVariable String id, @PathVariable int version, Principal principal) {
        checkId(id);
        return store.restore(id, version, author(principal))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("Flow '" + id + "' has no version " + version)))
                .zipWith(knownIds(id))
                .publishOn(Schedulers.boundedElastic())
                .map(tuple -> {
                    Flow flow = reader.read(id, tuple.getT1().yaml());
                    return view(tuple.getT1(), FlowGraph.of(flow), validation(flow, tuple.getT2()));
                });
    }

    // ---- helpers ----

    private Mono<Set<String>> knownIds(String id) {
        return store.flowIds().map(ids -> {
            Set<String> known = new HashSet<>(ids);
            known.add(id);
            return known;
        });
    }

    private ValidationView validation(Flow flow, Set<String> knownIds) {
        List<ProblemView> problems = validator.validate(flow, knownIds).stream().map(ProblemView::of).toList();
        return new ValidationView(problems.isEmpty(), problems);
    }

    private FlowGraph graphOrNull(String id, String yaml) {
        try {
            return FlowGraph.of(reader.read(id, yaml));
        } catch (FlowParseException e) {
            return null;
        }
    }

    private static FlowView view(FlowDraft draft, FlowGraph graph, ValidationView validation) {
        return new FlowView(draft.id(), draft.title(), draft.yaml(), graph, draft.draftVersion(), draft.publishedVersion(),
                draft.unpublishedChanges(), draft.updatedAt(), draft.updatedBy(), validation);
    }

    private static ResponseEntity<Object> unparsable(FlowParseException e) {
        return errorWithProblems(HttpStatus.BAD_REQUEST, "invalid_flow_yaml", e.getMessage(),
                List.of(new ProblemView(e.stepId(), e.getMessage(), "unparsable")));
    }

    /** The standard error body ({@code error}, {@code message}) plus the problems, for the designer to pin. */
    private static ResponseEntity<Object> errorWithProblems(HttpStatus status, String code, String message,
                                                           List<ProblemView> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        body.put("errors", problems);
        return ResponseEntity.status(status).body(body);
    }

    private static void checkId(String id) {
        if (!FLOW_ID.matcher(id).matches()) {
            throw ApiException.badRequest("invalid_flow_id", "A flow id is lower case letters, digits and _, starting with a letter");
        }
    }

    private static void checkSize(String yaml) {
        if (yaml != null && yaml.getBytes(StandardCharsets.UTF_8).length > MAX_YAML_BYTES) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "A flow may have at most "
                    + MAX_YAML_BYTES / 1024 + " KB of YAML");
        }
    }

    private static String author(Principal principal) {
        return principal == null ? "unknown" : principal.getName();
    }
}
