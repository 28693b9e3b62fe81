package io.devopskpi.core.kpi;

import static io.devopskpi.core.testing.Scenario.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.model.Severity;
import io.devopskpi.core.testing.Scenario;
import io.devopskpi.core.testing.TestStores;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * metrics.md, "Severity" (an addition): {@code minSeverity} keeps only incidents of at least that normalised severity
 * in time to detect, time to resolve and availability; change failure rate and time to restore are unchanged.
 */
class SeverityFilterTest {
    private static final double WINDOW = 2_678_400.0; // Jan 1 .. Feb 1 2026 = 31 days

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void incidentSideKpisCountOnlyIncidentsAtOrAboveTheMinimum(TestStores.Kind kind) {
        try (Scenario s = Scenario.on(kind).now("2026-02-10T00:00")) {
            s.assign("shop", "acme", "web", Responsibility.BOTH, "2025-01-01T00:00", null);
            s.success("s1", "shop", "2026-01-14T10:00");
            // detect 600 s, resolve 3,600 s
            incident(s, "i1", "P1", "2026-01-05T10:00", "2026-01-05T10:10", "2026-01-05T11:00", null);
            // detect 1,800 s, resolve 7,200 s
            incident(s, "i2", "high", "2026-01-10T10:00", "2026-01-10T10:30", "2026-01-10T12:00", null);
            // detect 3,600 s, resolve 14,400 s; names s1 as its cause: s1 is a failed change
            incident(s, "i3", "warning", "2026-01-15T10:00", "2026-01-15T11:00", "2026-01-15T14:00", "s1");
            // no severity (unknown): detect 7,200 s, resolve 86,400 s
            incident(s, "i4", null, "2026-01-20T10:00", "2026-01-20T12:00", "2026-01-21T10:00", null);
            KpiService kpis = s.service();
            KpiQuery all = new KpiQuery(Scope.application("shop"), Scenario.PRODUCTION, t("2026-01-01T00:00"),
                    t("2026-02-01T00:00"), ZoneOffset.UTC);

            KpiReport none = kpis.report(all);
            // all four: detect (600 + 1,800 + 3,600 + 7,200) / 4 = 3,300; resolve (3,600 + 7,200 + 14,400 + 86,400)
            // / 4 = 27,900; down 111,600 s
            check(none, 4, 3_300.0, 27_900.0, 111_600.0);
            // critical: i1 only
            check(kpis.report(all.withMinSeverity(Severity.CRITICAL)), 1, 600.0, 3_600.0, 3_600.0);
            // major: i1, i2: detect 2,400 / 2 = 1,200; resolve 10,800 / 2 = 5,400; down 10,800
            check(kpis.report(all.withMinSeverity(Severity.MAJOR)), 2, 1_200.0, 5_400.0, 10_800.0);
            // minor: i1, i2, i3 (not the unknown i4): detect 6,000 / 3 = 2,000; resolve 25,200 / 3 = 8,400
            KpiReport minor = kpis.report(all.withMinSeverity(Severity.MINOR));
            check(minor, 3, 2_000.0, 8_400.0, 25_200.0);

            // delivery KPIs ignore the filter: s1 failed through i3 (a minor incident) under every minimum
            for (Severity minimum : new Severity[] {Severity.CRITICAL, Severity.MAJOR, Severity.MINOR}) {
                KpiReport filtered = kpis.report(all.withMinSeverity(minimum));
                assertThat(filtered.changeFailureRate()).isEqualTo(none.changeFailureRate());
                assertThat(filtered.timeToRestore()).isEqualTo(none.timeToRestore());
                assertThat(filtered.deploymentFrequency()).isEqualTo(none.deploymentFrequency());
            }
            assertThat(none.changeFailureRate().failed()).isEqualTo(1);
            // and without a minimum, the report is the one of a query that never had one
            assertThat(kpis.report(all.withMinSeverity(null))).isEqualTo(none);
        }
    }

    private static void check(KpiReport r, int incidents, double detectMean, double resolveMean, double down) {
        assertThat(r.timeToDetect().count()).isEqualTo(incidents);
        assertThat(r.timeToDetect().meanSeconds()).isCloseTo(detectMean, within(1e-9));
        assertThat(r.timeToResolve().count()).isEqualTo(incidents);
        assertThat(r.timeToResolve().meanSeconds()).isCloseTo(resolveMean, within(1e-9));
        assertThat(r.availability().downtimeSeconds()).isCloseTo(down, within(1e-9));
        assertThat(r.availability().ratio()).isCloseTo(1 - down / WINDOW, within(1e-12));
    }

    private static void incident(Scenario s, String id, String severity, String started, String detected,
            String resolved, String cause) {
        s.event(new Incident(id, "shop", Scenario.PRODUCTION, t(started), t(detected), t(resolved), severity, cause,
                null, null));
    }
}
