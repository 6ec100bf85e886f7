package dev.cobra.flow.shipped;

import dev.cobra.flow.model.Flow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedFlowsTest {

    @Test
    void everyIndexedFlowIsReadAndParsesUnderItsOwnId() {
        List<ShippedFlow> flows = ShippedFlows.all();
        assertThat(flows).extracting(ShippedFlow::id).contains("early", "verification", "promise_to_pay", "opt_out");
        for (ShippedFlow shipped : flows) {
            Flow flow = shipped.flow();
            assertThat(flow.id()).as("id inside %s.yaml", shipped.id()).isEqualTo(shipped.id());
            assertThat(flow.step(flow.entry())).as("entry of %s", shipped.id()).isPresent();
        }
    }

    @Test
    void stageFlowsRouteEveryGlobalIntentAndCoverAllDaysPastDueWithoutOverlap() {
        List<Flow> stages = ShippedFlows.all().stream().map(ShippedFlow::flow).filter(f -> f.selection() != null).toList();
        assertThat(stages).extracting(Flow::id).containsExactlyInAnyOrder("early", "mid", "late");
        for (Flow stage : stages) {
            assertThat(stage.globalRoutes()).as("global routes of %s", stage.id()).containsEntry("opt_out", "flow:opt_out")
                    .containsEntry("complaint", "flow:complaint").containsEntry("wrong_person", "flow:wrong_person")
                    .containsKey("talk_to_agent");
        }
        for (long days = -60; days <= 400; days++) {
            long day = days;
            assertThat(stages.stream().filter(f -> f.selection().matches(day)).count()).as("stage flows for day %d", day)
                    .isEqualTo(1);
        }
    }

    @Test
    void theEarlyStageFlowIsSelectedUpTo30DaysIncludingBeforeTheDueDate() {
        Flow early = ShippedFlows.all().stream().filter(f -> f.id().equals("early")).findFirst().orElseThrow().flow();
        assertThat(early.selection().matches(-5)).isTrue();
        assertThat(early.selection().matches(30)).isTrue();
        assertThat(early.selection().matches(31)).isFalse();
    }
}
