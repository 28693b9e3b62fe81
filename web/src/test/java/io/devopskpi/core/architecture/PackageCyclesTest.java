package io.devopskpi.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import javax.sql.DataSource;
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
            "io.devopskpi.core.ingest..", "io.devopskpi.core.mapping..", "io.devopskpi.core.changes..",
            "io.devopskpi.core.attribution.."};
    /** What writes the engine's answers for HTTP and pages, and the plugin's facade with its event queue. */
    private static final String[] WEB_AND_FACADE = {"io.devopskpi.core.api..", "io.devopskpi.core.json..",
            "io.devopskpi.core.dashboard..", "io.devopskpi.core.summary..", "io.devopskpi.core.export..",
            "io.devopskpi.core.embedded..", "io.devopskpi.core.outbox..", "io.devopskpi.core.remote.."};

    @Test
    void corePackagesFormNoCycle() {
        slices().matching("io.devopskpi.core.(*)..").should().beFreeOfCycles().check(CORE);
    }

    /**
     * The store's connections stay in the store package: the engine reads through {@code StoreRead} (one snapshot,
     * SQL text and {@code SqlArgs}), the server's settings through {@code ServerSettings}; nothing else holds a
     * {@code java.sql.Connection} or a {@code DataSource}.
     */
    @Test
    void onlyTheStoreHoldsConnections() {
        noClasses().that().resideOutsideOfPackage("io.devopskpi.core.store..")
                .should().dependOnClassesThat().areAssignableTo(Connection.class)
                .orShould().dependOnClassesThat().areAssignableTo(DataSource.class)
                .check(CORE);
    }

    /**
     * The attribution rule (metrics.md) is written once, in {@code attribution.AttributionSql}: no other class
     * spells the {@code unassigned} fallback or the assignment join in its SQL.
     */
    @Test
    void theAttributionRuleIsSpelledOnce() {
        classes().that().resideOutsideOfPackage("io.devopskpi.core.attribution..")
                .should(leaveTheAttributionJoinToAttributionSql())
                .check(CORE);
    }

    private static ArchCondition<JavaClass> leaveTheAttributionJoinToAttributionSql() {
        return new ArchCondition<>("not spell the attribution join or its 'unassigned' fallback in SQL") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String text = classFile(item);
                for (String spelling : new String[] {"'unassigned')", "LEFT JOIN assignment"}) {
                    if (text.contains(spelling)) {
                        events.add(SimpleConditionEvent.violated(item, item.getName() + " spells " + spelling));
                    }
                }
            }
        };
    }

    /** The class file as text: its string constants (and SQL concatenation recipes) stand in it as written. */
    private static String classFile(JavaClass item) {
        URI uri = item.getSource().orElseThrow().getUri();
        try (InputStream in = uri.toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + uri, e);
        }
    }

    @Test
    void theEngineKnowsNothingOfTheWebLayer() {
        noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage(WEB_AND_FACADE)
                .check(CORE);
    }
}
