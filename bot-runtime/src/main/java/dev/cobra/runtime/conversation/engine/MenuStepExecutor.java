package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.MenuOption;
import dev.cobra.flow.model.MenuStep;
import dev.cobra.runtime.conversation.message.Reply;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/** Shows the menu and waits; a request carried past verification is acted on here instead of asking. */
final class MenuStepExecutor implements StepExecutor<MenuStep> {

    private final StateMachineFlowEngine engine;

    MenuStepExecutor(StateMachineFlowEngine engine) {
        this.engine = engine;
    }

    @Override
    public Mono<Void> execute(TurnRun run, CompiledFlow flow, MenuStep menu) {
        Mono<Void> carried = engine.repair.carriedIntent(run, flow, menu);
        if (carried != null) {
            return carried;
        }
        run.replies.add(Reply.options(run.render(menu.text()), options(run, menu)));
        return Mono.empty();
    }

    /** The menu's options as buttons or list rows, rendered in the conversation's language. */
    static List<Reply.Option> options(TurnRun run, MenuStep menu) {
        List<Reply.Option> result = new ArrayList<>(menu.options().size());
        for (MenuOption option : menu.options()) {
            String title = run.renderOrNull(option.title());
            result.add(new Reply.Option(option.id(), title == null ? option.id() : title,
                    run.renderOrNull(option.description())));
        }
        return result;
    }

    static String title(MenuOption option, String locale) {
        return option.title() == null ? option.id() : option.title().forLocale(locale);
    }
}
