package io.devopskpi.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * issue 11: core's packages form no cycle, and the engine (events, store, KPIs, gates, governance) knows nothing of
 * the web layer that writes its answers (read API, JSON, dashboard files, summaries, exports) nor of the facade the
 * plugin uses (embedded store, event queue). Moving the two sides into separate Maven modules is the next step.
 */
class PackageCyclesTest {
    /** core's and web's production classes: neither module's tests nor core's test jar (its fixtures). */
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
            .importPackages("io.devopskpi.core");

    /** The engine's packages. */
    private static final String[] ENGINE = {"io.devopskpi.core.model..", "io.devopskpi.core.metric..",
            "io.devopskpi.core.text..", "io.devopskpi.core.store..", "io.devopskpi.core.kpi..",
            "io.devopskpi.core.gate..", "io.devopskpi.core.governance..", "io.devopskpi.core.query..",
            "io.devopskpi.core.ingest..", "io.devopskpi.core.mapping..", "io.devopskpi.core.changes.."};
    /** What writes the engine's answers for HTTP and pages, and the plugin's facade with its event queue. */
    private static final String[] WEB_AND_FACADE = {"io.devopskpi.core.api..", "io.devopskpi.core.json..",
            "io.devopskpi.core.dashboard..", "io.devopskpi.core.summary..", "io.devopskpi.core.export..",
            "io.devopskpi.core.embedded..", "io.devopskpi.core.outbox.."};

    @Test
    void corePackagesFormNoCycle() {
        slices().matching("io.devopskpi.core.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void theEngineKnowsNothingOfTheWebLayer() {
        noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage(WEB_AND_FACADE)
                .check(CORE);
    }
}
