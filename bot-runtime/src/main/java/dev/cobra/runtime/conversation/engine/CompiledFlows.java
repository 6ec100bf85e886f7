package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.read.FlowReader;
import dev.cobra.runtime.flow.FlowCatalog;
import dev.cobra.runtime.flow.FlowVersion;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Compiled flows, cached per (flow id, version) for the life of the process: published versions never change.
 * Also serves the anonymous-visitor flow: a published flow with id {@value #ANONYMOUS_FLOW_ID} when a designer
 * made one, else the built-in one shipped with the runtime (version {@value #BUILT_IN_VERSION}).
 */
public class CompiledFlows {

    public static final String ANONYMOUS_FLOW_ID = "anonymous";
    /** Version number of built-in flows, which never come from the catalog. */
    public static final int BUILT_IN_VERSION = 0;

    private final FlowCatalog catalog;
    private final FlowCompiler compiler = new FlowCompiler();
    private final ConcurrentMap<String, CompiledFlow> cache = new ConcurrentHashMap<>();
    private final CompiledFlow builtInAnonymous;

    public CompiledFlows(FlowCatalog catalog) {
        this.catalog = catalog;
        this.builtInAnonymous = compiler.compile(readBuiltIn(ANONYMOUS_FLOW_ID), BUILT_IN_VERSION);
    }

    public Mono<CompiledFlow> version(String flowId, int version) {
        CompiledFlow cached = cached(flowId, version);
        if (cached != null) {
            return Mono.just(cached);
        }
        return catalog.version(flowId, version).map(this::compiled);
    }

    /** The flow version when it is compiled already (every step of a turn asks), else null: then ask {@link #version}. */
    CompiledFlow cached(String flowId, int version) {
        if (flowId == null) {
            return null;
        }
        if (version == BUILT_IN_VERSION && ANONYMOUS_FLOW_ID.equals(flowId)) {
            return builtInAnonymous;
        }
        return cache.get(flowId + "@" + version);
    }

    public Mono<CompiledFlow> published(String flowId) {
        return catalog.published(flowId).map(this::compiled);
    }

    public Mono<CompiledFlow> forStage(long daysPastDue) {
        return catalog.forStage(daysPastDue).map(this::compiled);
    }

    public Mono<CompiledFlow> anonymous() {
        return catalog.published(ANONYMOUS_FLOW_ID).map(this::compiled).defaultIfEmpty(builtInAnonymous);
    }

    /** Adds a compiled flow directly (benchmarks and tests that run without a catalog). */
    public CompiledFlow register(Flow flow, int version) {
        return cache.computeIfAbsent(flow.id() + "@" + version, k -> compiler.compile(flow, version));
    }

    private CompiledFlow compiled(FlowVersion fv) {
        return cache.computeIfAbsent(fv.flow().id() + "@" + fv.version(), k -> compiler.compile(fv.flow(), fv.version()));
    }

    private static Flow readBuiltIn(String id) {
        String resource = "dev/cobra/runtime/conversation/engine/" + id + ".yaml";
        try (InputStream in = CompiledFlows.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in flow missing: " + resource);
            }
            return new FlowReader().read(id, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
