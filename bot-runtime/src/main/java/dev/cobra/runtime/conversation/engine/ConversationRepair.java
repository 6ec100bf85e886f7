package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.EntityType;
import dev.cobra.flow.model.InputStep;
import dev.cobra.flow.model.LocalizedText;
import dev.cobra.flow.model.MenuOption;
import dev.cobra.flow.model.MenuStep;
import dev.cobra.flow.model.RepairSettings;
import dev.cobra.flow.model.Step;
import dev.cobra.flow.model.SubflowStep;
import dev.cobra.nlp.api.Intents;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.conversation.state.ConversationStatus;
import dev.cobra.runtime.conversation.state.StackFrame;
import dev.cobra.runtime.nlu.NluResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The repair behaviours every flow gets (docs/flow-language.md, "Repair behaviours"), each overridable in the
 * flow's {@code repair} block: slots filled from anything the debtor already said, digression with a re-prompt,
 * correction and change of mind, cancel to the stage menu, a choice between two close intents, intents carried past
 * verification, the debtor's language, and the agent's hand-back. What happens after the end is {@link CompletionRepair}. Methods returning a {@code Mono} or null: null means "not this repair".
 */
final class ConversationRepair {

    /** Intents answered in passing when no step routes them. */
    /** Built-in digression: "¿y si no pago qué pasa?" (no intent of the classifier; {@link RepairPhrases}). */
    static final String CONSEQUENCES = "consequences";
    /** Built-in answer to "déjame buscar la cédula", "give me a sec" at an input step ({@link RepairPhrases#holdOn}). */
    static final String HOLD_ON = "hold_on";
    static final Set<String> DIGRESSIONS = Set.of(Intents.ASK_BALANCE, Intents.ASK_PAYMENT_METHODS, "bot_identity",
            CONSEQUENCES);
    private static final Logger log = LoggerFactory.getLogger(ConversationRepair.class);

    private final StateMachineFlowEngine engine;

    ConversationRepair(StateMachineFlowEngine engine) {
        this.engine = engine;
    }

    RepairSettings settings(TurnRun run, CompiledFlow flow) {
        RepairSettings root = run.rootFlow == null ? null : run.rootFlow.flow().repair();
        return flow.flow().repair().over(root);
    }

    static boolean mayDiscloseOrSkip(TurnRun run) {
        return run.state.verified() || run.context.debtor() == null;
    }

    // ---- language ----

    void followLanguage(TurnRun run) {
        String text = run.text();
        if (text == null) {
            return;
        }
        String language = LanguageDetector.detect(run.normalizedText());
        String current = run.locale() == null ? "es" : run.locale().toLowerCase(java.util.Locale.ROOT);
        if (language != null && !current.startsWith(language)) {
            String debtorLocale = run.context.debtor() == null ? null : run.context.debtor().locale();
            run.state.locale(LanguageDetector.localeFor(language, debtorLocale));
            run.fired("language:" + language);
            log.info("conversation.language conversation={} language={}", run.state.id(), language);
        }
    }

    // ---- slots from any message ----

    Mono<Void> enterInput(TurnRun run, CompiledFlow flow, InputStep input) {
        if (input.entity() != EntityType.DOCUMENT) {
            String raw = EntityMemory.take(run.state, input.prefillEntities());
            Object value = input.entity() == EntityType.AMOUNT && EntityMemory.HALF_OF_THE_BALANCE.equals(raw)
                    && input.validation() != null
                    ? EntityMemory.amount(raw, InputValues.bound(input.validation().max(), run.vars()))
                    : InputValues.fromHeard(input.entity(), raw);
            if (value != null) {
                if (StepAnswers.valid(run, flow, input, value)) {
                    run.state.slots().put(input.slot(), value);
                    run.fired("slot_filled:" + input.slot());
                    return engine.follow(run, flow, input.id(), "next");
                }
                run.fired("slot_rejected:" + input.slot());
                StepAnswers.sayInvalid(run, input);
                return Mono.empty();
            }
        }
        run.say(input.text());
        return Mono.empty();
    }

    /** Remembers a request stated with the ID digits, to act on it at the first menu after verification. */
    void carryIntent(TurnRun run, NluDecision decision, String text) {
        if (!run.state.verified() && run.context.debtor() != null && decision.confidentRequest()
                && !Intents.GLOBAL.contains(decision.intent()) && TextMatching.normalize(text).split(" ").length >= 3) {
            run.state.pendingIntent(decision.intent());
            EntityMemory.rememberCarriedRequest(run.state, decision.result());
        }
    }

    Mono<Void> carriedIntent(TurnRun run, CompiledFlow flow, MenuStep menu) {
        String intent = run.state.pendingIntent();
        if (intent == null) {
            return null;
        }
        run.state.pendingIntent(null);
        if (!mayDiscloseOrSkip(run) || !StepAnswers.routes(menu, intent)) {
            return null;
        }
        run.fired("carried_intent:" + intent);
        return engine.answers.routeIntent(run, flow, menu, intent, null);
    }

    // ---- digression ----

    /**
     * The digressions recognised by their wording, not by the classifier ("¿quién eres?", "¿y si no pago qué pasa?"),
     * answered as {@link #digression} does; null when the message is neither or digressions are off.
     */
    Mono<Void> phraseDigression(TurnRun run, CompiledFlow flow, String normalized) {
        if (RepairPhrases.whoAreYou(normalized)) {
            return digression(run, flow, "bot_identity");
        }
        if (RepairPhrases.asksConsequences(normalized)) {
            return digression(run, flow, CONSEQUENCES);
        }
        if (RepairPhrases.asksWhichDebt(normalized)) {
            return digression(run, flow, Intents.ASK_BALANCE); // never before verification: the answer waits for it
        }
        if (RepairPhrases.asksOptions(normalized) && settings(run, flow).digressionOn()) {
            // "¿qué opciones tengo?": the choices again (or the question), never a miss that ends in a handoff
            run.fired("digression:options");
            return reprompt(run, flow);
        }
        return null;
    }

    /**
     * The debtor needs a moment to find the answer ("no tengo la cédula a la mano", "déjame revisar la fecha"): a
     * calm reply, the question stays open and no attempt is spent. Null when the flow turned digressions off.
     */
    Mono<Void> holdOn(TurnRun run, CompiledFlow flow) {
        RepairSettings repair = settings(run, flow);
        if (!repair.digressionOn()) {
            return null;
        }
        LocalizedText custom = repair.answers().get(HOLD_ON);
        if (custom != null && !custom.isEmpty() && (mayDiscloseOrSkip(run) || !mentionsDebt(custom, run.locale()))) {
            run.say(custom);
        } else {
            run.say(RepairTexts.holdOn(run.locale()));
        }
        run.fired("digression:" + HOLD_ON);
        return Mono.empty();
    }

    /** Answers an off-step question and re-prompts the waiting step; null when off or nothing to answer. */
    Mono<Void> digression(TurnRun run, CompiledFlow flow, String intent) {
        RepairSettings repair = settings(run, flow);
        if (!repair.digressionOn() || !sayAnswer(run, repair, intent)) {
            return null;
        }
        run.fired("digression:" + intent);
        return reprompt(run, flow);
    }

    /** Says the answer to an off-step question (the flow's own, else the built-in one); false when there is none. */
    static boolean sayAnswer(TurnRun run, RepairSettings repair, String intent) {
        LocalizedText custom = repair.answers().get(intent);
        String locale = run.locale();
        if ((Intents.ASK_BALANCE.equals(intent) || CONSEQUENCES.equals(intent)) && !mayDiscloseOrSkip(run)) {
            run.say(RepairTexts.balanceBeforeVerification(locale));
        } else if (custom != null && !(custom.isEmpty()) && (mayDiscloseOrSkip(run) || !mentionsDebt(custom, locale))) {
            run.say(custom);
        } else if (Intents.ASK_BALANCE.equals(intent)) {
            run.say(run.renderTemplate(RepairTexts.balance(locale)));
        } else if (Intents.ASK_PAYMENT_METHODS.equals(intent)) {
            run.say(RepairTexts.paymentMethods(locale));
        } else if ("bot_identity".equals(intent)) {
            run.say(RepairTexts.whoAreYou(locale));
        } else if (CONSEQUENCES.equals(intent)) {
            run.say(RepairTexts.consequences(locale));
        } else {
            return false;
        }
        return true;
    }

    private static boolean mentionsDebt(LocalizedText text, String locale) {
        String t = text.forLocale(locale);
        return t != null && (t.contains("debt.") || t.contains("link"));
    }

    /** Asks the waiting step again, briefly: an input's {@code reprompt} (or its question), a menu's options. */
    private Mono<Void> reprompt(TurnRun run, CompiledFlow flow) {
        Step step = flow.step(run.state.step());
        if (step instanceof InputStep input) {
            LocalizedText question = input.reprompt() != null && !input.reprompt().isEmpty() ? input.reprompt() : input.text();
            run.say(RepairTexts.repromptLead(run.locale()) + run.render(question));
        } else if (step instanceof MenuStep menu) {
            run.replies.add(Reply.options(run.render(menu.text()), MenuStepExecutor.options(run, menu)));
        }
        return Mono.empty();
    }

    // ---- off-step intents: digression, change of mind ----

    /** A confident intent the waiting menu has no route for. */
    Mono<Void> offStep(TurnRun run, CompiledFlow flow, String intent) {
        if (DIGRESSIONS.contains(intent) || settings(run, flow).answers().containsKey(intent)) {
            Mono<Void> answered = digression(run, flow, intent);
            if (answered != null) {
                return answered;
            }
        }
        return changeOfMind(run, flow, intent);
    }

    /** An input step got no value: a digression, a correction of an earlier answer, a carried or changed request. */
    Mono<Void> inputRepair(TurnRun run, CompiledFlow flow, InputStep step, NluResult result, NluDecision decision) {
        if (decision.confident()) {
            String intent = decision.intent();
            if (DIGRESSIONS.contains(intent) || settings(run, flow).answers().containsKey(intent)) {
                Mono<Void> answered = digression(run, flow, intent);
                if (answered != null) {
                    return answered;
                }
            }
        }
        Mono<Void> corrected = correct(run, flow, result);
        if (corrected != null) {
            return corrected;
        }
        if (!decision.confidentRequest()) {
            return null;
        }
        if (!mayDiscloseOrSkip(run)) {
            run.state.pendingIntent(decision.intent());
            EntityMemory.rememberCarriedRequest(run.state, result);
            run.fired("carried_intent:" + decision.intent());
            run.say(RuntimeTexts.english(run.locale()) ? "Sure, I'll help you with that as soon as we confirm your identity."
                    : "Claro, te ayudo con eso apenas confirmemos tu identidad.");
            return reprompt(run, flow);
        }
        return changeOfMind(run, flow, decision.intent());
    }

    /** Leaves the current task for another branch of the stage menu ("mejor en cuotas"). */
    Mono<Void> changeOfMind(TurnRun run, CompiledFlow flow, String intent) {
        CompiledFlow root = run.rootFlow;
        if (root == null || !settings(run, flow).correctionOn() || !mayDiscloseOrSkip(run)) {
            return null;
        }
        for (Step step : root.flow().steps().values()) {
            if (step instanceof MenuStep menu && StepAnswers.routes(menu, intent)) {
                if (run.state.stack().isEmpty() && menu.id().equals(run.state.step())) {
                    return null;
                }
                if (alreadyIn(run, root, menu, intent)) {
                    return null;
                }
                run.fired("change_of_mind:" + intent);
                run.say(RepairTexts.changeOfMind(run.locale()));
                run.state.stack(List.of());
                run.state.flowId(root.flow().id());
                run.state.flowVersion(root.version());
                run.state.moveTo(null);
                run.state.moveTo(menu.id());
                return engine.answers.routeIntent(run, root, menu, intent, null);
            }
        }
        return null;
    }

    /** Whether the branch the intent leads to is the subflow already running (asking again is not a change). */
    private static boolean alreadyIn(TurnRun run, CompiledFlow root, MenuStep menu, String intent) {
        String target = menu.intents().get(intent);
        for (MenuOption option : menu.options()) {
            if (option.intents().contains(intent)) {
                target = option.next();
            }
        }
        Step next = target == null ? null : root.step(target);
        if (next instanceof SubflowStep sub) {
            if (sub.flow().equals(run.state.flowId())) {
                return true;
            }
            return run.state.stack().stream().skip(1).anyMatch(f -> f.flowId().equals(sub.flow()));
        }
        return run.state.stack().isEmpty() && target != null && target.equals(run.state.step());
    }

    // ---- correction ----

    /**
     * A new value for a slot this flow already filled ("no, el viernes no, el lunes" at a confirmation): the flow
     * runs again from that slot's step with every value it has, so its checks and confirmation see the new one.
     */
    Mono<Void> correct(TurnRun run, CompiledFlow flow, NluResult result) {
        if (!settings(run, flow).correctionOn()) {
            return null;
        }
        // A bare number where the flow filled one installments slot is that count (the extractor may call it an amount).
        Map<String, String> bare = bareInstallments(run, flow);
        Map<String, String> said = bare.isEmpty() ? EntityMemory.values(result, null) : bare;
        if (said.isEmpty()) {
            return null;
        }
        InputStep corrected = null;
        String correctedEntity = null;
        for (Step step : flow.flow().steps().values()) {
            if (!(step instanceof InputStep input) || input.id().equals(run.state.step())
                    || !run.state.slots().containsKey(input.slot())) {
                continue;
            }
            for (String entity : input.prefillEntities()) {
                Object value = InputValues.fromHeard(input.entity(), said.get(entity));
                if (value != null && !InputValues.same(run.state.slots().get(input.slot()), value)) {
                    corrected = input;
                    correctedEntity = entity;
                    break;
                }
            }
            if (corrected != null) {
                break;
            }
        }
        if (corrected == null) {
            return null;
        }
        // Every other filled slot of the flow is offered again, so the steps after the corrected one keep them.
        for (Step step : flow.flow().steps().values()) {
            if (step instanceof InputStep input && input != corrected && run.state.slots().containsKey(input.slot())
                    && !input.prefillEntities().isEmpty()) {
                Object value = run.state.slots().get(input.slot());
                run.state.heard().put(input.prefillEntities().get(0), value instanceof java.math.BigDecimal b
                        ? b.toPlainString() : String.valueOf(value));
            }
        }
        run.state.heard().put(correctedEntity, said.get(correctedEntity));
        run.fired("correction:" + corrected.slot());
        run.say(RepairTexts.corrected(run.locale()));
        return engine.goTo(run, corrected.id());
    }

    /**
     * "mejor 6" at a plan's confirmation: a bare number is the new count when the flow filled exactly one
     * installments slot (for an amount or a date a bare number says too little). Empty when it is not that.
     */
    private static Map<String, String> bareInstallments(TurnRun run, CompiledFlow flow) {
        String number = RepairPhrases.bareNumber(run.normalizedText());
        if (number == null) {
            return Map.of();
        }
        InputStep only = null;
        for (Step step : flow.flow().steps().values()) {
            if (step instanceof InputStep input && input.entity() == EntityType.INSTALLMENTS
                    && run.state.slots().containsKey(input.slot()) && !input.prefillEntities().isEmpty()) {
                if (only != null) {
                    return Map.of();
                }
                only = input;
            }
        }
        return only == null ? Map.of() : Map.of(only.prefillEntities().get(0), number);
    }

    // ---- cancel ----

    Mono<Void> cancel(TurnRun run, CompiledFlow flow) {
        if (!settings(run, flow).cancelOn()) {
            return null;
        }
        run.fired("cancel");
        run.state.heard().clear();
        run.state.pendingIntent(null);
        if (!mayDiscloseOrSkip(run)) {
            run.say(RepairTexts.cancelledUnverified(run.locale()));
            engine.close(run, null);
            return Mono.empty();
        }
        CompiledFlow root = run.rootFlow == null ? flow : run.rootFlow;
        String target = root.flow().repair().cancelTarget();
        if (target == null) {
            target = root.flow().steps().values().stream().filter(MenuStep.class::isInstance).map(Step::id).findFirst().orElse(null);
        }
        LocalizedText text = settings(run, flow).cancelText();
        if (text != null && !text.isEmpty()) {
            run.say(text);
        } else {
            run.say(RepairTexts.cancelled(run.locale()));
        }
        if (target == null || (run.state.stack().isEmpty() && target.equals(run.state.step()))) {
            run.say(closingText(run, root));
            engine.close(run, null);
            return Mono.empty();
        }
        return engine.toRoot(run, root, target);
    }

    // ---- clarification ----

    Mono<Void> clarify(TurnRun run, CompiledFlow flow, MenuStep menu, NluDecision decision) {
        if (!settings(run, flow).clarificationOn() || run.state.clarifyCount() >= 1) {
            return null;
        }
        List<String> pair = decision.closePair();
        if (pair.size() != 2 || !pair.stream().allMatch(intent -> StepAnswers.routes(menu, intent) || Intents.GLOBAL.contains(intent))) {
            return null;
        }
        List<Reply.Option> choices = new ArrayList<>();
        for (String intent : pair) {
            MenuOption option = menu.options().stream().filter(o -> o.intents().contains(intent)).findFirst().orElse(null);
            choices.add(option != null
                    ? new Reply.Option(option.id(), MenuStepExecutor.title(option, run.locale()), null)
                    : new Reply.Option(StepAnswers.INTENT_CHOICE + intent, capitalize(RepairTexts.intentLabel(intent, run.locale())), null));
        }
        run.state.clarifyCount(run.state.clarifyCount() + 1);
        run.fired("clarification:" + pair.get(0) + "|" + pair.get(1));
        run.replies.add(Reply.options(RepairTexts.choose(run.locale(), RepairTexts.intentLabel(pair.get(0), run.locale()),
                RepairTexts.intentLabel(pair.get(1), run.locale())), choices));
        return Mono.empty();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The flow's own closing ({@code repair.closingText}), else the built-in one. */
    static String closingText(TurnRun run, CompiledFlow root) {
        LocalizedText custom = root == null ? null : root.flow().repair().closingText();
        return custom != null && !custom.isEmpty() ? run.render(custom) : RepairTexts.closing(run.locale());
    }

    // ---- hand-back from an agent ----

    Mono<Void> handBack(TurnRun run, CompiledFlow flow, String stepId) {
        return engine.root(run).defaultIfEmpty(flow).flatMap(root -> {
            run.rootFlow = root;
            if (stepId != null && flow.step(stepId) == null) {
                return findInStack(run, stepId).switchIfEmpty(Mono.error(() ->
                        new IllegalArgumentException("step " + stepId + " is not in the conversation's flows")))
                        .flatMap(depth -> {
                            release(run, stepId);
                            List<StackFrame> stack = run.state.stack();
                            StackFrame frame = stack.get(depth);
                            run.state.stack(new ArrayList<>(stack.subList(0, depth)));
                            run.state.flowId(frame.flowId());
                            run.state.flowVersion(frame.flowVersion());
                            return engine.goTo(run, stepId);
                        });
            }
            release(run, stepId);
            if (stepId != null) {
                return engine.goTo(run, stepId);
            }
            Step current = flow.step(run.state.step());
            if (current != null && current.waitsForInput()) {
                return engine.goTo(run, current.id());
            }
            // Where the interrupted task would have continued: the nearest caller waiting for a return, else the menu.
            List<StackFrame> stack = new ArrayList<>(run.state.stack());
            while (!stack.isEmpty()) {
                StackFrame frame = stack.remove(stack.size() - 1);
                if (frame.returnStep() != null) {
                    run.state.stack(stack);
                    run.state.flowId(frame.flowId());
                    run.state.flowVersion(frame.flowVersion());
                    return engine.goTo(run, frame.returnStep());
                }
            }
            String menu = root.flow().steps().values().stream().filter(MenuStep.class::isInstance).map(Step::id)
                    .findFirst().orElse(null);
            return engine.toRoot(run, root, mayDiscloseOrSkip(run) && menu != null ? menu : root.flow().entry());
        });
    }

    private void release(TurnRun run, String stepId) {
        boolean fromAgent = run.state.status() != ConversationStatus.BOT; // a designer's jump in the simulator is not
        run.state.status(ConversationStatus.BOT);
        run.state.handoff(null);
        if (fromAgent) {
            run.fired("hand_back");
            run.say(RepairTexts.back(run.locale()));
        }
        log.info("conversation.resumed conversation={} flow={} step={}", run.state.id(), run.state.flowId(), stepId);
    }

    /** The stack depth whose flow has {@code stepId}, searching from the innermost caller. */
    private Mono<Integer> findInStack(TurnRun run, String stepId) {
        List<StackFrame> stack = run.state.stack();
        return Flux.range(0, stack.size()).map(i -> stack.size() - 1 - i)
                .concatMap(i -> engine.flows.version(stack.get(i).flowId(), stack.get(i).flowVersion())
                        .filter(f -> f.step(stepId) != null).map(f -> i))
                .next();
    }
}
