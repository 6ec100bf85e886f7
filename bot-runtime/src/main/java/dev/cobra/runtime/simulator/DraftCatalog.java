package dev.cobra.runtime.simulator;

import dev.cobra.flow.model.Flow;
import dev.cobra.runtime.flow.FlowCatalog;
import dev.cobra.runtime.flow.FlowVersion;
import reactor.core.publisher.Mono;

/**
 * The published catalog seen through one draft: the simulated flow resolves to its draft (as version
 * {@value #DRAFT_VERSION}) wherever the engine asks for it, as a stage flow or as a subflow; every other flow is
 * the published one, as in production.
 */
final class DraftCatalog implements FlowCatalog {

    /** Version number the draft runs under; published versions start at 1. */
    static final int DRAFT_VERSION = -1;

    private final FlowCatalog published;
    private final FlowVersion draft;

    DraftCatalog(FlowCatalog published, Flow draft) {
        this.published = published;
        this.draft = new FlowVersion(draft, DRAFT_VERSION);
    }

    String draftId() {
        return draft.flow().id();
    }

    @Override
    public Mono<FlowVersion> published(String flowId) {
        return draftId().equals(flowId) ? Mono.just(draft) : published.published(flowId);
    }

    @Override
    public Mono<FlowVersion> version(String flowId, int version) {
        if (draftId().equals(flowId) && version == DRAFT_VERSION) {
            return Mono.just(draft);
        }
        return published.version(flowId, version);
    }

    /** A simulation always starts the draft, whatever the sample debtor's days past due. */
    @Override
    public Mono<FlowVersion> forStage(long daysPastDue) {
        return Mono.just(draft);
    }
}
