package dev.cobra.runtime.channel.whatsapp;

import dev.cobra.flow.model.WindowTemplate;
import dev.cobra.flow.template.TemplateRenderer;
import dev.cobra.runtime.conversation.message.OutboundMessage;
import dev.cobra.runtime.conversation.engine.CompiledFlow;
import dev.cobra.runtime.conversation.engine.CompiledFlows;
import dev.cobra.runtime.conversation.engine.TurnContext;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.conversation.state.StackFrame;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The window template of the flow a conversation is in ({@code whatsapp.windowTemplate} in the flow YAML). The
 * innermost flow that configures one wins: the current flow, then its callers from the nearest outwards. Its
 * parameters are rendered like flow texts, for the conversation's debtor and locale. Only read when a message
 * must go out after the window closed, so the extra reads (conversation, debtor) are off the hot path.
 */
public class FlowWindowTemplates implements WindowTemplateSource {

    private static final Logger log = LoggerFactory.getLogger(FlowWindowTemplates.class);

    private final ConversationStore conversations;
    private final CompiledFlows flows;
    private final DebtorDirectory debtors;
    private final Clock clock;
    private final TemplateRenderer renderer = new TemplateRenderer();
    /** {@code whatsapp.window-template-language}: the code when the template sets none and the locale maps to none. */
    private volatile String fallbackLanguage = "es";

    public FlowWindowTemplates(ConversationStore conversations, CompiledFlows flows, DebtorDirectory debtors, Clock clock) {
        this.conversations = conversations;
        this.flows = flows;
        this.debtors = debtors;
        this.clock = clock;
    }

    public FlowWindowTemplates fallbackLanguage(String language) {
        this.fallbackLanguage = language == null || language.isBlank() ? "es" : language;
        return this;
    }

    @Override
    public Mono<WindowTemplateChoice> forMessage(OutboundMessage message) {
        if (message.conversationId() == null) {
            return Mono.empty();
        }
        return conversations.findById(message.conversationId())
                .flatMap(state -> configured(state).flatMap(found -> debtor(state, message)
                        .map(debtor -> choice(found, state, message, debtor.orElse(null)))));
    }

    /** The current flow first, then the callers on the stack from the nearest outwards. */
    private Mono<Found> configured(ConversationState state) {
        List<StackFrame> frames = new ArrayList<>();
        if (state.flowId() != null) {
            frames.add(new StackFrame(state.flowId(), state.flowVersion(), null));
        }
        for (int i = state.stack().size() - 1; i >= 0; i--) {
            frames.add(state.stack().get(i));
        }
        return Flux.fromIterable(frames)
                .concatMap(frame -> flows.version(frame.flowId(), frame.flowVersion())
                        .map(CompiledFlow::flow)
                        .flatMap(flow -> Mono.justOrEmpty(flow.ownWindowTemplate().map(t -> new Found(flow.id(), t)))))
                .next();
    }

    private Mono<Optional<Debtor>> debtor(ConversationState state, OutboundMessage message) {
        String debtorId = state.debtorId() != null ? state.debtorId() : message.debtorId();
        if (debtorId == null) {
            return Mono.just(Optional.empty());
        }
        return debtors.findById(debtorId).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private WindowTemplateChoice choice(Found found, ConversationState state, OutboundMessage message, Debtor debtor) {
        String locale = state.locale() != null ? state.locale() : message.locale();
        Map<String, Object> vars = new HashMap<>(TurnContext.of(debtor, clock).templateVariables());
        vars.put("verified", state.verified());
        List<String> parameters = new ArrayList<>(found.template().parameters().size());
        for (String parameter : found.template().parameters()) {
            String rendered;
            try {
                rendered = renderer.render(parameter, vars, locale);
            } catch (RuntimeException e) {
                log.warn("whatsapp.window_template.render_failed conversation={} flow={} error={}", state.id(),
                        found.flowId(), e.getClass().getSimpleName());
                rendered = "";
            }
            parameters.add(metaSafe(rendered));
        }
        String language = found.template().language() != null ? found.template().language()
                : GraphMessages.templateLanguage(locale, fallbackLanguage);
        return new WindowTemplateChoice(found.template().name(), language, parameters, "flow:" + found.flowId());
    }

    /** Meta rejects empty parameters and ones with new lines, tabs or more than four spaces in a row. */
    static String metaSafe(String value) {
        String cleaned = value == null ? "" : value.replaceAll("[\\r\\n\\t]+", " ").replaceAll(" {5,}", "    ").strip();
        return cleaned.isEmpty() ? "-" : cleaned;
    }

    private record Found(String flowId, WindowTemplate template) {
    }
}
