package dev.cobra.runtime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The runtime's top-level packages form no cycles (docs/architecture.md, "Packages"): channel adapters depend on the
 * conversation side (whose channel-neutral messages live in {@code conversation.message}), the simulator on the
 * engine and the flow store, collection operations on payments (which announce payments through
 * {@code PaymentObligations}), and so on, never back.
 */
class PackageCyclesArchitectureTest {

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cobra.runtime");
        slices().matching("dev.cobra.runtime.(*)..").should().beFreeOfCycles().check(classes);
    }
}
