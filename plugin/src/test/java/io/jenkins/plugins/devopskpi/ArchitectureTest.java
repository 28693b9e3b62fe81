package io.jenkins.plugins.devopskpi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Architecture rules: core stays CI-agnostic; one facade talks to Jenkins.get(); decision classes stay plain. */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.devopskpi.core");
    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.devopskpi");

    @Test
    void coreKnowsNothingOfJenkinsOrHttp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke..",
                "org.jenkinsci..", "jakarta.servlet..", "io.javalin..").check(CORE);
    }

    @Test
    void onlyTheFacadeCallsJenkinsGet() {
        noClasses().that().doNotHaveFullyQualifiedName(JenkinsFacade.class.getName())
                .should().callMethod("jenkins.model.Jenkins", "get")
                .orShould().callMethod("jenkins.model.Jenkins", "getInstanceOrNull")
                .check(PLUGIN);
    }

    @Test
    void decisionClassesAreTestableWithoutJenkins() {
        noClasses().that().resideInAnyPackage("..devopskpi.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..")
                .check(PLUGIN);
    }

    @Test
    void whoMayReadWhatIsDecidedWithoutJenkinsOrStapler() {
        noClasses().that().haveNameMatching(".*\\.ui\\.(KpiRoutes|ReadPermission|KpiReader)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..",
                        "org.kohsuke..", "jakarta.servlet..")
                .check(PLUGIN);
    }
}
