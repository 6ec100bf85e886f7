package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.ActionStep;
import dev.cobra.flow.model.ConditionStep;
import dev.cobra.flow.model.EndStep;
import dev.cobra.flow.model.FlowSettings;
import dev.cobra.flow.model.HandoffStep;
import dev.cobra.flow.model.InputStep;
import dev.cobra.flow.model.MenuStep;
import dev.cobra.flow.model.MessageStep;
import dev.cobra.flow.model.ReturnStep;
import dev.cobra.flow.model.Step;
import dev.cobra.flow.model.SubflowStep;
import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.Intents;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStatus;
import dev.cobra.runtime.conversation.state.Handoff;
import dev.cobra.runtime.conversation.state.StackFrame;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.nlu.NluResult;
import dev.cobra.runtime.nlu.NluService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Executes flows one turn at a time.
 *
 * <p><b>Design.</b> Each published flow version is compiled once into a Spring Statemachine model by
 * {@link FlowCompiler} (cached in {@link CompiledFlows}, with a {@link MachinePool} of started machines). A turn
 * leases one machine per flow version it touches; every move from step to step is an event sent to that machine
 * ({@link #follow}), restored first from our state's step when needed, and the state the machine entered is run by
 * the executor of its step type ({@code *StepExecutor}). Subflow calls, returns and global routes cross flows, so
 * they are kept on our state's explicit stack. Answers to waiting steps are in {@link StepAnswers}; the repair
 * behaviours in {@link ConversationRepair}; actions in {@link ActionRunner}.
 *
 * <p><b>Invariants.</b> (1) Our JSON state ({@link ConversationState}) is authoritative; this class mutates the
 * copy loaded for the turn and the caller persists it with an optimistic version check. (2) A turn ends only on a
 * waiting step (menu, input), a handoff, an end, or when {@link #MAX_STEPS_PER_TURN} steps ran. (3) Nothing about
 * the debt is said unless a flow says it; shipped stage flows verify first, and repairs never skip verification.
 * (4) Opt-out keywords are honoured before NLU in every status. (5) Document digits are never stored or remembered.
 */
public class StateMachineFlowEngine implements FlowEngine {

    /** Most steps one turn may execute: room for designer flows while stopping a loop within a turn. */
    public static final int MAX_STEPS_PER_TURN = 50;

    /** Slot written by the {@code payment_link} action and rendered as {@code {{link}}}. */
    public static final String PAYMENT_LINK_SLOT = "paymentLink";
    public static final String VERIFICATION_ATTEMPTS_SLOT = "verificationAttempts";
    /** Set when the debtor's identity checks are locked (too many failures over all sessions). */
    public static final String VERIFICATION_LOCKED_SLOT = "verificationLocked";

    private static final Logger log = LoggerFactory.getLogger(StateMachineFlowEngine.class);

    final CompiledFlows flows;
    private final NluService nlu;
    private final ActionRunner actions;
    private final CollectionActions collectionActions;
    private final MessageStepExecutor messages = new MessageStepExecutor(this);
    private final MenuStepExecutor menus = new MenuStepExecutor(this);
    private final InputStepExecutor inputs = new InputStepExecutor(this);
    private final ConditionStepExecutor conditions = new ConditionStepExecutor(this);
    private final ActionStepExecutor actionSteps;
    private final HandoffStepExecutor handoffs = new HandoffStepExecutor(this);
    private final SubflowStepExecutor subflows = new SubflowStepExecutor(this);
    private final ReturnStepExecutor returns = new ReturnStepExecutor(this);
    private final EndStepExecutor ends = new EndStepExecutor(this);
    final ConversationRepair repair;
    private final CompletionRepair completion;
    final StepAnswers answers;

    public StateMachineFlowEngine(CompiledFlows flows, NluService nlu, CollectionActions actions) {
        this.flows = flows;
        this.nlu = nlu;
        this.collectionActions = actions;
        this.actions = new ActionRunner(actions);
        this.actionSteps = new ActionStepExecutor(this, this.actions);
        this.repair = new ConversationRepair(this);
        this.completion = new CompletionRepair(this, repair);
        this.answers = new StepAnswers(this);
    }

    @Override
    public Mono<TurnOutcome> start(ConversationState state, TurnContext context) {
        TurnRun run = new TurnRun(state, context, null);
        return finish(run, barred(run) ? acknowledgeBarred(run) : start(run, false));
    }

    /**
     * The debtor opted out (on any channel: the consent ledger, an SMS STOP, an email unsubscribe, an earlier
     * conversation) or this number belongs to someone else. Opt-out wins everywhere, so a conversation the debtor
     * starts gets no debt content either.
     */
    private static boolean barred(TurnRun run) {
        Debtor debtor = run.context.debtor();
        return debtor != null && (debtor.optedOut() || debtor.wrongParty())
                && run.state.status() == ConversationStatus.BOT;
    }

    /** Only an acknowledgement, and the conversation closes; later messages get the same (completion). */
    private Mono<Void> acknowledgeBarred(TurnRun run) {
        return Mono.fromRunnable(() -> {
            run.fired("completion:acknowledged");
            if (run.context.debtor().optedOut()) {
                log.info("conversation.barred reason=opted_out conversation={}", run.state.id());
                closeOptedOut(run, RepairTexts.optedOutEarlier(run.locale()));
            } else {
                log.info("conversation.barred reason=wrong_party conversation={}", run.state.id());
                closeWrongParty(run, RepairTexts.wrongPartyAck(run.locale()));
            }
        });
    }

    /** The conversation ends on an opt-out: flagged, so every later message gets only the acknowledgement. */
    private void closeOptedOut(TurnRun run, String acknowledgement) {
        run.state.optedOut(true);
        run.say(acknowledgement);
        close(run, "OPTED_OUT");
    }

    private void closeWrongParty(TurnRun run, String acknowledgement) {
        run.say(acknowledgement);
        close(run, "WRONG_PARTY");
    }

    /** The turn's events, then its outcome; the machines it leased go back to their pools however it ended. */
    private Mono<TurnOutcome> finish(TurnRun run, Mono<Void> work) {
        return work.then(Mono.fromRunnable(run::keepClosingRecap)).then(Mono.defer(() -> flushEvents(run)))
                .then(Mono.fromSupplier(run::outcome))
                .doFinally(signal -> run.releaseMachines(signal != reactor.core.publisher.SignalType.CANCEL));
    }

    /** Starts the stage flow; {@code keep} continues a finished conversation (verification and memory kept). */
    Mono<Void> start(TurnRun run, boolean keep) {
        Debtor debtor = run.context.debtor();
        Mono<CollectionActions.RunContext> extra = debtor == null ? Mono.just(CollectionActions.RunContext.NONE)
                : collectionActions.runContext(debtor, run.context.now()).defaultIfEmpty(CollectionActions.RunContext.NONE);
        return extra.flatMap(context -> start(run, context, keep));
    }

    private Mono<Void> start(TurnRun run, CollectionActions.RunContext extra, boolean keep) {
        Debtor debtor = run.context.debtor();
        long daysPastDue = debtor == null ? 0 : Math.max(debtor.daysPastDue(run.context.today()), extra.minDaysPastDue());
        Mono<CompiledFlow> flow = debtor == null ? flows.anonymous()
                : flows.forStage(daysPastDue)
                .switchIfEmpty(Mono.defer(() -> {
                    log.warn("flow.stage.missing daysPastDue={} fallback=anonymous", daysPastDue);
                    return flows.anonymous();
                }));
        return flow.flatMap(f -> {
            if (keep) {
                run.state.continueRun();
            } else {
                run.state.resetRun();
            }
            run.state.slots().putAll(extra.slots());
            run.rootFlow = f;
            run.state.flowId(f.flow().id());
            run.state.flowVersion(f.version());
            run.state.moveTo(f.flow().entry());
            log.info("flow.run.start conversation={} flow={} version={} continued={}", run.state.id(), f.flow().id(),
                    f.version(), keep);
            return advance(run);
        });
    }

    @Override
    public Mono<TurnOutcome> handle(ConversationState state, TurnInput input, TurnContext context) {
        TurnRun run = new TurnRun(state, context, input);
        return finish(run, Mono.defer(() -> {
            if (input.text() != null && OptOutKeywords.matchesNormalized(run.normalizedText())) {
                log.info("conversation.opt_out.keyword conversation={}", state.id());
                return state.status() == ConversationStatus.BOT
                        ? withCurrent(run, f -> global(run, f, Intents.OPT_OUT), () -> builtInGlobal(run, Intents.OPT_OUT))
                        : builtInGlobal(run, Intents.OPT_OUT);
            }
            if (barred(run)) {
                return acknowledgeBarred(run);
            }
            return switch (state.status()) {
                case CLOSED -> {
                    repair.followLanguage(run);
                    yield completion.afterClose(run);
                }
                // The agent answers everything else; an opt-out in words the keyword list lacks still wins at once.
                // A debtor still in the queue is told, now and then, that they are in line (QueueAcknowledgement).
                case WAITING_AGENT, AGENT -> optOutInWords(run).flatMap(optOut -> optOut
                        ? builtInGlobal(run, Intents.OPT_OUT)
                        : Mono.<Void>fromRunnable(() -> QueueAcknowledgement.sayIfDue(run)));
                case BOT -> {
                    repair.followLanguage(run);
                    yield withCurrent(run, flow -> root(run).defaultIfEmpty(flow).flatMap(root -> {
                        run.rootFlow = root;
                        return answers.answer(run, flow);
                    }), () -> {
                        if (state.flowId() != null) {
                            log.warn("flow.state.lost conversation={} flow={} version={}", state.id(), state.flowId(), state.flowVersion());
                        }
                        return start(run, false); // a conversation's first message: the opening turn
                    });
                }
            };
        }));
    }

    /** Whether the debtor's typed message, classified, is an opt-out (button choices never are). */
    private Mono<Boolean> optOutInWords(TurnRun run) {
        if (run.text() == null) {
            return Mono.just(false);
        }
        return classify(run, run.text()).map(result -> {
            NluDecision decision = new NluDecision(result, FlowSettings.defaults());
            return decision.confident() && Intents.OPT_OUT.equals(decision.intent());
        });
    }

    @Override
    public Mono<TurnOutcome> resume(ConversationState state, String stepId, TurnContext context) {
        TurnRun run = new TurnRun(state, context, null);
        return finish(run, withCurrent(run, flow -> repair.handBack(run, flow, stepId), () -> start(run, false)));
    }

    // ---- executing steps ----

    Mono<Void> advance(TurnRun run) {
        return Mono.defer(() -> {
            if (run.stepsRun >= MAX_STEPS_PER_TURN) {
                log.warn("flow.runaway conversation={} flow={} step={} steps={}", run.state.id(), run.state.flowId(),
                        run.state.step(), run.stepsRun);
                run.say(RuntimeTexts.technicalHandoff(run.locale()));
                handoff(run, "general", "runaway_flow");
                return Mono.empty();
            }
            run.stepsRun++;
            CompiledFlow compiled = flows.cached(run.state.flowId(), run.state.flowVersion());
            if (compiled != null) { // the usual case: the flow version is compiled already, no lookup to wait for
                return execute(run, compiled, compiled.step(run.state.step()));
            }
            return current(run)
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                            "flow " + run.state.flowId() + "@" + run.state.flowVersion() + " not found")))
                    .flatMap(flow -> execute(run, flow, flow.step(run.state.step())));
        });
    }

    /** Moves to {@code stepId} of the current flow, as a fresh visit (per-step counters reset), and runs it. */
    Mono<Void> goTo(TurnRun run, String stepId) {
        run.state.moveTo(null);
        run.state.moveTo(stepId);
        return advance(run);
    }

    private Mono<Void> execute(TurnRun run, CompiledFlow flow, Step step) {
        if (step == null) {
            log.error("flow.step.missing conversation={} flow={} step={}", run.state.id(), flow.key(), run.state.step());
            run.say(RuntimeTexts.technicalHandoff(run.locale()));
            handoff(run, "general", "flow_error");
            return Mono.empty();
        }
        if (log.isDebugEnabled()) {
            log.debug("flow.step.enter conversation={} flow={} step={} type={}", run.state.id(), flow.key(), step.id(), step.type());
        }
        // One executor per step type (Step is sealed; Java 17 has no pattern switch).
        if (step instanceof MessageStep message) {
            return messages.execute(run, flow, message);
        }
        if (step instanceof MenuStep menu) {
            return menus.execute(run, flow, menu);
        }
        if (step instanceof InputStep input) {
            return inputs.execute(run, flow, input);
        }
        if (step instanceof ConditionStep condition) {
            return conditions.execute(run, flow, condition);
        }
        if (step instanceof ActionStep action) {
            return actionSteps.execute(run, flow, action);
        }
        if (step instanceof HandoffStep handoff) {
            return handoffs.execute(run, flow, handoff);
        }
        if (step instanceof SubflowStep subflow) {
            return subflows.execute(run, flow, subflow);
        }
        if (step instanceof ReturnStep ret) {
            return returns.execute(run, flow, ret);
        }
        return ends.execute(run, flow, (EndStep) step);
    }

    /** Sends {@code event} from {@code stepId} to the flow's machine; no such transition ends the (sub)flow. */
    Mono<Void> follow(TurnRun run, CompiledFlow flow, String stepId, String event) {
        return run.fire(flow, stepId, event).defaultIfEmpty(FlowCompiler.NO_TARGET)
                .flatMap(target -> {
                    if (FlowCompiler.NO_TARGET.equals(target)) {
                        log.debug("flow.step.no_transition flow={} step={} event={}", flow.key(), stepId, event);
                        return returnToCaller(run);
                    }
                    run.state.moveTo(target);
                    return advance(run);
                });
    }

    Mono<Void> callSubflow(TurnRun run, String flowId, String returnStep) {
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

    Mono<Void> returnToCaller(TurnRun run) {
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
        return goTo(run, frame.returnStep());
    }

    /** Leaves every subflow for {@code stepId} of the stage flow (the bottom of the stack). */
    Mono<Void> toRoot(TurnRun run, CompiledFlow root, String stepId) {
        run.state.stack(List.of());
        run.state.flowId(root.flow().id());
        run.state.flowVersion(root.version());
        return goTo(run, stepId);
    }

    // ---- global intents ----

    Mono<Void> global(TurnRun run, CompiledFlow flow, String intent) {
        log.info("flow.global conversation={} intent={}", run.state.id(), intent);
        String route = flow.flow().globalRoutes().get(intent);
        if (route != null) {
            return routeGlobal(run, flow, intent, route);
        }
        if (!run.state.stack().isEmpty()) {
            return root(run).flatMap(rootFlow -> {
                String rootRoute = rootFlow.flow().globalRoutes().get(intent);
                if (rootRoute == null) {
                    return builtInGlobal(run, intent);
                }
                if (rootRoute.startsWith("flow:")) {
                    return routeGlobal(run, flow, intent, rootRoute);
                }
                return toRoot(run, rootFlow, rootRoute); // a step of the stage flow: leave the subflows
            });
        }
        return builtInGlobal(run, intent);
    }

    private Mono<Void> routeGlobal(TurnRun run, CompiledFlow flow, String intent, String route) {
        if (route.startsWith("flow:")) {
            // Call the subflow; when it returns, the debtor is asked the interrupted question again.
            return callSubflow(run, route.substring("flow:".length()), run.state.step());
        }
        return run.fire(flow, run.state.step(), FlowCompiler.GLOBAL_EVENT_PREFIX + intent).defaultIfEmpty(route)
                .flatMap(target -> {
                    run.state.moveTo(target);
                    return advance(run);
                });
    }

    Mono<Void> builtInGlobal(TurnRun run, String intent) {
        ConversationState state = run.state;
        String debtorId = state.debtorId();
        return switch (intent) {
            case Intents.OPT_OUT -> (debtorId == null ? Mono.<Void>empty()
                    : collectionActions.optOut(debtorId, state.channel(), run.context.now()))
                    .then(Mono.fromRunnable(() -> closeOptedOut(run, RuntimeTexts.optedOut(run.locale()))));
            case Intents.WRONG_PERSON -> (debtorId == null ? Mono.<Void>empty()
                    : collectionActions.flagWrongParty(debtorId, run.context.now()))
                    .then(Mono.fromRunnable(() -> closeWrongParty(run, RuntimeTexts.wrongParty(run.locale()))));
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

    // ---- shared helpers ----

    void handoff(TurnRun run, String queue, String reason) {
        run.state.status(ConversationStatus.WAITING_AGENT);
        run.state.handoff(new Handoff(queue, reason, run.context.now(), understanding(run.understood)));
        log.info("conversation.handoff conversation={} queue={} reason={}", run.state.id(), queue, reason);
        run.events.add(ActionRunner.mapOf("type", "handoff", "queue", queue, "reason", reason));
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

    void close(TurnRun run, String disposition) {
        run.closedThisTurn = true;
        run.state.status(ConversationStatus.CLOSED);
        run.state.pendingIntent(null);
        if (disposition != null) {
            run.state.disposition(disposition);
        }
        log.info("conversation.closed conversation={} disposition={}", run.state.id(), run.state.disposition());
        run.events.add(ActionRunner.mapOf("type", "conversation_closed", "disposition", run.state.disposition(),
                "flowId", run.state.flowId()));
    }

    /** The handoffs and closings of this turn, for the creditor's webhooks (drained, so nothing is sent twice). */
    private Mono<Void> flushEvents(TurnRun run) {
        List<Map<String, Object>> pending = new ArrayList<>(run.events);
        run.events.clear();
        return Flux.fromIterable(pending).concatMap(e -> {
            Map<String, Object> data = new LinkedHashMap<>(e);
            return actions.event(run, (String) data.remove("type"), data);
        }).then();
    }

    /** Runs {@code present} with the conversation's current flow, or {@code absent} when it has none (any more). */
    Mono<Void> withCurrent(TurnRun run, Function<CompiledFlow, Mono<Void>> present, Supplier<Mono<Void>> absent) {
        return current(run).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(flow -> flow.isPresent() ? present.apply(flow.get()) : absent.get());
    }

    Mono<CompiledFlow> current(TurnRun run) {
        if (run.state.flowId() == null) {
            return Mono.empty();
        }
        return flows.version(run.state.flowId(), run.state.flowVersion());
    }

    /** The stage flow: the bottom of the stack, or the current flow when no subflow runs. */
    Mono<CompiledFlow> root(TurnRun run) {
        if (run.state.stack().isEmpty()) {
            return current(run);
        }
        StackFrame bottom = run.state.stack().get(0);
        return flows.version(bottom.flowId(), bottom.flowVersion())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("flow " + bottom.flowId() + " not found")));
    }

    Mono<NluResult> classify(TurnRun run, String text) {
        return nlu.parse(text, run.locale(), run.context.today(), run.context.zone())
                .defaultIfEmpty(new NluResult(text, new IntentPrediction(Intents.OUT_OF_SCOPE, 0, List.of(), null), List.of(), true))
                .doOnNext(result -> run.understood = result);
    }

}
