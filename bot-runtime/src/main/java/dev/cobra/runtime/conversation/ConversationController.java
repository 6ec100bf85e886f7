package dev.cobra.runtime.conversation;

import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Staff read access to a conversation's state. */
@RestController
class ConversationController {

    private final ConversationStore store;

    ConversationController(ConversationStore store) {
        this.store = store;
    }

    @GetMapping("/api/conversations/{id}")
    Mono<ConversationView> conversation(@PathVariable String id) {
        return store.findById(id).map(ConversationView::of)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No conversation with this id")));
    }
}
