package dev.cobra.runtime.conversation;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.read.FlowReader;
import dev.cobra.flow.shipped.ShippedFlow;
import dev.cobra.flow.shipped.ShippedFlows;
import dev.cobra.runtime.flow.FlowCatalog;
import dev.cobra.runtime.flow.FlowVersion;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test double of the flow catalog: the shipped flows (version 1) plus flows a test adds. */
public class InMemoryFlowCatalog implements FlowCatalog {

    private final Map<String, FlowVersion> published = new ConcurrentHashMap<>();

    public static InMemoryFlowCatalog shipped() {
        InMemoryFlowCatalog catalog = new InMemoryFlowCatalog();
        FlowReader reader = new FlowReader();
        for (ShippedFlow shipped : ShippedFlows.all()) {
            catalog.publish(reader.read(shipped.id(), shipped.yaml()), 1);
        }
        return catalog;
    }

    public InMemoryFlowCatalog publish(Flow flow, int version) {
        published.put(flow.id(), new FlowVersion(flow, version));
        return this;
    }

    public InMemoryFlowCatalog publishYaml(String id, String yaml, int version) {
        return publish(new FlowReader().read(id, yaml), version);
    }

    @Override
    public Mono<FlowVersion> published(String flowId) {
        return Mono.justOrEmpty(published.get(flowId));
    }

    @Override
    public Mono<FlowVersion> version(String flowId, int version) {
        return Mono.justOrEmpty(published.get(flowId)).filter(fv -> fv.version() == version);
    }

    @Override
    public Mono<FlowVersion> forStage(long daysPastDue) {
        return Mono.justOrEmpty(published.values().stream()
                .filter(fv -> fv.flow().selection() != null && fv.flow().selection().matches(daysPastDue))
                .findFirst());
    }
}
