package dev.cobra.runtime.conversation.message;

import org.bson.Document;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * A turn's replies made ready by the channel in memory, before the turn is saved, so that what the channel stores
 * is saved with the conversation in the turn's one awaited write (issue 17, step 2). Once that write is durable the
 * channel sends at once and stores its own records behind the send; after a crash, the records saved with the turn
 * are stored again by {@link OutboundChannel#recover}, once each.
 */
public interface PreparedDelivery {

    /** The channel's records of this delivery, saved with the turn; opaque to the conversation. */
    List<Document> records();

    /** The turn is saved: the replies go out, and the records are stored; completes when they are durable. */
    Mono<Void> commit();

    /** The turn was not saved (a lost compare-and-set, a failure): nothing of it is sent. */
    void abandon();
}
