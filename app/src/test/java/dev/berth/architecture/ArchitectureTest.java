package dev.berth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps engine-facing logic free of UI code, and docker-java behind the one facade. */
@AnalyzeClasses(packages = "dev.berth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Packages that must be testable without a window. */
    static final String[] LOGIC = {"dev.berth.engine..", "dev.berth.compose..", "dev.berth.layers..",
            "dev.berth.logs..", "dev.berth.stats..", "dev.berth.hub.."};

    @ArchTest
    static final ArchRule logicImportsNoJavaFx = noClasses().that().resideInAnyPackage(LOGIC)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("engine, compose and layer logic must run and be tested without a window");

    @ArchTest
    static final ArchRule onlyTheEngineFacadeTalksToDockerJava = noClasses().that()
            .resideOutsideOfPackage("dev.berth.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..")
            .because("the Engine facade is the one door to the engine");

}
