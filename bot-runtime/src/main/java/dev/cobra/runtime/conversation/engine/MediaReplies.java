package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.LocalizedText;
import dev.cobra.flow.model.StepMedia;
import dev.cobra.runtime.conversation.message.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/** Turns a message step's {@code media} into a reply, with its URL and caption rendered for the debtor. */
final class MediaReplies {

    private static final Logger log = LoggerFactory.getLogger(MediaReplies.class);

    private MediaReplies() {
    }

    /**
     * @param render renders a text for this turn (null for an empty text)
     * @return the media reply; a caption-only text when the rendered URL is not safe to send; null when nothing
     */
    static Reply of(StepMedia media, Function<LocalizedText, String> render, String stepId) {
        String url = render.apply(LocalizedText.of(media.url()));
        String caption = render.apply(media.caption());
        boolean knownType = StepMedia.IMAGE.equals(media.type()) || StepMedia.DOCUMENT.equals(media.type());
        if (!knownType || !Reply.Media.safeUrl(url)) {
            // The validator rejects such flows; a URL can still go wrong once placeholders are filled in.
            log.warn("flow.media.skipped step={} reason={}", stepId, knownType ? "unsafe_url" : "unknown_type");
            return caption == null || caption.isBlank() ? null : Reply.text(caption);
        }
        String filename = StepMedia.DOCUMENT.equals(media.type()) ? media.filename() : null;
        return Reply.media(new Reply.Media(media.type(), url, filename), caption == null || caption.isBlank() ? null : caption);
    }
}
