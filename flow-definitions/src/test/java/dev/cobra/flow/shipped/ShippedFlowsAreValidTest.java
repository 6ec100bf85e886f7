package dev.cobra.flow.shipped;

import dev.cobra.flow.validate.FlowProblem;
import dev.cobra.flow.validate.FlowValidator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedFlowsAreValidTest {

    @TestFactory
    Stream<DynamicTest> everyShippedFlowPassesTheValidator() {
        List<ShippedFlow> flows = ShippedFlows.all();
        Set<String> ids = flows.stream().map(ShippedFlow::id).collect(Collectors.toSet());
        FlowValidator validator = new FlowValidator();
        return flows.stream().map(shipped -> DynamicTest.dynamicTest(shipped.id(), () -> {
            List<FlowProblem> problems = validator.validate(shipped.flow(), ids);
            assertThat(problems).as("problems of %s", shipped.id()).isEmpty();
        }));
    }
}
