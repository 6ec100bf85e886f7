package dev.cobra.runtime.simulator;

import dev.cobra.flow.model.Flow;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.conversation.engine.CompiledFlows;
import dev.cobra.runtime.conversation.engine.StateMachineFlowEngine;
import dev.cobra.runtime.conversation.engine.TurnContext;
import dev.cobra.runtime.conversation.engine.TurnInput;
import dev.cobra.runtime.conversation.engine.TurnOutcome;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.flow.FlowCatalog;
import dev.cobra.runtime.nlu.NluService;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a conversation test against a draft with the production engine and NLU, in memory (as the simulator does),
 * with "today" pinned to the test's date at noon in Bogotá. Stops at the first diverging turn.
 */
final class ConversationTestRunner {

    private final FlowCatalog published;
    private final NluService nlu;

    ConversationTestRunner(FlowCatalog published, NluService nlu) {
        this.published = published;
        this.nlu = nlu;
    }

    Mono<ConversationTestResult> run(String id, String name, Flow draft, ConversationTest test) {
        ZoneId zone = ZoneId.of("America/Bogota");
        LocalDate today = test.today() != null ? test.today() : LocalDate.now(zone);
        Clock clock = Clock.fixed(today.atTime(LocalTime.NOON).atZone(zone).toInstant(), zone);
        SampleDebtor sample;
        try {
            sample = test.sample();
        } catch (IllegalArgumentException e) {
            return Mono.just(new ConversationTestResult(id, name, false, 0, e.getMessage(), List.of()));
        }
        StateMachineFlowEngine engine = new StateMachineFlowEngine(new CompiledFlows(new DraftCatalog(published, draft)), nlu,
                new SimulatedActions(SampleDebtor.DOCUMENT_LAST4));
        TurnContext context = TurnContext.of(sample.toDebtor(today), clock);
        ConversationState state = ConversationState.start("test-" + id, sample.channel(), SampleDebtor.ID, null,
                sample.toDebtor(today).locale(), clock.instant());
        return runTurns(engine, state, context, test.turns(), 0, id, name);
    }

    private Mono<ConversationTestResult> runTurns(StateMachineFlowEngine engine, ConversationState state, TurnContext context,
                                                  List<ConversationTest.Turn> turns, int index, String id, String name) {
        if (index == turns.size()) {
            return Mono.just(new ConversationTestResult(id, name, true, 0, "passed", List.of()));
        }
        ConversationTest.Turn turn = turns.get(index);
        Mono<TurnOutcome> outcome;
        if (turn.say() != null) {
            outcome = engine.handle(state, TurnInput.text(turn.say()), context);
        } else if (turn.option() != null) {
            outcome = engine.handle(state, TurnInput.option(turn.option()), context);
        } else {
            outcome = engine.start(state, context);
        }
        return outcome.flatMap(result -> {
            List<String> said = result.replies().stream().map(ConversationTestRunner::describe).toList();
            String problem = check(turn, result.replies(), state);
            if (problem != null) {
                return Mono.just(new ConversationTestResult(id, name, false, index + 1, problem, said));
            }
            return runTurns(engine, state, context, turns, index + 1, id, name);
        }).onErrorResume(e -> Mono.just(new ConversationTestResult(id, name, false, index + 1,
                "the engine failed: " + e.getMessage(), List.of())));
    }

    static String check(ConversationTest.Turn turn, List<Reply> replies, ConversationState state) {
        StringBuilder text = new StringBuilder();
        List<String> optionIds = new ArrayList<>();
        for (Reply reply : replies) {
            text.append(reply.text() == null ? "" : reply.text()).append('\n');
            if (reply.options() != null) {
                reply.options().forEach(o -> {
                    optionIds.add(o.id());
                    text.append(o.title()).append('\n');
                });
            }
        }
        String said = comparable(text.toString());
        List<String> problems = new ArrayList<>();
        if (turn.bot() != null) {
            for (String expected : Objects.requireNonNullElse(turn.bot().contains(), List.<String>of())) {
                if (!said.contains(comparable(expected))) {
                    problems.add("the bot should say \"" + expected + "\"");
                }
            }
            for (String unexpected : Objects.requireNonNullElse(turn.bot().notContains(), List.<String>of())) {
                if (said.contains(comparable(unexpected))) {
                    problems.add("the bot should not say \"" + unexpected + "\"");
                }
            }
            if (turn.bot().options() != null && !turn.bot().options().equals(optionIds)) {
                problems.add("options expected " + turn.bot().options() + " but were " + optionIds);
            }
        }
        if (turn.expect() != null) {
            turn.expect().forEach((key, expected) -> {
                String actual = switch (key) {
                    case "flow" -> state.flowId();
                    case "step" -> state.step();
                    case "status" -> state.status() == null ? null : state.status().name();
                    case "disposition" -> state.disposition();
                    case "verified" -> String.valueOf(state.verified());
                    case "optedOut" -> String.valueOf(state.optedOut());
                    case "handoffQueue" -> state.handoff() == null ? null : state.handoff().queue();
                    case "handoffReason" -> state.handoff() == null ? null : state.handoff().reason();
                    case "slots" -> null;
                    default -> "\u0000unknown";
                };
                if ("slots".equals(key)) {
                    if (expected instanceof Map<?, ?> slots) {
                        slots.forEach((slot, value) -> {
                            Object got = state.slots().get(String.valueOf(slot));
                            if (!String.valueOf(value).equals(String.valueOf(got))) {
                                problems.add("slot " + slot + " expected <" + value + "> but was <" + got + ">");
                            }
                        });
                    } else {
                        problems.add("slots: expected a map");
                    }
                } else if ("\u0000unknown".equals(actual)) {
                    problems.add("unknown expectation '" + key + "'");
                } else if (!Objects.equals(expected == null ? null : expected.toString(), actual)) {
                    problems.add(key + " expected <" + expected + "> but was <" + actual + ">");
                }
            });
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static String describe(Reply reply) {
        if (reply.options() == null) {
            return reply.text();
        }
        return reply.text() + " " + reply.options().stream().map(o -> "[" + o.id() + "]").toList();
    }

    private static String comparable(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').toLowerCase(Locale.ROOT);
    }
}
