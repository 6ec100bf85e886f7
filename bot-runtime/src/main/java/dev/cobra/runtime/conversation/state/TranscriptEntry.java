package dev.cobra.runtime.conversation.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cobra.runtime.conversation.message.Reply;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a conversation's message log, in the transcript shape of CONTRACTS.md
 * ({@code {"from","type","text","options","at"}}).
 *
 * @param seq  position in the conversation's log, from 1, gap-free and unique (allocated with the state write)
 * @param from {@code debtor}, {@code bot} or {@code agent}
 * @param type {@code text}, {@code options} or {@code media}
 * @param media the image or document of a {@code media} entry (its caption is {@code text}), else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TranscriptEntry(@JsonIgnore String conversationId, @JsonIgnore long seq, String from, String type,
                              String text, List<Reply.Option> options, Reply.Media media, Instant at) {

    public static final String FROM_DEBTOR = "debtor";
    public static final String FROM_BOT = "bot";
    public static final String FROM_AGENT = "agent";

    public TranscriptEntry {
        options = options == null || options.isEmpty() ? null : List.copyOf(options);
    }

    /** The reply this entry logged (to send it again, e.g. when a turn cut short by a crash is finished). */
    public Reply reply() {
        return new Reply(type, text, options, media);
    }

    public static TranscriptEntry of(String conversationId, long seq, String from, Reply reply, Instant at) {
        return new TranscriptEntry(conversationId, seq, from, reply.type(), reply.text(), reply.options(), reply.media(),
                at);
    }
}
