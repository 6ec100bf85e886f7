package dev.cobra.runtime.conversation;

import dev.cobra.runtime.conversation.state.ConversationStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** {@code GET /api/debtors/{id}/conversations}: a debtor's conversations, newest first (the debtor page). */
@RestController
public class DebtorConversationsController {

    static final int MAX = 100;

    private final ConversationStore conversations;

    public DebtorConversationsController(ConversationStore conversations) {
        this.conversations = conversations;
    }

    /** A conversation in a debtor's list: the contract's view plus when it started and last changed. */
    public record Summary(ConversationView conversation, Instant createdAt, Instant updatedAt) {
    }

    @GetMapping("/api/debtors/{id}/conversations")
    public Mono<List<Summary>> of(@PathVariable String id) {
        return conversations.findByDebtor(id)
                .map(s -> new Summary(ConversationView.of(s), s.createdAt(), s.updatedAt()))
                .collectSortedList(Comparator.comparing((Summary s) -> s.createdAt() == null ? Instant.EPOCH : s.createdAt())
                        .reversed())
                .map(list -> list.size() > MAX ? list.subList(0, MAX) : list);
    }
}
