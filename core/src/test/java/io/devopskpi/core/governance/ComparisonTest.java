package io.devopskpi.core.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.kpi.Band;
import io.devopskpi.core.kpi.ComponentReport;
import io.devopskpi.core.kpi.KpiFigures;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiReport;
import io.devopskpi.core.kpi.Satisfaction;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.kpi.WilsonInterval;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.testing.Scenario;
import io.devopskpi.core.testing.TestStores;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ComparisonTest {
    private static final KpiQuery Q1 = new KpiQuery(Scope.all(), "production",
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC);

    /** A supplier with {@code failed} of {@code total} change attempts failed, nothing else. */
    private static SupplierComparison.Entry supplier(String name, int failed, int total) {
        KpiReport.Interval ci = WilsonInterval.of(failed, total);
        KpiReport report = new KpiReport(Q1, new KpiReport.DeploymentFrequency(total, 0, 0, 0, 0, Band.LOW),
                new KpiReport.LeadTime(0, 0, null, null, null, null),
                new KpiReport.ChangeFailureRate(failed, total, (double) failed / total, ci, Band.LOW),
                new KpiReport.ChangeSuccessRate(1 - (double) failed / total, WilsonInterval.complement(ci)),
                new KpiReport.TimeToRestore(0, 0, null, null, null, null, List.of()),
                new KpiReport.TimeToDetect(0, null, null), KpiReport.TimeToResolve.NONE, new KpiReport.ReworkRate(0, 0, null),
                new KpiReport.Availability(null, 0, 0, null));
        return new SupplierComparison.Entry(name, new KpiFigures(report, Satisfaction.NONE,
                new ComponentReport(Q1, List.of(), null, 0), List.of("app")));
    }

    @Test
    void intervalsThatDoNotOverlapAreSignificant() {
        // z = 1.959964, z² = 3.841459. 0 of 20: centre = (0 + z²/40) ÷ (1 + z²/20) = 0.0960365 ÷ 1.1920729
        // = 0.0805626, half = z·√(z²/1600) ÷ 1.1920729 = 1.959964 × 0.0489991 ÷ 1.1920729 = 0.0805626
        // → [0, 0.161125]. 10 of 20: centre 0.5, half = z·√(0.25/20 + z²/1600) ÷ 1.1920729
        // = 1.959964 × 0.1220693 ÷ 1.1920729 = 0.200702 → [0.299298, 0.700702]. 0.161125 < 0.299298: apart.
        SupplierComparison.Entry acme = supplier("acme", 0, 20);
        SupplierComparison.Entry globex = supplier("globex", 10, 20);
        assertThat(acme.figures().report().changeFailureRate().ci95().upper()).isCloseTo(0.161125, within(1e-6));
        assertThat(globex.figures().report().changeFailureRate().ci95().lower()).isCloseTo(0.299298, within(1e-6));
        SupplierComparison.Difference difference = ComparisonService.difference(GateMetric.CHANGE_FAILURE_RATE,
                acme, globex);
        assertThat(difference.significant()).isTrue();
        assertThat(difference.reason()).isEqualTo("95 % intervals do not overlap");
        // the success rate's intervals are the complements: just as far apart
        assertThat(ComparisonService.difference(GateMetric.CHANGE_SUCCESS_RATE, acme, globex).significant())
                .isTrue();
    }

    @Test
    void intervalsThatOverlapAreNotSignificantAndNoDataIsSaidSo() {
        // 1 of 10: centre = (0.1 + z²/20) ÷ (1 + z²/10) = 0.2920729 ÷ 1.3841459 = 0.211013, half = z·√(0.009 +
        // z²/400) ÷ 1.3841459 = 1.959964 × 0.1363952 ÷ 1.3841459 = 0.193137 → [0.017876, 0.404150]
        // 3 of 10: centre = 0.4920729 ÷ 1.3841459 = 0.355507, half = z·√(0.021 + z²/400) ÷ 1.3841459
        // = 1.959964 × 0.1749390 ÷ 1.3841459 = 0.247715 → [0.107791, 0.603222]: they overlap
        SupplierComparison.Entry a = supplier("a", 1, 10);
        SupplierComparison.Entry b = supplier("b", 3, 10);
        assertThat(a.figures().report().changeFailureRate().ci95().upper()).isCloseTo(0.404150, within(1e-5));
        assertThat(b.figures().report().changeFailureRate().ci95().lower()).isCloseTo(0.107791, within(1e-5));
        SupplierComparison.Difference difference = ComparisonService.difference(GateMetric.CHANGE_FAILURE_RATE,
                a, b);
        assertThat(difference.significant()).isFalse();
        assertThat(difference.reason()).isEqualTo("95 % intervals overlap");
        // no rework samples on either side: no interval, never "significant"
        assertThat(ComparisonService.difference(GateMetric.REWORK_RATE, a, b))
                .extracting(SupplierComparison.Difference::significant, SupplierComparison.Difference::reason)
                .containsExactly(false, "no data for a");
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void comparesLikeForLikeByTagAndResponsibility(TestStores.Kind kind) {
        try (Scenario s = GovernanceScenario.build(kind)) {
            ComparisonService service = new ComparisonService(s.store(), s.service());
            SupplierComparison all = service.compare(Q1, null, null);
            assertThat(all.suppliers()).extracting(SupplierComparison.Entry::supplier)
                    .containsExactly("acme", "globex", "northwind", "unassigned");
            // 4 suppliers → 6 pairs × 3 rates
            assertThat(all.differences()).hasSize(18);
            // acme 1/4 vs globex 1/3: the intervals overlap widely
            assertThat(all.differences().get(0)).extracting(SupplierComparison.Difference::metric,
                    SupplierComparison.Difference::a, SupplierComparison.Difference::b,
                    SupplierComparison.Difference::significant)
                    .containsExactly(GateMetric.CHANGE_FAILURE_RATE, "acme", "globex", false);

            // web applications only (shop): acme s1, s2, s3 → 1 of 3 failed; globex s4, s5 → 1 of 2; no b1, b2
            SupplierComparison web = service.compare(Q1, null, "web");
            SupplierComparison.Entry acme = web.suppliers().get(0);
            assertThat(acme.figures().applications()).containsExactly("shop");
            assertThat(acme.figures().report().changeFailureRate().total()).isEqualTo(3);
            assertThat(web.suppliers().get(1).figures().report().changeFailureRate().total()).isEqualTo(2);
            assertThat(web.suppliers()).extracting(SupplierComparison.Entry::supplier)
                    .doesNotContain("unassigned");

            // what they ran: northwind ran shop only; no deployment rates are compared
            SupplierComparison operations = service.compare(Q1, Responsibility.OPERATIONS, null);
            // acme runs billing (BOTH); globex ran nothing, so it is not compared here; legacy has no operations
            // assignment, so unassigned operated it (metrics.md, availability)
            assertThat(operations.suppliers()).extracting(SupplierComparison.Entry::supplier)
                    .containsExactly("acme", "northwind", "unassigned");
            SupplierComparison.Entry northwind = operations.suppliers().stream()
                    .filter(e -> e.supplier().equals("northwind")).findFirst().orElseThrow();
            assertThat(northwind.figures().applications()).containsExactly("shop");
            assertThat(northwind.figures().report().availability().ratio()).isEqualTo(1 - 7_200.0 / 7_776_000);
            assertThat(operations.differences()).isEmpty();
        }
    }
}
