package dev.cobra.runtime.flow;

import dev.cobra.flow.model.Flow;

/** A published, immutable version of a flow. Running conversations stay on the version they started with. */
public record FlowVersion(Flow flow, int version) {
}
