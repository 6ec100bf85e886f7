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
    void theEarlyStageFlowIsSelectedUpTo30DaysIncludingBeforeTheDueDate() {
        Flow early = ShippedFlows.all().stream().filter(f -> f.id().equals("early")).findFirst().orElseThrow().flow();
        assertThat(early.selection().matches(-5)).isTrue();
        assertThat(early.selection().matches(30)).isTrue();
        assertThat(early.selection().matches(31)).isFalse();
    }
}
