package dev.cobra.runtime.flow;

import reactor.core.publisher.Mono;

/** Read side of flow storage used by the engine. Implementations cache parsed versions (they never change). */
public interface FlowCatalog {

    /** The current published version; empty when the flow does not exist or was never published. */
    Mono<FlowVersion> published(String flowId);

    /** A specific published version. */
    Mono<FlowVersion> version(String flowId, int version);

    /** The published stage flow whose days-past-due selection matches; empty when none does. */
    Mono<FlowVersion> forStage(long daysPastDue);
}
