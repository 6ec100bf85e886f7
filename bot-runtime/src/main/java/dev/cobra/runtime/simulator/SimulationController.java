package dev.cobra.runtime.simulator;

import dev.cobra.runtime.conversation.engine.TurnInput;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.util.regex.Pattern;

/**
 * The designer's draft simulator over HTTP (DESIGNER and ADMIN, by the {@code /api/flows/**} rule):
 * <ul>
 *   <li>{@code POST /api/flows/{id}/simulations} {@code {"daysPastDue":10,"locale":"es","channel":"webchat","yaml":"..."}}
 *   (yaml optional: the stored draft by default) → the opening turn and a {@code sessionId};</li>
 *   <li>{@code POST .../simulations/{sid}/messages} {@code {"text":".."}} or {@code {"optionId":".."}} → the turn;</li>
 *   <li>{@code POST .../simulations/{sid}/restart}, {@code POST .../simulations/{sid}/jump} {@code {"step":".."}};</li>
 *   <li>{@code DELETE .../simulations/{sid}}.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/flows/{flowId}/simulations")
public class SimulationController {

    static final int MAX_TEXT_LENGTH = 4_096;
    static final int MAX_YAML_LENGTH = 512 * 1024;
    private static final Pattern FLOW_ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final DraftSimulator simulator;

    public SimulationController(DraftSimulator simulator) {
        this.simulator = simulator;
    }

    public record OpenRequest(Integer daysPastDue, String locale, String channel, String yaml) {
    }

    public record MessageRequest(String text, String optionId) {
    }

    public record JumpRequest(String step) {
    }

    @PostMapping
    public Mono<ResponseEntity<SimulationView>> open(@PathVariable String flowId, @RequestBody(required = false) OpenRequest request,
                                                     Principal principal) {
        checkFlowId(flowId);
        OpenRequest r = request == null ? new OpenRequest(null, null, null, null) : request;
        if (r.yaml() != null && r.yaml().length() > MAX_YAML_LENGTH) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "The YAML is too large");
        }
        SampleDebtor sample;
        try {
            sample = new SampleDebtor(r.daysPastDue() == null ? 10 : r.daysPastDue(), r.locale(), r.channel());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_sample", e.getMessage());
        }
        return simulator.open(flowId, r.yaml(), sample, owner(principal))
                .map(view -> ResponseEntity.status(HttpStatus.CREATED).body(view));
    }

    @PostMapping("/{sessionId}/messages")
    public Mono<SimulationView> message(@PathVariable String flowId, @PathVariable String sessionId,
                                        @RequestBody(required = false) MessageRequest request, Principal principal) {
        checkFlowId(flowId);
        if (request == null || (blank(request.text()) == blank(request.optionId()))) {
            throw ApiException.badRequest("invalid_message", "Send either a text or an optionId");
        }
        if (!blank(request.text()) && request.text().length() > MAX_TEXT_LENGTH) {
            throw ApiException.badRequest("text_too_long", "A message may have at most " + MAX_TEXT_LENGTH + " characters");
        }
        TurnInput input = blank(request.text()) ? TurnInput.option(request.optionId()) : TurnInput.text(request.text());
        return simulator.message(sessionId, owner(principal), input);
    }

    @PostMapping("/{sessionId}/restart")
    public Mono<SimulationView> restart(@PathVariable String flowId, @PathVariable String sessionId, Principal principal) {
        checkFlowId(flowId);
        return simulator.restart(sessionId, owner(principal));
    }

    @PostMapping("/{sessionId}/jump")
    public Mono<SimulationView> jump(@PathVariable String flowId, @PathVariable String sessionId,
                                     @RequestBody(required = false) JumpRequest request, Principal principal) {
        checkFlowId(flowId);
        if (request == null || blank(request.step())) {
            throw ApiException.badRequest("invalid_step", "Name the step to jump to");
        }
        return simulator.jump(sessionId, owner(principal), request.step());
    }

    @DeleteMapping("/{sessionId}")
    public ResponseEntity<Void> close(@PathVariable String flowId, @PathVariable String sessionId, Principal principal) {
        checkFlowId(flowId);
        simulator.close(sessionId, owner(principal));
        return ResponseEntity.noContent().build();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void checkFlowId(String flowId) {
        if (!FLOW_ID.matcher(flowId).matches()) {
            throw ApiException.badRequest("invalid_flow_id", "A flow id is lower case letters, digits and _, starting with a letter");
        }
    }

    private static String owner(Principal principal) {
        return principal == null ? "unknown" : principal.getName();
    }
}
