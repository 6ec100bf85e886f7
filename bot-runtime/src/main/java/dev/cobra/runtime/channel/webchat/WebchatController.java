package dev.cobra.runtime.channel.webchat;

import dev.cobra.runtime.conversation.message.InboundMessage;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.config.ShutdownSignal;
import dev.cobra.runtime.conversation.TurnHandler;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.conversation.state.MessageLog;
import dev.cobra.runtime.web.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The debtor-facing webchat API (CONTRACTS.md, Webchat). A session id is the debtor's bearer secret for one
 * conversation: 128 random bits, never derived from anything else; an unknown one is 404 and reveals nothing.
 */
@RestController
class WebchatController {

    /** Longest message a debtor may type; WhatsApp's own limit is 4096 characters, the widget uses the same. */
    static final int MAX_TEXT_LENGTH = 4096;
    /** Option ids are short identifiers written in flows. */
    static final int MAX_OPTION_ID_LENGTH = 100;
    /** Keeps idle SSE connections open through proxies that cut silent ones. */
    static final Duration HEARTBEAT = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(WebchatController.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TurnHandler turns;
    private final WebchatLinkService links;
    private final ConversationStore conversations;
    private final MessageLog messages;
    private final WebchatLiveEvents events;
    private final Clock clock;
    private final ShutdownSignal shutdown;
    private final WebchatRateLimits limits;

    WebchatController(TurnHandler turns, WebchatLinkService links, ConversationStore conversations, MessageLog messages,
                      WebchatLiveEvents events, Clock clock, ShutdownSignal shutdown, WebchatRateLimits limits) {
        this.shutdown = shutdown;
        this.limits = limits;
        this.turns = turns;
        this.links = links;
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    record SessionRequest(String token) {
    }

    record SessionResponse(String sessionId, String conversationId, List<Reply> replies, String locale) {
    }

    record MessageRequest(String text, String optionId) {
    }

    record MessageResponse(List<Reply> replies, String locale) {
    }

    @PostMapping("/webchat/api/sessions")
    Mono<SessionResponse> startSession(@RequestBody(required = false) Mono<SessionRequest> body, ServerHttpRequest http) {
        return body.defaultIfEmpty(new SessionRequest(null)).flatMap(request -> {
            limits.session(http, request.token());
            String sessionId = newSessionId();
            Mono<String> debtorId = request.token() == null ? Mono.just("") : links.debtorIdFor(request.token());
            return debtorId.flatMap(id -> turns.open(WebchatOutboundChannel.CHANNEL, id.isEmpty() ? null : id, sessionId))
                    .doOnNext(result -> log.info("webchat.session.started conversation={} anonymous={}",
                            result.conversationId(), request.token() == null))
                    .map(result -> new SessionResponse(sessionId, result.conversationId(), result.replies(), result.locale()));
        });
    }

    @PostMapping("/webchat/api/sessions/{sessionId}/messages")
    Mono<MessageResponse> send(@PathVariable String sessionId, @RequestBody(required = false) Mono<MessageRequest> body) {
        return body.switchIfEmpty(Mono.error(() -> ApiException.badRequest("empty_message", "Send {\"text\":...} or {\"optionId\":...}.")))
                .flatMap(request -> {
                    boolean hasText = request.text() != null && !request.text().isBlank();
                    boolean hasOption = request.optionId() != null && !request.optionId().isBlank();
                    if (!hasText && !hasOption) {
                        return Mono.error(ApiException.badRequest("empty_message", "Send {\"text\":...} or {\"optionId\":...}."));
                    }
                    if (hasText && request.text().length() > MAX_TEXT_LENGTH) {
                        return Mono.error(new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "text_too_long",
                                "A message may have at most " + MAX_TEXT_LENGTH + " characters."));
                    }
                    if (hasOption && request.optionId().length() > MAX_OPTION_ID_LENGTH) {
                        return Mono.error(ApiException.badRequest("invalid_option", "Unknown option."));
                    }
                    limits.message(sessionId);
                    return session(sessionId).flatMap(conversation -> turns.handle(new InboundMessage(
                            WebchatOutboundChannel.CHANNEL, conversation.id(), conversation.debtorId(), sessionId, null,
                            hasText ? request.text() : null, hasText ? null : request.optionId(), clock.instant())));
                })
                .map(result -> new MessageResponse(result.replies(), result.locale()));
    }

    @GetMapping("/webchat/api/sessions/{sessionId}/messages")
    Mono<List<WebchatEntry>> transcript(@PathVariable String sessionId) {
        return session(sessionId).flatMap(conversation -> messages.transcript(conversation.id())
                .map(WebchatEntry::of).collectList());
    }

    @GetMapping(value = "/webchat/api/sessions/{sessionId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<WebchatEntry>> live(@PathVariable String sessionId) {
        return session(sessionId).flatMapMany(conversation -> Flux.merge(
                events.listen(conversation.id()).map(entry -> ServerSentEvent.builder(entry).event("message").build()),
                Flux.interval(Duration.ZERO, HEARTBEAT).map(tick -> ServerSentEvent.<WebchatEntry>builder().comment("keep-alive").build())))
                .takeUntilOther(shutdown.stopping());
    }

    private Mono<ConversationState> session(String sessionId) {
        if (sessionId == null || sessionId.length() > 100) {
            return Mono.error(unknownSession());
        }
        return conversations.findLatest(WebchatOutboundChannel.CHANNEL, sessionId)
                .switchIfEmpty(Mono.error(WebchatController::unknownSession));
    }

    private static ApiException unknownSession() {
        return new ApiException(HttpStatus.NOT_FOUND, "session_not_found", "No chat session with this id.");
    }

    /** 128 random bits. */
    static String newSessionId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "s_" + HexFormat.of().formatHex(bytes);
    }
}
