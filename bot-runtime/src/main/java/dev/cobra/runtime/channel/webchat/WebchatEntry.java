package dev.cobra.runtime.channel.webchat;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.conversation.state.TranscriptEntry;

import java.time.Instant;
import java.util.List;

/**
 * One message as the widget receives it (live push and transcript): the transcript shape of CONTRACTS.md
 * ({@code {"from","type","text","options","at"}}) plus {@code media} for images and documents.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebchatEntry(String from, String type, String text, List<Reply.Option> options, Reply.Media media,
                           Instant at) {

    public WebchatEntry {
        options = options == null || options.isEmpty() ? null : List.copyOf(options);
    }

    static WebchatEntry of(String from, Reply reply, Instant at) {
        return new WebchatEntry(from, reply.type(), reply.text(), reply.options(), reply.media(), at);
    }

    /** A logged entry, media included. */
    static WebchatEntry of(TranscriptEntry entry) {
        return new WebchatEntry(entry.from(), entry.type(), entry.text(), entry.options(), entry.media(), entry.at());
    }
}
