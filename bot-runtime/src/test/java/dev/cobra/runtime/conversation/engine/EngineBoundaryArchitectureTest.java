package dev.cobra.runtime.conversation.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Spring Statemachine stays behind our {@link FlowEngine}: only the engine package may use it (docs/architecture.md). */
class EngineBoundaryArchitectureTest {

    @Test
    void onlyTheEnginePackageUsesSpringStatemachine() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cobra");
        noClasses().that().resideOutsideOfPackage("dev.cobra.runtime.conversation.engine..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.statemachine..")
                .check(classes);
    }
}
