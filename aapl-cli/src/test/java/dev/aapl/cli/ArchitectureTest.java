package dev.aapl.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of the hexagon: the core and the features import nothing but the JDK and
 * what is inside; an out-adapter depends on the core (and the model adapter on the features),
 * never on another adapter; only the command line, the composition root, sees everything.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.aapl");
    }

    @Test
    void coreDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("dev.aapl.core..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.aapl.core..")
                .check(classes);
    }

    @Test
    void featuresDependOnNothingButTheJdkAndTheCore() {
        classes().that().resideInAPackage("dev.aapl.features..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.aapl.core..", "dev.aapl.features..")
                .check(classes);
    }

    @Test
    void modelAdapterReachesNoOtherAdapter() {
        noClasses().that().resideInAPackage("dev.aapl.model..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.aapl.data..", "dev.aapl.tracking..", "dev.aapl.cli..")
                .check(classes);
    }

    @Test
    void dataAdapterReachesNoOtherAdapter() {
        noClasses().that().resideInAPackage("dev.aapl.data..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.aapl.model..", "dev.aapl.features..",
                        "dev.aapl.tracking..", "dev.aapl.cli..")
                .check(classes);
    }

    @Test
    void trackingAdapterReachesNoOtherAdapter() {
        noClasses().that().resideInAPackage("dev.aapl.tracking..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.aapl.model..", "dev.aapl.features..",
                        "dev.aapl.data..", "dev.aapl.cli..")
                .check(classes);
    }

    @Test
    void coreAndFeaturesImportNoFramework() {
        noClasses().that().resideInAnyPackage("dev.aapl.core..", "dev.aapl.features..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.tribuo..", "io.javalin..", "picocli..",
                        "com.fasterxml..", "com.mongodb..", "org.bson..", "org.slf4j..",
                        "org.apache..", "org.jfree..")
                .check(classes);
    }
}
