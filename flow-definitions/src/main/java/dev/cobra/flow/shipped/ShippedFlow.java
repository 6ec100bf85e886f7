package dev.cobra.flow.shipped;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.read.FlowReader;

/**
 * One shipped flow as written (the YAML is kept verbatim so designers see the comments).
 *
 * @param id   the flow id, also the file name without {@code .yaml}
 * @param yaml the YAML text
 */
public record ShippedFlow(String id, String yaml) {

    /** The parsed flow. */
    public Flow flow() {
        return new FlowReader().read(id, yaml);
    }
}
