package dev.cobra.runtime.handoff;

import dev.cobra.runtime.web.error.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.security.Principal;

/** What the agent console reads besides the agents' API: a chat's side panel and the supervisor's overview. */
@RestController
class AgentConsoleController {

    private final ConversationContextService contexts;
    private final SupervisorOverview overview;

    AgentConsoleController(ConversationContextService contexts, SupervisorOverview overview) {
        this.contexts = contexts;
        this.overview = overview;
    }

    @GetMapping("/api/agent/conversations/{id}/context")
    Mono<ConversationContext> context(@PathVariable String id) {
        return contexts.context(id);
    }

    @GetMapping("/api/agent/overview")
    Mono<SupervisorOverview.Overview> overview(Principal principal) {
        if (!AgentController.supervises(principal)) {
            return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Only supervisors and admins see the overview"));
        }
        return overview.overview();
    }
}
