package dev.cobra.runtime.channel.whatsapp;

import dev.cobra.runtime.conversation.message.Reply;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * What the channel's own answers need to know of a WhatsApp user's current conversation: whether a person owns or
 * is about to own it (then the bot offers no "talk to an agent"), and the options of the bot's last question (a
 * 👍 reaction to a yes/no question is a yes).
 */
public interface ConversationLookup {

    /** Nothing known: a bot conversation without a pending question. */
    ConversationLookup NONE = userKey -> Mono.just(Chat.NONE);

    Mono<Chat> current(String userKey);

    /**
     * @param withAgent   a person owns the chat or it waits for one
     * @param lastOptions the options of the bot's last message, empty when it asked none
     */
    record Chat(boolean withAgent, List<Reply.Option> lastOptions) {
        public static final Chat NONE = new Chat(false, List.of());
    }
}
