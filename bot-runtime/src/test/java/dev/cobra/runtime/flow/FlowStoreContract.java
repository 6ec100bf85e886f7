package dev.cobra.runtime.flow;

import dev.cobra.flow.read.FlowReader;
import dev.cobra.flow.shipped.ShippedFlows;
import dev.cobra.flow.validate.InvalidFlowException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** What flow storage guarantees, run against the embedded server and (with Docker) a real MongoDB. */
abstract class FlowStoreContract {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T15:00:00Z"), ZoneOffset.UTC);

    protected abstract ReactiveMongoTemplate template();

    private MongoFlowStore store;

    @BeforeEach
    void emptyCollections() {
        template().dropCollection("flows").then(template().dropCollection("flow_versions")).block();
        store = new MongoFlowStore(template(), CLOCK);
    }

    private static String flow(String id, String greeting) {
        return "id: " + id + "\ntitle: T\nentry: a\nsteps:\n  a: {type: message, text: \"" + greeting
                + "\", next: b}\n  b: {type: end, disposition: REFUSED}\n";
    }

    private Mono<FlowDraft> save(String id, String yaml) {
        return store.saveDraft(new FlowReader().read(id, yaml), yaml, "dana");
    }

    private static String greeting(FlowVersion version) {
        return version.flow().step("a").orElseThrow().toString();
    }

    @Test
    void theFirstUseLoadsEveryShippedFlowAsPublishedVersionOne() {
        StepVerifier.create(store.list().collectList()).assertNext(list -> {
            assertThat(list).extracting(FlowSummary::id)
                    .containsExactlyInAnyOrderElementsOf(ShippedFlows.all().stream().map(f -> f.id()).toList());
            assertThat(list).allSatisfy(s -> {
                assertThat(s.publishedVersion()).isEqualTo(1);
                assertThat(s.unpublishedChanges()).isFalse();
            });
        }).verifyComplete();
        StepVerifier.create(store.published("verification"))
                .assertNext(v -> assertThat(v.flow().entry()).isEqualTo("check_verified")).verifyComplete();
    }

    @Test
    void stageFlowsAreChosenByDaysPastDue() {
        StepVerifier.create(Flux.concat(store.forStage(-10), store.forStage(0), store.forStage(31), store.forStage(91))
                        .map(v -> v.flow().id()).collectList())
                .assertNext(ids -> assertThat(ids).containsExactly("early", "early", "mid", "late"))
                .verifyComplete();
    }

    @Test
    void theNarrowestMatchingStageFlowWins() {
        String special = "id: first_week\nselection: {minDaysPastDue: 1, maxDaysPastDue: 7}\nentry: a\nsteps:\n"
                + "  a: {type: end}\n";
        StepVerifier.create(save("first_week", special).then(store.publish("first_week", "dana"))
                        .then(Flux.concat(store.forStage(3), store.forStage(10)).map(v -> v.flow().id()).collectList()))
                .assertNext(ids -> assertThat(ids).containsExactly("first_week", "early"))
                .verifyComplete();
    }

    @Test
    void draftsGoLiveOnlyWhenPublishedAndOldVersionsStayReadable() {
        StepVerifier.create(save("promo", flow("promo", "uno")).then(store.publish("promo", "dana"))
                        .then(save("promo", flow("promo", "dos")))
                        .then(store.published("promo")))
                .assertNext(v -> {
                    assertThat(v.version()).isEqualTo(1);
                    assertThat(greeting(v)).contains("uno");
                })
                .verifyComplete();
        StepVerifier.create(store.publish("promo", "dana").then(store.published("promo")))
                .assertNext(v -> {
                    assertThat(v.version()).isEqualTo(2);
                    assertThat(greeting(v)).contains("dos");
                })
                .verifyComplete();
        StepVerifier.create(store.version("promo", 1)).assertNext(v -> assertThat(greeting(v)).contains("uno")).verifyComplete();
        StepVerifier.create(store.history("promo").map(PublishedVersionInfo::version).collectList())
                .assertNext(versions -> assertThat(versions).containsExactly(2, 1)).verifyComplete();
    }

    @Test
    void anotherInstanceSeesTheSamePublishedVersionWithoutItsOwnCache() {
        StepVerifier.create(save("promo", flow("promo", "uno")).then(store.publish("promo", "dana"))).expectNextCount(1).verifyComplete();
        MongoFlowStore restarted = new MongoFlowStore(template(), CLOCK);
        StepVerifier.create(restarted.published("promo"))
                .assertNext(v -> assertThat(greeting(v)).contains("uno")).verifyComplete();
    }

    @Test
    void anInvalidDraftIsNotPublishedAndThePointerStays() {
        StepVerifier.create(save("promo", flow("promo", "uno")).then(store.publish("promo", "dana"))).expectNextCount(1).verifyComplete();
        String broken = "id: promo\nentry: a\nsteps:\n  a: {type: message, text: hola, next: ghost}\n";
        StepVerifier.create(save("promo", broken).then(store.publish("promo", "dana")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(InvalidFlowException.class,
                        invalid -> assertThat(invalid.problems()).extracting(p -> p.stepId()).contains("a")))
                .verify();
        StepVerifier.create(store.published("promo")).assertNext(v -> assertThat(v.version()).isEqualTo(1)).verifyComplete();
    }

    @Test
    void concurrentPublicationsGetDistinctVersionsAndThePointerTheHighest() {
        StepVerifier.create(save("promo", flow("promo", "uno"))).expectNextCount(1).verifyComplete();
        StepVerifier.create(Flux.merge(store.publish("promo", "a"), store.publish("promo", "b"), store.publish("promo", "c"))
                        .map(PublishedVersionInfo::version).collectList())
                .assertNext(versions -> assertThat(versions).containsExactlyInAnyOrder(1, 2, 3))
                .verifyComplete();
        StepVerifier.create(store.published("promo")).assertNext(v -> assertThat(v.version()).isEqualTo(3)).verifyComplete();
    }

    @Test
    void loadingTheShippedFlowsAgainKeepsEditsAndPublications() {
        String edited = flow("complaint", "editado");
        StepVerifier.create(save("complaint", edited).then(store.publish("complaint", "dana"))).expectNextCount(1).verifyComplete();
        StepVerifier.create(new MongoFlowStore(template(), CLOCK).seedShippedFlows()).verifyComplete();
        StepVerifier.create(store.draft("complaint")).assertNext(d -> {
            assertThat(d.yaml()).isEqualTo(edited);
            assertThat(d.publishedVersion()).isEqualTo(2);
        }).verifyComplete();
    }

    @Test
    void restoringAnOldVersionMakesItTheDraftForARollback() {
        StepVerifier.create(save("promo", flow("promo", "uno")).then(store.publish("promo", "dana"))
                        .then(save("promo", flow("promo", "dos"))).then(store.publish("promo", "dana"))
                        .then(store.restore("promo", 1, "dana")))
                .assertNext(d -> {
                    assertThat(d.yaml()).contains("uno");
                    assertThat(d.unpublishedChanges()).isTrue();
                })
                .verifyComplete();
        StepVerifier.create(store.publish("promo", "dana").then(store.published("promo")))
                .assertNext(v -> {
                    assertThat(v.version()).isEqualTo(3);
                    assertThat(greeting(v)).contains("uno");
                })
                .verifyComplete();
        StepVerifier.create(store.restore("promo", 42, "dana")).verifyComplete();
    }

    @Test
    void publishingAFlowThatDoesNotExistIsEmpty() {
        StepVerifier.create(store.publish("nothing_here", "dana")).verifyComplete();
        StepVerifier.create(store.published("nothing_here")).verifyComplete();
    }

}
