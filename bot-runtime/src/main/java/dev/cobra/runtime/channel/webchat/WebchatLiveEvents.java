package dev.cobra.runtime.channel.webchat;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * In-process fan-out of transcript entries to the widgets listening on a conversation (SSE). Best effort: a
 * widget that missed events reloads the transcript, which is the source of truth. One instance only sees the
 * entries delivered through it.
 */
@Component
public class WebchatLiveEvents {

    private final ConcurrentMap<String, Sinks.Many<WebchatEntry>> sinks = new ConcurrentHashMap<>();

    public Flux<WebchatEntry> listen(String conversationId) {
        return sinks.computeIfAbsent(conversationId, id -> Sinks.many().multicast().directBestEffort()).asFlux()
                .doFinally(signal -> sinks.computeIfPresent(conversationId,
                        (id, sink) -> sink.currentSubscriberCount() == 0 ? null : sink));
    }

    public void publish(String conversationId, WebchatEntry entry) {
        Sinks.Many<WebchatEntry> sink = sinks.get(conversationId);
        if (sink != null) {
            synchronized (sink) {
                sink.tryEmitNext(entry);
            }
        }
    }
}
