package dev.cobra.runtime.simulator;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.read.FlowParseException;
import dev.cobra.flow.read.FlowReader;
import dev.cobra.runtime.flow.FlowDraft;
import dev.cobra.runtime.flow.MongoFlowStore;
import dev.cobra.runtime.nlu.NluService;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.Principal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Conversation tests of a flow (GET for any staff user, the rest for DESIGNER and ADMIN by the /api/flows rule):
 * {@code GET /api/flows/{id}/tests}, {@code POST /api/flows/{id}/tests} {@code {"name","yaml"}},
 * {@code DELETE /api/flows/{id}/tests/{testId}}, and {@code POST /api/flows/{id}/tests/run} {@code {"yaml":".."}}
 * (the flow YAML to test, the stored draft when absent) → {@code {"passed":bool,"results":[..]}}.
 */
@RestController
@RequestMapping("/api/flows/{flowId}/tests")
public class ConversationTestController {

    static final int MAX_TEST_LENGTH = 128 * 1024;
    private static final Pattern FLOW_ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final ConversationTestStore tests;
    private final MongoFlowStore flows;
    private final ConversationTestRunner runner;
    private final FlowReader reader = new FlowReader();

    public ConversationTestController(ConversationTestStore tests, MongoFlowStore flows, NluService nlu) {
        this.tests = tests;
        this.flows = flows;
        this.runner = new ConversationTestRunner(flows, nlu);
    }

    public record TestView(String id, String name, String description, int turns, boolean shipped, String yaml) {
    }

    public record SaveRequest(String name, String yaml) {
    }

    public record RunRequest(String yaml) {
    }

    public record RunView(boolean passed, List<ConversationTestResult> results) {
    }

    @GetMapping
    public Flux<TestView> list(@PathVariable String flowId) {
        checkFlowId(flowId);
        return tests.list(flowId).map(ConversationTestController::view);
    }

    @PostMapping
    public Mono<ResponseEntity<TestView>> save(@PathVariable String flowId, @RequestBody(required = false) SaveRequest request,
                                               Principal principal) {
        checkFlowId(flowId);
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > 120) {
            throw ApiException.badRequest("invalid_name", "A test needs a name of up to 120 characters");
        }
        if (request.yaml() == null || request.yaml().length() > MAX_TEST_LENGTH) {
            throw ApiException.badRequest("invalid_test", "A test needs its YAML (up to 128 KB)");
        }
        parse(request.yaml());
        return flows.draft(flowId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No flow '" + flowId + "'")))
                .flatMap(draft -> tests.save(flowId, request.name().trim(), request.yaml(),
                        principal == null ? "unknown" : principal.getName()))
                .map(saved -> ResponseEntity.status(HttpStatus.CREATED).body(view(saved)));
    }

    @DeleteMapping("/{testId}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String flowId, @PathVariable String testId) {
        checkFlowId(flowId);
        if (testId.startsWith(ConversationTestStore.SHIPPED_PREFIX)) {
            throw ApiException.conflict("shipped_test", "Tests shipped with the product cannot be deleted");
        }
        return tests.delete(flowId, testId).flatMap(deleted -> deleted
                ? Mono.just(ResponseEntity.noContent().<Void>build())
                : Mono.error(ApiException.notFound("No test '" + testId + "'")));
    }

    @PostMapping("/run")
    public Mono<RunView> run(@PathVariable String flowId, @RequestBody(required = false) RunRequest request) {
        checkFlowId(flowId);
        Mono<String> text = request != null && request.yaml() != null && !request.yaml().isBlank() ? Mono.just(request.yaml())
                : flows.draft(flowId).map(FlowDraft::yaml)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No flow '" + flowId + "'")));
        return text.publishOn(Schedulers.boundedElastic()).flatMap(yaml -> {
            Flow draft = flow(flowId, yaml);
            return tests.list(flowId).concatMap(test -> {
                ConversationTest parsed;
                try {
                    parsed = ConversationTest.parse(test.yaml());
                } catch (IllegalArgumentException e) {
                    return Mono.just(new ConversationTestResult(test.id(), test.name(), false, 0, e.getMessage(), List.of()));
                }
                return runner.run(test.id(), test.name(), draft, parsed);
            }).collectList();
        }).map(results -> new RunView(results.stream().allMatch(ConversationTestResult::passed), results));
    }

    private Flow flow(String flowId, String yaml) {
        try {
            Flow flow = reader.read(flowId, yaml);
            if (flow.entry() == null || !flow.steps().containsKey(flow.entry())) {
                throw ApiException.badRequest("draft_not_runnable", "The flow has no valid entry step");
            }
            return flow;
        } catch (FlowParseException e) {
            throw ApiException.badRequest("invalid_flow_yaml", e.getMessage());
        }
    }

    private static ConversationTest parse(String yaml) {
        try {
            return ConversationTest.parse(yaml);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_test", e.getMessage());
        }
    }

    private static TestView view(ConversationTestStore.StoredTest test) {
        String description = null;
        int turns = 0;
        try {
            ConversationTest parsed = ConversationTest.parse(test.yaml());
            description = parsed.description();
            turns = parsed.turns().size();
        } catch (IllegalArgumentException e) {
            description = e.getMessage();
        }
        return new TestView(test.id(), test.name(), description, turns, test.shipped(), test.yaml());
    }

    private static void checkFlowId(String flowId) {
        if (!FLOW_ID.matcher(flowId).matches()) {
            throw ApiException.badRequest("invalid_flow_id", "A flow id is lower case letters, digits and _, starting with a letter");
        }
    }
}
