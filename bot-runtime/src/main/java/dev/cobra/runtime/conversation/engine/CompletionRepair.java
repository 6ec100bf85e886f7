package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.FlowSettings;
import dev.cobra.flow.model.MenuStep;
import dev.cobra.flow.model.RepairSettings;
import dev.cobra.nlp.api.Entity;
import dev.cobra.nlp.api.Intents;
import dev.cobra.runtime.conversation.state.ConversationStatus;
import dev.cobra.runtime.nlu.NluResult;
import reactor.core.publisher.Mono;

import static dev.cobra.runtime.conversation.engine.ConversationRepair.DIGRESSIONS;
import static dev.cobra.runtime.conversation.engine.ConversationRepair.closingText;
import static dev.cobra.runtime.conversation.engine.ConversationRepair.mayDiscloseOrSkip;
import static dev.cobra.runtime.conversation.engine.ConversationRepair.sayAnswer;

/**
 * The completion behaviour (docs/flow-language.md, "Repair behaviours"): what a message after the conversation ended
 * gets. Never a restart: after an opt-out or a wrong party only an acknowledgement; thanks get a closing; a question
 * gets its answer or what the closing turn said again; a new request (or a stage-menu button) continues in the same
 * conversation, verification kept.
 */
final class CompletionRepair {

    private final StateMachineFlowEngine engine;
    private final ConversationRepair repair;

    CompletionRepair(StateMachineFlowEngine engine, ConversationRepair repair) {
        this.engine = engine;
        this.repair = repair;
    }

    /** A message after the conversation ended: a closing, an acknowledgement, or the new request, never a restart. */
    Mono<Void> afterClose(TurnRun run) {
        if (run.state.optedOut()) {
            run.fired("completion:acknowledged");
            run.say(RepairTexts.optedOutAck(run.locale()));
            return Mono.empty();
        }
        if ("WRONG_PARTY".equals(run.state.disposition())) {
            run.fired("completion:acknowledged");
            run.say(RepairTexts.wrongPartyAck(run.locale()));
            return Mono.empty();
        }
        String text = run.text();
        Mono<CompiledFlow> root = engine.root(run).onErrorResume(e -> Mono.empty());
        if (text == null || text.isBlank()) {
            String option = run.input.optionId();
            if (option != null && option.startsWith(StepAnswers.INTENT_CHOICE)) {
                return continueWith(run, option.substring(StepAnswers.INTENT_CHOICE.length()), null);
            }
            // A button of the stage menu pressed again after the end ("Pagar ahora" once more) is that request again.
            return option == null ? closing(run, root) : root.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                    .flatMap(flow -> flow.isPresent() && stageMenuOffers(flow.get(), option)
                            ? continueWithOption(run) : closing(run, Mono.justOrEmpty(flow)));
        }
        return engine.classify(run, text).flatMap(result -> {
            NluDecision decision = new NluDecision(result, FlowSettings.defaults());
            if (!decision.confidentRequest()) {
                if (EntityMemory.values(result, null).containsKey(Entity.DATE)) {
                    // "no, mejor el viernes" after the link: a date the debtor commits to is a new request (the
                    // menu's date option, a promise to confirm), not a goodbye. The intent routes nowhere on purpose.
                    EntityMemory.remember(run.state, result, false);
                    return continueWith(run, Intents.OUT_OF_SCOPE, result);
                }
                if (!run.state.closingRecap().isEmpty() && RepairPhrases.asksAgain(run.normalizedText(), text)) {
                    // "¿y cuándo es la primera?", "¿cuál era el link?": what was agreed, said again, not a goodbye.
                    run.fired("completion:recap");
                    run.say(RepairTexts.recapLead(run.locale()));
                    run.state.closingRecap().forEach(run::say);
                    return Mono.empty();
                }
                return closing(run, root);
            }
            if (DIGRESSIONS.contains(decision.intent())) {
                return answerAfterClose(run, root, decision.intent());
            }
            EntityMemory.remember(run.state, result, false);
            return continueWith(run, decision.intent(), result);
        });
    }

    /**
     * "How much was it again?" after the end: answered, and the conversation stays closed with its outcome (running
     * the stage flow again to its menu would reopen it and then read "ok thanks" as a menu answer it does not fit).
     */
    private Mono<Void> answerAfterClose(TurnRun run, Mono<CompiledFlow> root, String intent) {
        return root.map(flow -> repair.settings(run, flow)).defaultIfEmpty(RepairSettings.none()).flatMap(repair -> {
            if (!sayAnswer(run, repair, intent)) {
                return closing(run, root);
            }
            run.fired("completion:answered:" + intent);
            return Mono.empty();
        });
    }

    private Mono<Void> closing(TurnRun run, Mono<CompiledFlow> root) {
        run.fired("completion:closing");
        return root.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .doOnNext(flow -> run.say(closingText(run, flow.orElse(null)))).then();
    }


    private static boolean stageMenuOffers(CompiledFlow root, String optionId) {
        return root.flow().steps().values().stream().anyMatch(step -> step instanceof MenuStep menu
                && menu.options().stream().anyMatch(option -> option.id().equals(optionId)));
    }

    /** A new request after the end: the stage flow again, silently up to its menu, which gets the request. */
    private Mono<Void> continueWith(TurnRun run, String intent, NluResult result) {
        return continueAtMenu(run, intent, (flow, menu) -> engine.answers.routeIntent(run, flow, menu, intent, result));
    }

    /** A stage-menu button pressed after the end: the stage flow again, silently up to its menu, which gets the press. */
    private Mono<Void> continueWithOption(TurnRun run) {
        return continueAtMenu(run, null, (flow, menu) -> engine.answers.answerMenu(run, flow, menu));
    }

    private Mono<Void> continueAtMenu(TurnRun run, String intent,
                                      java.util.function.BiFunction<CompiledFlow, MenuStep, Mono<Void>> atMenu) {
        run.fired("completion:continue");
        int mark = run.replies.size();
        return engine.start(run, true).then(Mono.defer(() -> {
            if (run.state.status() != ConversationStatus.BOT) {
                return Mono.empty();
            }
            if (!mayDiscloseOrSkip(run)) {
                run.state.pendingIntent(intent); // acted on at the menu, once the debtor is verified
                return Mono.empty();
            }
            return engine.current(run).flatMap(flow -> {
                if (!(flow.step(run.state.step()) instanceof MenuStep menu) || !run.state.stack().isEmpty()) {
                    return Mono.empty();
                }
                run.replies.subList(mark, run.replies.size()).clear();
                run.rootFlow = flow;
                return atMenu.apply(flow, menu);
            });
        }));
    }
}
