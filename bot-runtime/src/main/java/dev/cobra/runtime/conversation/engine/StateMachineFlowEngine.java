package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.expr.ConditionExpression;
import dev.cobra.flow.model.ActionStep;
import dev.cobra.flow.model.ConditionBranch;
import dev.cobra.flow.model.ConditionStep;
import dev.cobra.flow.model.EndStep;
import dev.cobra.flow.model.EntityType;
import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.FlowSettings;
import dev.cobra.flow.model.HandoffStep;
import dev.cobra.flow.model.InputStep;
import dev.cobra.flow.model.InputValidation;
import dev.cobra.flow.model.LocalizedText;
import dev.cobra.flow.model.MenuOption;
import dev.cobra.flow.model.MenuStep;
import dev.cobra.flow.model.MessageStep;
import dev.cobra.flow.model.ReturnStep;
import dev.cobra.flow.model.Step;
import dev.cobra.flow.model.SubflowStep;
import dev.cobra.flow.template.TemplateRenderer;
import dev.cobra.nlp.api.Entity;
import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.Intents;
import dev.cobra.runtime.channel.Reply;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStatus;
import dev.cobra.runtime.conversation.state.Handoff;
import dev.cobra.runtime.conversation.state.StackFrame;
import dev.cobra.runtime.debtor.Debt;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.nlu.NluResult;
import dev.cobra.runtime.nlu.NluService;
import dev.cobra.runtime.verification.IdentityAttempt;
import dev.cobra.runtime.verification.IdentityCheck;
import dev.cobra.runtime.verification.IdentityDigits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Executes flows one turn at a time.
 *
 * <h2>Implementation notes</h2>
 *
 * <p><b>Design.</b> Each published flow version is compiled once into a Spring Statemachine model by
 * {@link FlowCompiler} (states = step ids, events = the step transitions, e.g. {@code next},
 * {@code option:pay_now}, {@code intent:payment_plan}, {@code branch:0}, {@code else}, {@code fail},
 * {@code global:opt_out}) and cached in {@link CompiledFlows}. A turn does not restore a live machine: it reads
 * the transition table extracted from the compiled machine. Restoring a machine per turn
 * ({@code resetStateMachineReactively} + {@code sendEvent}) costs a machine per conversation in flight (machines
 * are stateful, not shareable) and ~270 µs per transition against ~0.04 µs for the table lookup and ~5–25 µs
 * for a whole turn, for no extra safety — the table is the machine's own model (docs/benchmarks.md). Subflow calls, returns and global routes cross flows, so
 * they are handled here on an explicit stack rather than as nested machines.
 *
 * <p><b>Invariants.</b> (1) Our JSON state ({@link ConversationState}) is authoritative; this class mutates the
 * copy loaded for the turn and the caller persists it with an optimistic version check, so a retried turn
 * starts again from stored state. (2) A turn ends only on a waiting step (menu, input), a handoff, an end, or
 * when {@link #MAX_STEPS_PER_TURN} steps ran (a runaway flow: handed off and logged). (3) Nothing about the
 * debt is said unless a flow says it; shipped stage flows verify first. (4) Opt-out keywords are honoured
 * before NLU in every status, including while an agent owns the chat. (5) Document digits are removed from the
 * slots as soon as they are checked, so they are never stored.
 *
 * <p><b>Free text.</b> An answer is acted on only when the NLU is confident: not a fallback, top confidence at
 * or above the flow's accept threshold and at least the flow's margin above the runner-up. Anything else is a
 * miss; the first miss in a menu asks to clarify with the options again, the second hands off
 * ({@code low_confidence}). Flow routes (option intents, then menu intents) come before global intents.
 *
 * <p><b>Threads.</b> Pure CPU work on small maps; I/O (NLU, actions, catalog) is reactive. Nothing blocks.
 */
public class StateMachineFlowEngine implements FlowEngine {

    /**
     * Most steps one turn may execute. The longest shipped path (greeting, verification subflow, balance,
     * menu) is about a dozen steps; 50 leaves room for designer flows while stopping a loop within a turn.
     */
    public static final int MAX_STEPS_PER_TURN = 50;

    /** Slot written by the {@code payment_link} action and rendered as {@code {{link}}}. */
    public static final String PAYMENT_LINK_SLOT = "paymentLink";
    public static final String VERIFICATION_ATTEMPTS_SLOT = "verificationAttempts";
    /** Set when the debtor's identity checks are locked (too many failures over all sessions). */
    public static final String VERIFICATION_LOCKED_SLOT = "verificationLocked";

    private static final Logger log = LoggerFactory.getLogger(StateMachineFlowEngine.class);
    private static final Pattern OPTION_NUMBER = Pattern.compile("(?:opcion|option|numero|number)?\\s*(\\d{1,2})");

    private final CompiledFlows flows;
    private final NluService nlu;
    private final CollectionActions actions;
    private final TemplateRenderer renderer = new TemplateRenderer();
    private final ConcurrentMap<String, Optional<ConditionExpression>> conditions = new ConcurrentHashMap<>();

    public StateMachineFlowEngine(CompiledFlows flows, NluService nlu, CollectionActions actions) {
        this.flows = flows;
        this.nlu = nlu;
        this.actions = actions;
    }

    @Override
    public Mono<TurnOutcome> start(ConversationState state, TurnContext context) {
        return start(new Run(state, context, null));
    }

    private Mono<TurnOutcome> start(Run run) {
        Debtor debtor = run.context.debtor();
        Mono<CollectionActions.RunContext> extra = debtor == null ? Mono.just(CollectionActions.RunContext.NONE)
                : actions.runContext(debtor, run.context.now()).defaultIfEmpty(CollectionActions.RunContext.NONE);
        return extra.flatMap(context -> start(run, context)).then(Mono.defer(() -> flushEvents(run)))
                .then(Mono.fromSupplier(run::outcome));
    }

    private Mono<Void> start(Run run, CollectionActions.RunContext extra) {
        Debtor debtor = run.context.debtor();
        long daysPastDue = debtor == null ? 0 : Math.max(debtor.daysPastDue(run.context.today()), extra.minDaysPastDue());
        Mono<CompiledFlow> flow = debtor == null ? flows.anonymous()
                : flows.forStage(daysPastDue)
                .switchIfEmpty(Mono.defer(() -> {
                    log.warn("flow.stage.missing daysPastDue={} fallback=anonymous", daysPastDue);
                    return flows.anonymous();
                }));
        return flow.flatMap(f -> {
            run.state.resetRun();
            run.state.slots().putAll(extra.slots());
            run.state.flowId(f.flow().id());
            run.state.flowVersion(f.version());
            run.state.moveTo(f.flow().entry());
            log.info("flow.run.start conversation={} flow={} version={}", run.state.id(), f.flow().id(), f.version());
            return advance(run);
        });
    }

    @Override
    public Mono<TurnOutcome> handle(ConversationState state, TurnInput input, TurnContext context) {
        Run run = new Run(state, context, input);
        return Mono.defer(() -> {
            if (input.text() != null && OptOutKeywords.matches(input.text())) {
                log.info("conversation.opt_out.keyword conversation={}", state.id());
                return state.status() == ConversationStatus.BOT
                        ? withCurrent(run, f -> global(run, f, Intents.OPT_OUT), () -> builtInGlobal(run, Intents.OPT_OUT))
                        : builtInGlobal(run, Intents.OPT_OUT);
            }
            return switch (state.status()) {
                case CLOSED -> start(run).then();
                case WAITING_AGENT, AGENT -> Mono.empty();
                case BOT -> withCurrent(run, flow -> answer(run, flow), () -> {
                    if (state.flowId() == null) {
                        return start(run).then(); // a conversation's first message: the opening turn
                    }
                    log.warn("flow.state.lost conversation={} flow={} version={}", state.id(), state.flowId(), state.flowVersion());
                    return start(run).then();
                });
            };
        }).then(Mono.defer(() -> flushEvents(run))).then(Mono.fromSupplier(run::outcome));
    }

    @Override
    public Mono<TurnOutcome> resume(ConversationState state, String stepId, TurnContext context) {
        Run run = new Run(state, context, null);
        return withCurrent(run, flow -> {
            if (stepId != null && flow.step(stepId) == null) {
                return Mono.error(new IllegalArgumentException("step " + stepId + " is not in flow " + flow.key()));
            }
            state.status(ConversationStatus.BOT);
            state.handoff(null);
            log.info("conversation.resumed conversation={} flow={} step={}", state.id(), flow.key(), stepId);
            if (stepId != null) {
                state.moveTo(null);
                state.moveTo(stepId);
                return advance(run);
            }
            Step current = flow.step(state.step());
            if (current != null && current.waitsForInput()) {
                state.moveTo(null);
                state.moveTo(current.id());
                return advance(run);
            }
            if (!state.stack().isEmpty()) {
                return returnToCaller(run);
            }
            // A handoff in the stage flow itself: start it over, keeping verification (its check skips re-asking).
            state.moveTo(flow.flow().entry());
            return advance(run);
        }, () -> start(run).then()).then(Mono.defer(() -> flushEvents(run))).then(Mono.fromSupplier(run::outcome));
    }

    // ---- answering a waiting step ----

    private Mono<Void> answer(Run run, CompiledFlow flow) {
        Step step = flow.step(run.state.step());
        if (step instanceof MenuStep menu) {
            return answerMenu(run, flow, menu);
        }
        if (step instanceof InputStep input) {
            return answerInput(run, flow, input);
        }
        if (step == null) {
            return Mono.error(new IllegalStateException("step " + run.state.step() + " missing in " + flow.key()));
        }
        // Not waiting (e.g. an agent handed back to a message step): run from it; the message itself is not an answer.
        return advance(run);
    }

    private Mono<Void> answerMenu(Run run, CompiledFlow flow, MenuStep menu) {
        TurnInput input = run.input;
        if (input.optionId() != null) {
            for (MenuOption option : menu.options()) {
                if (option.id().equals(input.optionId())) {
                    run.debtorText = title(option, run.locale());
                    return choose(run, flow, menu, option);
                }
            }
            log.info("flow.menu.stale_option conversation={} step={}", run.state.id(), menu.id());
            return miss(run, flow, menu);
        }
        String typed = TextMatching.normalize(input.text());
        List<MenuOption> options = menu.options();
        for (int i = 0; i < options.size(); i++) {
            MenuOption option = options.get(i);
            if (typed.equals(TextMatching.normalize(title(option, run.locale()))) || typed.equals(option.id())
                    || matchesNumber(typed, i + 1)) {
                return choose(run, flow, menu, option);
            }
        }
        MenuOption named = TextMatching.uniquelyNamedOption(typed, options, option -> title(option, run.locale()));
        if (named != null) {
            return choose(run, flow, menu, named);
        }
        return classify(run, input.text()).flatMap(result -> {
            if (!confident(result, flow.flow().settings())) {
                log.info("flow.menu.low_confidence conversation={} step={} intent={} confidence={}", run.state.id(), menu.id(),
                        result.prediction().intent(), String.format(java.util.Locale.ROOT, "%.2f", result.prediction().confidence()));
                return miss(run, flow, menu);
            }
            String intent = result.prediction().intent();
            for (MenuOption option : options) {
                if (option.intents().contains(intent)) {
                    return choose(run, flow, menu, option);
                }
            }
            if (menu.intents().containsKey(intent)) {
                return follow(run, flow, menu.id(), "intent:" + intent);
            }
            if (Intents.GLOBAL.contains(intent)) {
                return global(run, flow, intent);
            }
            log.info("flow.menu.no_route conversation={} step={} intent={}", run.state.id(), menu.id(), intent);
            return miss(run, flow, menu);
        });
    }

    private static boolean matchesNumber(String typed, int number) {
        Matcher m = OPTION_NUMBER.matcher(typed);
        return m.matches() && Integer.parseInt(m.group(1)) == number;
    }

    private Mono<Void> choose(Run run, CompiledFlow flow, MenuStep menu, MenuOption option) {
        log.debug("flow.menu.option conversation={} step={} option={}", run.state.id(), menu.id(), option.id());
        return follow(run, flow, menu.id(), "option:" + option.id());
    }

    /** A menu answer the bot cannot act on: clarify once, then hand off. */
    private Mono<Void> miss(Run run, CompiledFlow flow, MenuStep menu) {
        if (run.state.clarifyCount() >= 1) {
            run.say(RuntimeTexts.lowConfidenceHandoff(run.locale()));
            handoff(run, flow.flow().settings().handoffQueue(), "low_confidence");
            return Mono.empty();
        }
        run.state.clarifyCount(run.state.clarifyCount() + 1);
        run.replies.add(Reply.options(RuntimeTexts.clarify(run.locale()), options(run, menu)));
        return Mono.empty();
    }

    private Mono<Void> answerInput(Run run, CompiledFlow flow, InputStep step) {
        String text = run.input.text() != null ? run.input.text() : run.input.optionId();
        if (text == null || text.isBlank()) {
            return invalid(run, flow, step);
        }
        if (step.entity() == EntityType.DOCUMENT) {
            run.debtorText = IdentityDigits.mask(text); // what the transcript keeps: never the typed digits
        }
        return classify(run, text).flatMap(result -> {
            String intent = result.prediction().intent();
            if (confident(result, flow.flow().settings()) && Intents.GLOBAL.contains(intent)) {
                return global(run, flow, intent);
            }
            Object value = InputValues.extract(step, text, result);
            if (value != null && valid(run, flow, step, value)) {
                run.state.slots().put(step.slot(), value);
                log.debug("flow.input.accepted conversation={} step={} slot={}", run.state.id(), step.id(), step.slot());
                return follow(run, flow, step.id(), "next");
            }
            return invalid(run, flow, step);
        });
    }

    private Mono<Void> invalid(Run run, CompiledFlow flow, InputStep step) {
        run.state.retryCount(run.state.retryCount() + 1);
        log.info("flow.input.invalid conversation={} step={} attempt={}", run.state.id(), step.id(), run.state.retryCount());
        if (run.state.retryCount() >= step.retries()) {
            String onFail = flow.target(step.id(), "fail");
            if (onFail != null) {
                run.state.moveTo(onFail);
                return advance(run);
            }
            run.say(RuntimeTexts.lowConfidenceHandoff(run.locale()));
            handoff(run, flow.flow().settings().handoffQueue(), "low_confidence");
            return Mono.empty();
        }
        if (step.invalidText() != null && !step.invalidText().isEmpty()) {
            run.say(step.invalidText());
        } else {
            run.say(RuntimeTexts.invalidInput(run.locale()));
            run.say(step.text());
        }
        return Mono.empty();
    }

    private boolean valid(Run run, CompiledFlow flow, InputStep step, Object value) {
        InputValidation v = step.validation();
        Map<String, Object> vars = run.vars();
        if (value instanceof LocalDate date) {
            int days = v != null && v.maxDaysAhead() != null ? v.maxDaysAhead() : flow.flow().settings().promiseHorizonDays();
            LocalDate today = run.context.today();
            return !date.isBefore(today) && !date.isAfter(today.plusDays(days));
        }
        if (value instanceof BigDecimal || value instanceof Integer) {
            BigDecimal n = value instanceof Integer i ? BigDecimal.valueOf(i) : (BigDecimal) value;
            if (n.signum() <= 0) {
                return false;
            }
            BigDecimal min = v == null ? null : InputValues.bound(v.min(), vars);
            BigDecimal max = v == null ? null : InputValues.bound(v.max(), vars);
            return (min == null || n.compareTo(min) >= 0) && (max == null || n.compareTo(max) <= 0);
        }
        if (value instanceof String s && v != null && v.pattern() != null) {
            Pattern pattern = InputValues.pattern(v.pattern());
            if (pattern == null) {
                log.warn("flow.input.bad_pattern flow={} step={}", flow.flow().id(), step.id());
                return true;
            }
            return pattern.matcher(s).matches();
        }
        return value instanceof String s ? !s.isBlank() : value != null;
    }

    // ---- global intents ----

    private Mono<Void> global(Run run, CompiledFlow flow, String intent) {
        log.info("flow.global conversation={} intent={}", run.state.id(), intent);
        String route = flow.flow().globalRoutes().get(intent);
        if (route != null) {
            return routeGlobal(run, flow, intent, route);
        }
        if (!run.state.stack().isEmpty()) {
            StackFrame root = run.state.stack().get(0);
            return flows.version(root.flowId(), root.flowVersion())
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException("flow " + root.flowId() + " not found")))
                    .flatMap(rootFlow -> {
                String rootRoute = rootFlow.flow().globalRoutes().get(intent);
                if (rootRoute == null) {
                    return builtInGlobal(run, intent);
                }
                if (rootRoute.startsWith("flow:")) {
                    return routeGlobal(run, flow, intent, rootRoute);
                }
                // A step of the stage flow: leave the subflows and continue there.
                run.state.stack(List.of());
                run.state.flowId(rootFlow.flow().id());
                run.state.flowVersion(rootFlow.version());
                run.state.moveTo(rootRoute);
                return advance(run);
            });
        }
        return builtInGlobal(run, intent);
    }

    private Mono<Void> routeGlobal(Run run, CompiledFlow flow, String intent, String route) {
        if (route.startsWith("flow:")) {
            // Call the subflow; when it returns, the debtor is asked the interrupted question again.
            return callSubflow(run, route.substring("flow:".length()), run.state.step());
        }
        String target = flow.target(run.state.step(), FlowCompiler.GLOBAL_EVENT_PREFIX + intent);
        run.state.moveTo(target != null ? target : route);
        return advance(run);
    }

    private Mono<Void> builtInGlobal(Run run, String intent) {
        ConversationState state = run.state;
        String debtorId = state.debtorId();
        return switch (intent) {
            case Intents.OPT_OUT -> (debtorId == null ? Mono.<Void>empty()
                    : actions.optOut(debtorId, state.channel(), run.context.now()))
                    .then(Mono.fromRunnable(() -> {
                        state.optedOut(true);
                        run.say(RuntimeTexts.optedOut(run.locale()));
                        close(run, "OPTED_OUT");
                    }));
            case Intents.WRONG_PERSON -> (debtorId == null ? Mono.<Void>empty()
                    : actions.flagWrongParty(debtorId, run.context.now()))
                    .then(Mono.fromRunnable(() -> {
                        run.say(RuntimeTexts.wrongParty(run.locale()));
                        close(run, "WRONG_PARTY");
                    }));
            case Intents.COMPLAINT -> Mono.fromRunnable(() -> {
                run.say(RuntimeTexts.complaint(run.locale()));
                handoff(run, "complaints", "complaint");
            });
            default -> Mono.fromRunnable(() -> {
                run.say(RuntimeTexts.talkToAgent(run.locale()));
                handoff(run, "general", Intents.TALK_TO_AGENT);
            });
        };
    }

    // ---- executing steps ----

    private Mono<Void> advance(Run run) {
        return Mono.defer(() -> {
            if (run.stepsRun >= MAX_STEPS_PER_TURN) {
                log.warn("flow.runaway conversation={} flow={} step={} steps={}", run.state.id(), run.state.flowId(),
                        run.state.step(), run.stepsRun);
                run.say(RuntimeTexts.technicalHandoff(run.locale()));
                handoff(run, "general", "runaway_flow");
                return Mono.empty();
            }
            run.stepsRun++;
            return current(run)
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                            "flow " + run.state.flowId() + "@" + run.state.flowVersion() + " not found")))
                    .flatMap(flow -> execute(run, flow, flow.step(run.state.step())));
        });
    }

    private Mono<Void> execute(Run run, CompiledFlow flow, Step step) {
        if (step == null) {
            log.error("flow.step.missing conversation={} flow={} step={}", run.state.id(), flow.key(), run.state.step());
            run.say(RuntimeTexts.technicalHandoff(run.locale()));
            handoff(run, "general", "flow_error");
            return Mono.empty();
        }
        if (log.isDebugEnabled()) {
            log.debug("flow.step.enter conversation={} flow={} step={} type={}", run.state.id(), flow.key(), step.id(), step.type());
        }
        if (step instanceof MessageStep message) {
            run.say(message.text());
            if (message.media() != null) {
                Reply media = MediaReplies.of(message.media(), run::renderOrNull, step.id());
                if (media != null) {
                    run.replies.add(media);
                }
            }
            return follow(run, flow, step.id(), "next");
        }
        if (step instanceof MenuStep menu) {
            run.replies.add(Reply.options(run.render(menu.text()), options(run, menu)));
            return Mono.empty();
        }
        if (step instanceof InputStep input) {
            run.say(input.text());
            return Mono.empty();
        }
        if (step instanceof ConditionStep condition) {
            Map<String, Object> vars = run.vars();
            List<ConditionBranch> branches = condition.branches();
            for (int i = 0; i < branches.size(); i++) {
                if (holds(flow, step, branches.get(i).when(), vars)) {
                    return follow(run, flow, step.id(), "branch:" + i);
                }
            }
            return follow(run, flow, step.id(), "else");
        }
        if (step instanceof ActionStep action) {
            return runAction(run, flow, action).then(Mono.defer(() -> {
                run.say(action.text());
                return follow(run, flow, step.id(), "next");
            }));
        }
        if (step instanceof HandoffStep handoff) {
            run.say(handoff.text());
            handoff(run, handoff.queue() != null ? handoff.queue() : flow.flow().settings().handoffQueue(),
                    handoff.reason() != null ? handoff.reason() : "flow");
            return Mono.empty();
        }
        if (step instanceof SubflowStep subflow) {
            return callSubflow(run, subflow.flow(), subflow.next());
        }
        if (step instanceof ReturnStep) {
            return returnToCaller(run);
        }
        EndStep end = (EndStep) step;
        run.say(end.text());
        close(run, end.disposition() == null ? null : end.disposition().name());
        return Mono.empty();
    }

    /** Takes the compiled transition {@code event} from {@code stepId}; no such transition ends the (sub)flow. */
    private Mono<Void> follow(Run run, CompiledFlow flow, String stepId, String event) {
        String target = flow.target(stepId, event);
        if (target == null) {
            log.debug("flow.step.no_transition flow={} step={} event={}", flow.key(), stepId, event);
            return returnToCaller(run);
        }
        run.state.moveTo(target);
        return advance(run);
    }

    private Mono<Void> callSubflow(Run run, String flowId, String returnStep) {
        return flows.published(flowId)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("subflow " + flowId + " is not published")))
                .flatMap(sub -> {
                    ConversationState state = run.state;
                    List<StackFrame> stack = new ArrayList<>(state.stack());
                    stack.add(new StackFrame(state.flowId(), state.flowVersion(), returnStep));
                    state.stack(stack);
                    state.flowId(sub.flow().id());
                    state.flowVersion(sub.version());
                    state.moveTo(sub.flow().entry());
                    return advance(run);
                });
    }

    private Mono<Void> returnToCaller(Run run) {
        ConversationState state = run.state;
        if (state.stack().isEmpty()) {
            close(run, null);
            return Mono.empty();
        }
        List<StackFrame> stack = new ArrayList<>(state.stack());
        StackFrame frame = stack.remove(stack.size() - 1);
        state.stack(stack);
        state.flowId(frame.flowId());
        state.flowVersion(frame.flowVersion());
        if (frame.returnStep() == null) {
            return returnToCaller(run);
        }
        // Force the per-step counters to reset even when returning to the same step id.
        state.moveTo(null);
        state.moveTo(frame.returnStep());
        return advance(run);
    }

    private Mono<Void> runAction(Run run, CompiledFlow flow, ActionStep step) {
        ConversationState state = run.state;
        Map<String, Object> params = step.params();
        Map<String, Object> slots = state.slots();
        Debtor debtor = run.context.debtor();
        Debt debt = debtor == null ? null : debtor.primaryDebt().orElse(null);
        String debtorId = state.debtorId();
        String debtId = debt == null ? null : debt.id();
        String currency = debt == null ? null : debt.currency();
        if (step.action() == null) {
            return Mono.empty();
        }
        return switch (step.action()) {
            case PAYMENT_LINK -> {
                BigDecimal amount = Optional.ofNullable(InputValues.toDecimal(slots.get(param(params, "amount", ""))))
                        .orElse(debt == null ? null : debt.balance());
                yield actions.createPaymentLink(new CollectionActions.PaymentLinkRequest(state.id(), debtorId, debtId,
                                amount, currency, run.context.now()))
                        .doOnNext(url -> slots.put(PAYMENT_LINK_SLOT, url)).then();
            }
            case RECORD_PROMISE -> {
                LocalDate date = InputValues.toDate(slots.get(param(params, "date", "promiseDate")));
                BigDecimal amount = Optional.ofNullable(InputValues.toDecimal(slots.get(param(params, "amount", "promiseAmount"))))
                        .orElse(debt == null ? null : debt.balance());
                yield actions.recordPromise(new CollectionActions.PromiseRecord(state.id(), debtorId, debtId, date, amount,
                                currency, run.context.now()))
                        .then(event(run, "promise_made", mapOf("date", date == null ? null : date.toString(),
                                "amount", amount == null ? null : amount.toPlainString(), "currency", currency)));
            }
            case RECORD_PLAN_REQUEST -> {
                Integer installments = InputValues.toInteger(slots.get(param(params, "installments", "installments")));
                BigDecimal amount = InputValues.toDecimal(slots.get(param(params, "amount", "downPayment")));
                yield actions.recordPlanRequest(new CollectionActions.PlanRequestRecord(state.id(), debtorId, debtId,
                                installments, amount, currency, run.context.now()))
                        .then(event(run, "plan_requested", mapOf("installments", installments,
                                "amount", amount == null ? null : amount.toPlainString())));
            }
            case SET_DISPOSITION -> Mono.fromRunnable(() -> state.disposition(param(params, "disposition", null)));
            case EMIT_EVENT -> event(run, param(params, "event", "custom"), mapOf("flowId", flow.flow().id(), "step", step.id()));
            case VERIFY_IDENTITY -> {
                String slot = param(params, "slot", "document");
                Object digits = slots.remove(slot);
                int attempts = Optional.ofNullable(InputValues.toInteger(slots.get(VERIFICATION_ATTEMPTS_SLOT))).orElse(0) + 1;
                slots.put(VERIFICATION_ATTEMPTS_SLOT, attempts);
                Mono<IdentityCheck> check = debtorId == null || digits == null ? Mono.just(IdentityCheck.MISMATCH)
                        : actions.checkIdentity(new IdentityAttempt(debtorId, digits.toString(), state.channel(),
                        state.id(), run.context.now()));
                yield check.flatMap(result -> {
                    boolean ok = result.verified();
                    state.verified(ok);
                    slots.put("verified", ok);
                    log.info("flow.verify conversation={} verified={} attempt={} locked={}", state.id(), ok, attempts,
                            result.locked());
                    if (!result.locked()) {
                        return Mono.<Void>empty();
                    }
                    // Locked across sessions (VerificationGuard): the flow tells the debtor how to get help.
                    slots.put(VERIFICATION_LOCKED_SLOT, true);
                    return result.newlyLocked() ? event(run, "verification_locked", mapOf("channel", state.channel(),
                            "lockedUntil", result.lockedUntil().toString())) : Mono.<Void>empty();
                });
            }
            case OPT_OUT -> (debtorId == null ? Mono.<Void>empty() : actions.optOut(debtorId, state.channel(), run.context.now()))
                    .then(Mono.fromRunnable(() -> state.optedOut(true)));
            case FLAG_WRONG_PARTY -> debtorId == null ? Mono.empty() : actions.flagWrongParty(debtorId, run.context.now());
            case SET_SLOT -> Mono.fromRunnable(() -> {
                String slot = param(params, "slot", null);
                if (slot != null) {
                    slots.put(slot, params.get("value"));
                }
            });
        };
    }

    private Mono<Void> event(Run run, String type, Map<String, Object> data) {
        return actions.emitEvent(new CollectionActions.ConversationEvent(type, run.state.id(), run.state.debtorId(), data,
                run.context.now()));
    }

    private static Map<String, Object> mapOf(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static String param(Map<String, Object> params, String name, String fallback) {
        Object value = params.get(name);
        return value == null ? fallback : value.toString();
    }

    private boolean holds(CompiledFlow flow, Step step, String when, Map<String, Object> vars) {
        Optional<ConditionExpression> expression = conditions.computeIfAbsent(when, text -> {
            try {
                return Optional.of(ConditionExpression.parse(text));
            } catch (RuntimeException e) {
                log.warn("flow.condition.invalid flow={} step={} error={}", flow.key(), step.id(), e.getMessage());
                return Optional.empty();
            }
        });
        return expression.map(e -> e.evaluate(vars)).orElse(false);
    }

    private void handoff(Run run, String queue, String reason) {
        run.state.status(ConversationStatus.WAITING_AGENT);
        run.state.handoff(new Handoff(queue, reason, run.context.now(), understanding(run.understood)));
        log.info("conversation.handoff conversation={} queue={} reason={}", run.state.id(), queue, reason);
        run.events.add(mapOf("type", "handoff", "queue", queue, "reason", reason));
    }

    /** What the agent is shown of the turn's classification: intent, confidence and the top three. */
    private static Handoff.Understanding understanding(NluResult result) {
        if (result == null || result.prediction() == null) {
            return null;
        }
        IntentPrediction p = result.prediction();
        List<Handoff.Score> top = p.ranking().stream().limit(3)
                .map(s -> new Handoff.Score(s.name(), s.confidence())).toList();
        return new Handoff.Understanding(p.intent(), p.confidence(), result.fallback(), top);
    }

    private void close(Run run, String disposition) {
        run.state.status(ConversationStatus.CLOSED);
        if (disposition != null) {
            run.state.disposition(disposition);
        }
        log.info("conversation.closed conversation={} disposition={}", run.state.id(), run.state.disposition());
        run.events.add(mapOf("type", "conversation_closed", "disposition", run.state.disposition(), "flowId", run.state.flowId()));
    }

    /** The handoffs and closings of this turn, for the creditor's webhooks (drained, so nothing is sent twice). */
    private Mono<Void> flushEvents(Run run) {
        List<Map<String, Object>> pending = new ArrayList<>(run.events);
        run.events.clear();
        return Flux.fromIterable(pending).concatMap(e -> {
            Map<String, Object> data = new LinkedHashMap<>(e);
            return event(run, (String) data.remove("type"), data);
        }).then();
    }

    /** Runs {@code present} with the conversation's current flow, or {@code absent} when it has none (any more). */
    private Mono<Void> withCurrent(Run run, java.util.function.Function<CompiledFlow, Mono<Void>> present,
                                   java.util.function.Supplier<Mono<Void>> absent) {
        return current(run).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(flow -> flow.isPresent() ? present.apply(flow.get()) : absent.get());
    }

    private Mono<CompiledFlow> current(Run run) {
        if (run.state.flowId() == null) {
            return Mono.empty();
        }
        return flows.version(run.state.flowId(), run.state.flowVersion());
    }

    private Mono<NluResult> classify(Run run, String text) {
        return nlu.parse(text, run.locale(), run.context.today(), run.context.zone())
                .defaultIfEmpty(new NluResult(text, new IntentPrediction(Intents.OUT_OF_SCOPE, 0, List.of(), null), List.of(), true))
                .doOnNext(result -> run.understood = result);
    }

    private static boolean confident(NluResult result, FlowSettings settings) {
        IntentPrediction p = result.prediction();
        return !result.fallback() && p != null && !p.isOutOfScope() && p.confidence() >= settings.acceptThreshold()
                && p.confidence() - p.secondConfidence() >= settings.clarifyMargin();
    }

    private List<Reply.Option> options(Run run, MenuStep menu) {
        List<Reply.Option> result = new ArrayList<>(menu.options().size());
        for (MenuOption option : menu.options()) {
            result.add(new Reply.Option(option.id(), run.renderOrNull(option.title()) == null ? option.id() : run.render(option.title()),
                    run.renderOrNull(option.description())));
        }
        return result;
    }

    private static String title(MenuOption option, String locale) {
        return option.title() == null ? option.id() : option.title().forLocale(locale);
    }

    /** Everything one turn accumulates. */
    private final class Run {
        final ConversationState state;
        final TurnContext context;
        final TurnInput input;
        final List<Reply> replies = new ArrayList<>();
        final List<Map<String, Object>> events = new ArrayList<>();
        final Map<String, Object> fixedVars;
        int stepsRun;
        String debtorText;
        /** The last NLU result of this turn, kept on a handoff for the agent. */
        NluResult understood;

        Run(ConversationState state, TurnContext context, TurnInput input) {
            this.state = state;
            this.context = context;
            this.input = input;
            this.debtorText = input == null ? null : input.text() != null ? input.text() : input.optionId();
            this.fixedVars = context.templateVariables();
            if (state.locale() == null) {
                state.locale(context.debtor() != null && context.debtor().locale() != null ? context.debtor().locale() : "es");
            }
        }

        String locale() {
            return state.locale();
        }

        /** Template and condition variables (shared design: debtor, debt, slots, verified, link, today). */
        Map<String, Object> vars() {
            Map<String, Object> vars = new HashMap<>(fixedVars);
            vars.put("slots", state.slots());
            vars.put("verified", state.verified());
            vars.put("link", state.slots().get(PAYMENT_LINK_SLOT));
            return vars;
        }

        void say(LocalizedText text) {
            String rendered = renderOrNull(text);
            if (rendered != null && !rendered.isBlank()) {
                replies.add(Reply.text(rendered));
            }
        }

        void say(String text) {
            replies.add(Reply.text(text));
        }

        String render(LocalizedText text) {
            String rendered = renderOrNull(text);
            return rendered == null ? "" : rendered;
        }

        String renderOrNull(LocalizedText text) {
            if (text == null || text.isEmpty()) {
                return null;
            }
            String template = text.forLocale(locale());
            try {
                return renderer.render(template, vars(), locale());
            } catch (RuntimeException e) {
                log.warn("flow.template.failed conversation={} flow={} step={} error={}", state.id(), state.flowId(),
                        state.step(), e.toString());
                return template;
            }
        }

        TurnOutcome outcome() {
            return new TurnOutcome(replies, debtorText);
        }
    }

}
