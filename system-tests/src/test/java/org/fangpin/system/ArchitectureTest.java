package org.fangpin.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Services own their code: they share only {@code contracts} and {@code platform}; controllers only hand work on. */
class ArchitectureTest {

    private static final List<String> SERVICES =
            List.of("identification", "monitoring", "assistance", "timeline", "gateway");
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fangpin");

    @ParameterizedTest
    @ValueSource(strings = {"identification", "monitoring", "assistance", "timeline", "gateway"})
    void aServiceDependsOnNoOtherService(String service) {
        String[] others = SERVICES.stream().filter(other -> !other.equals(service))
                .map(other -> "org.fangpin." + other + "..").toArray(String[]::new);

        noClasses().that().resideInAPackage("org.fangpin." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .check(CLASSES);
    }

    @Test
    void thePlatformKnowsNoService() {
        noClasses().that().resideInAPackage("org.fangpin.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(servicePackages())
                .check(CLASSES);
    }

    @Test
    void theContractsDependOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("org.fangpin.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        concat(servicePackages(), "org.fangpin.platform..", "org.fangpin.testsupport.."))
                .check(CLASSES);
    }

    /** A controller hands work on: units of work and transactions are opened where the work is done, not in web/. */
    @Test
    void noControllerPackageOpensAUnitOfWorkOrATransaction() {
        noClasses().that().resideInAPackage("org.fangpin..web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.messaging.unitofwork..",
                        "org.axonframework.common.transaction..", "org.springframework.transaction..")
                .check(CLASSES);
    }

    private static String[] servicePackages() {
        return SERVICES.stream().map(service -> "org.fangpin." + service + "..").toArray(String[]::new);
    }

    private static String[] concat(String[] packages, String... more) {
        String[] all = new String[packages.length + more.length];
        System.arraycopy(packages, 0, all, 0, packages.length);
        System.arraycopy(more, 0, all, packages.length, more.length);
        return all;
    }
}
