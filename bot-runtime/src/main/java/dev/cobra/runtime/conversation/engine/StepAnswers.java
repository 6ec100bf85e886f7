package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.InputStep;
import dev.cobra.flow.model.InputValidation;
import dev.cobra.flow.model.MenuOption;
import dev.cobra.flow.model.MenuStep;
import dev.cobra.flow.model.Step;
import dev.cobra.nlp.api.Intents;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.nlu.NluResult;
import dev.cobra.runtime.verification.IdentityDigits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The debtor's answer to a waiting step: a menu choice (button, typed title or number, then the classifier) or an
 * input value (extracted and validated). What does not fit is offered to {@link ConversationRepair} before it
 * counts as a miss: a digression, a correction, a change of mind, a cancel, a carried intent.
 */
final class StepAnswers {

    static final String INTENT_CHOICE = "intent:";
    private static final Logger log = LoggerFactory.getLogger(StepAnswers.class);
    private static final Pattern OPTION_NUMBER = Pattern.compile("(?:opcion|option|numero|number)?\\s*(\\d{1,2})");

    private final StateMachineFlowEngine engine;

    StepAnswers(StateMachineFlowEngine engine) {
        this.engine = engine;
    }

    Mono<Void> answer(TurnRun run, CompiledFlow flow) {
        Step step = flow.step(run.state.step());
        if (step == null) {
            return Mono.error(new IllegalStateException("step " + run.state.step() + " missing in " + flow.key()));
        }
        if (step.waitsForInput() && run.text() != null && RepairPhrases.cancel(run.normalizedText())) {
            Mono<Void> cancelled = engine.repair.cancel(run, flow);
            if (cancelled != null) {
                return cancelled;
            }
        }
        if (step instanceof MenuStep menu) {
            return answerMenu(run, flow, menu);
        }
        if (step instanceof InputStep input) {
            return answerInput(run, flow, input);
        }
        // Not waiting (e.g. an agent handed back to a message step): run from it; the message itself is not an answer.
        return engine.advance(run);
    }

    // ---- menus ----

    Mono<Void> answerMenu(TurnRun run, CompiledFlow flow, MenuStep menu) {
        TurnInput input = run.input;
        if (input.optionId() != null) {
            if (input.optionId().startsWith(INTENT_CHOICE)) { // a choice between two close intents
                String intent = input.optionId().substring(INTENT_CHOICE.length());
                run.debtorText = RepairTexts.intentLabel(intent, run.locale());
                return routeIntent(run, flow, menu, intent, null);
            }
            for (MenuOption option : menu.options()) {
                if (option.id().equals(input.optionId())) {
                    run.debtorText = MenuStepExecutor.title(option, run.locale());
                    return choose(run, flow, menu, option);
                }
            }
            log.info("flow.menu.stale_option conversation={} step={}", run.state.id(), menu.id());
            return miss(run, flow, menu);
        }
        String typed = run.normalizedText();
        List<MenuOption> options = menu.options();
        int number = optionNumber(typed);
        for (int i = 0; i < options.size(); i++) {
            MenuOption option = options.get(i);
            if (typed.equals(TextMatching.normalizedTitle(MenuStepExecutor.title(option, run.locale()))) || typed.equals(option.id())
                    || number == i + 1) {
                return choose(run, flow, menu, option);
            }
        }
        MenuOption named = TextMatching.uniquelyNamedOption(typed, options, option -> MenuStepExecutor.title(option, run.locale()));
        if (named != null) {
            // The rest of the sentence may carry what the branch will ask ("necesito más tiempo, le pago el viernes").
            return engine.classify(run, input.text()).flatMap(result -> {
                EntityMemory.remember(run.state, result, false);
                EntityMemory.rememberRequest(run.state, result); // "ya pagué ayer por Nequi" already gives the details
                return choose(run, flow, menu, named);
            });
        }
        Mono<Void> phrased = engine.repair.phraseDigression(run, flow, typed);
        if (phrased != null) {
            return phrased;
        }
        return engine.classify(run, input.text()).flatMap(result -> {
            EntityMemory.remember(run.state, result, false);
            NluDecision decision = new NluDecision(result, flow.flow().settings());
            Mono<Void> corrected = engine.repair.correct(run, flow, result);
            if (corrected != null) {
                return corrected;
            }
            if (!decision.confident()) {
                log.info("flow.menu.low_confidence conversation={} step={} intent={} confidence={}", run.state.id(), menu.id(),
                        result.prediction().intent(), String.format(Locale.ROOT, "%.2f", result.prediction().confidence()));
                MenuOption byEntity = optionByEntity(run, menu);
                if (byEntity != null) {
                    run.fired("option_by_entity:" + byEntity.id());
                    return choose(run, flow, menu, byEntity);
                }
                Mono<Void> clarified = engine.repair.clarify(run, flow, menu, decision);
                return clarified != null ? clarified : miss(run, flow, menu);
            }
            return routeIntent(run, flow, menu, decision.intent(), result);
        });
    }

    /** A confident intent at a menu: its options, its intent map, the global routes, then the repairs. */
    Mono<Void> routeIntent(TurnRun run, CompiledFlow flow, MenuStep menu, String intent, NluResult result) {
        if (result != null) {
            EntityMemory.rememberRequest(run.state, result);
        }
        for (MenuOption option : menu.options()) {
            if (option.intents().contains(intent)) {
                return choose(run, flow, menu, option);
            }
        }
        if (menu.intents().containsKey(intent)) {
            run.answerAccepted();
            return engine.follow(run, flow, menu.id(), "intent:" + intent);
        }
        if (Intents.GLOBAL.contains(intent)) {
            return engine.global(run, flow, intent);
        }
        Mono<Void> repaired = engine.repair.offStep(run, flow, intent);
        if (repaired != null) {
            return repaired;
        }
        MenuOption byEntity = optionByEntity(run, menu);
        if (byEntity != null) {
            run.fired("option_by_entity:" + byEntity.id());
            return choose(run, flow, menu, byEntity);
        }
        log.info("flow.menu.no_route conversation={} step={} intent={}", run.state.id(), menu.id(), intent);
        return miss(run, flow, menu);
    }

    /** The option picked by an entity the debtor just said (remembered this turn), or null. */
    private static MenuOption optionByEntity(TurnRun run, MenuStep menu) {
        if (run.understood == null) {
            return null;
        }
        for (dev.cobra.nlp.api.Entity entity : run.understood.entities()) {
            for (MenuOption option : menu.options()) {
                if (option.entities().contains(entity.entity()) && run.state.heard().containsKey(entity.entity())) {
                    return option;
                }
            }
        }
        return null;
    }

    /** Whether a confident {@code intent} has a route at this menu (an option or the menu's intent map). */
    static boolean routes(MenuStep menu, String intent) {
        return menu.intents().containsKey(intent) || menu.options().stream().anyMatch(o -> o.intents().contains(intent));
    }

    /** The option number the debtor typed ("2", "opcion 2"), or 0 when the text is not one. */
    private static int optionNumber(String typed) {
        Matcher m = OPTION_NUMBER.matcher(typed);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    private Mono<Void> choose(TurnRun run, CompiledFlow flow, MenuStep menu, MenuOption option) {
        log.debug("flow.menu.option conversation={} step={} option={}", run.state.id(), menu.id(), option.id());
        run.answerAccepted();
        return engine.follow(run, flow, menu.id(), "option:" + option.id());
    }

    /** A menu answer the bot cannot act on: clarify once, then hand off. */
    Mono<Void> miss(TurnRun run, CompiledFlow flow, MenuStep menu) {
        if (run.state.clarifyCount() >= 1) {
            run.say(RuntimeTexts.lowConfidenceHandoff(run.locale()));
            engine.handoff(run, flow.flow().settings().handoffQueue(), "low_confidence");
            return Mono.empty();
        }
        run.state.clarifyCount(run.state.clarifyCount() + 1);
        run.replies.add(Reply.options(RuntimeTexts.clarify(run.locale()), MenuStepExecutor.options(run, menu)));
        return Mono.empty();
    }

    // ---- inputs ----

    private Mono<Void> answerInput(TurnRun run, CompiledFlow flow, InputStep step) {
        String text = run.input.text() != null ? run.input.text() : run.input.optionId();
        if (text == null || text.isBlank()) {
            return invalid(run, flow, step);
        }
        if (step.entity() == dev.cobra.flow.model.EntityType.DOCUMENT) {
            run.debtorText = IdentityDigits.mask(text); // what the transcript keeps: never the typed digits
        }
        String normalized = run.input.text() != null ? run.normalizedText() : TextMatching.normalize(text);
        Mono<Void> phrased = engine.repair.phraseDigression(run, flow, normalized);
        if (phrased != null) {
            return phrased;
        }
        // A message that is the value and nothing else cannot be a request: no classifier (issue 17, step 5).
        NluResult clean = CleanValue.of(step, text, run.locale(), run.context.today(), run.context.zone());
        Mono<NluResult> understood = clean != null ? Mono.just(clean) : engine.classify(run, text);
        return understood.flatMap(result -> {
            NluDecision decision = new NluDecision(result, flow.flow().settings());
            String intent = decision.intent();
            if (decision.confident() && Intents.GLOBAL.contains(intent)) {
                return engine.global(run, flow, intent);
            }
            if (!Intents.OPT_OUT.equals(intent) && thirdPartyAboutTheDebtor(run, text, result)) {
                run.fired("third_party");
                return engine.global(run, flow, Intents.WRONG_PERSON);
            }
            Object value = InputValues.extract(step, text, result);
            if (value == null && step.entity() == dev.cobra.flow.model.EntityType.AMOUNT && step.validation() != null
                    && RepairPhrases.wholeAmount(normalized)) {
                value = InputValues.bound(step.validation().max(), run.vars()); // "todo": the most the step allows
            }
            boolean document = step.entity() == dev.cobra.flow.model.EntityType.DOCUMENT;
            EntityMemory.remember(run.state, result, document);
            if (value != null && valid(run, flow, step, value)) {
                run.state.heard().remove(step.entity() == null ? "" : step.entity().yamlName());
                run.state.slots().put(step.slot(), value);
                log.debug("flow.input.accepted conversation={} step={} slot={}", run.state.id(), step.id(), step.slot());
                engine.repair.carryIntent(run, decision, text);
                run.answerAccepted();
                return engine.follow(run, flow, step.id(), "next");
            }
            if (value == null) {
                if (RepairPhrases.holdOn(normalized)) {
                    Mono<Void> waiting = engine.repair.holdOn(run, flow);
                    if (waiting != null) {
                        return waiting;
                    }
                }
                if (RepairPhrases.greetingOnly(normalized)) {
                    // "hola" in answer to the opening question greets back; it is no wrong answer and costs no try.
                    run.fired("greeting");
                    return askAgainFree(run, step);
                }
                Mono<Void> repaired = engine.repair.inputRepair(run, flow, step, result, decision);
                if (repaired != null) {
                    return repaired;
                }
                if (run.switchedLanguage()) {
                    // "Sorry, I don't speak Spanish" asks for another language; it is not a wrong answer, so it
                    // costs no attempt: the question again, in the debtor's language.
                    return askAgainFree(run, step);
                }
            }
            return invalid(run, flow, step);
        });
    }

    /** The step's question again (its {@code reprompt}, else its text), costing no attempt. */
    private static Mono<Void> askAgainFree(TurnRun run, InputStep step) {
        run.say(step.reprompt() != null && !step.reprompt().isEmpty() ? step.reprompt() : step.text());
        return Mono.empty();
    }

    /**
     * "Soy la esposa de Valentina, ella no está": before verification, someone who names the debtor as another person
     * is a third party, however the classifier read the rest; they get the wrong-person answer and nothing about the
     * debt. A debtor introducing themselves ("soy Valentina") is not this.
     */
    private static boolean thirdPartyAboutTheDebtor(TurnRun run, String text, NluResult result) {
        if (run.state.verified() || run.context.debtor() == null || run.context.debtor().firstName() == null) {
            return false;
        }
        String firstName = firstWord(run.context.debtor().firstName());
        for (dev.cobra.nlp.api.Entity entity : result.entities()) {
            if (dev.cobra.nlp.api.Entity.PERSON.equals(entity.entity()) && entity.value() != null
                    && firstWord(entity.value().toString().replaceAll("['’]s$", "")).equals(firstName)
                    && dev.cobra.nlp.clause.PersonCues.namesSomeoneElse(text, entity)) {
                return true;
            }
        }
        return false;
    }

    private static String firstWord(String name) {
        String normalized = TextMatching.normalize(name);
        int space = normalized.indexOf(' ');
        return space < 0 ? normalized : normalized.substring(0, space);
    }

    Mono<Void> invalid(TurnRun run, CompiledFlow flow, InputStep step) {
        run.state.retryCount(run.state.retryCount() + 1);
        log.info("flow.input.invalid conversation={} step={} attempt={}", run.state.id(), step.id(), run.state.retryCount());
        if (run.state.retryCount() >= step.retries()) {
            return run.fire(flow, step.id(), "fail").map(java.util.Optional::of)
                    .defaultIfEmpty(java.util.Optional.empty()).flatMap(onFail -> {
                        if (onFail.isPresent()) {
                            run.state.moveTo(onFail.get());
                            return engine.advance(run);
                        }
                        run.say(RuntimeTexts.lowConfidenceHandoff(run.locale()));
                        engine.handoff(run, flow.flow().settings().handoffQueue(), "low_confidence");
                        return Mono.<Void>empty();
                    });
        }
        sayInvalid(run, step);
        return Mono.empty();
    }

    static void sayInvalid(TurnRun run, InputStep step) {
        if (step.invalidText() != null && !step.invalidText().isEmpty()) {
            run.say(step.invalidText());
        } else {
            run.say(RuntimeTexts.invalidInput(run.locale()));
            run.say(step.text());
        }
    }

    static boolean valid(TurnRun run, CompiledFlow flow, InputStep step, Object value) {
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
}
