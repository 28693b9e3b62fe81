package io.devopskpi.core.governance;

import static io.devopskpi.core.testing.Scenario.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.InvalidEventException;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.model.ReviewPeriod;
import io.devopskpi.core.model.Severity;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.testing.Scenario;
import io.devopskpi.core.testing.TestStores;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A contract target may name a minimum severity (metrics.md, "Severity"): its incident-side KPIs then count only
 * incidents of at least that normalised severity, like the KPIs' {@code minSeverity} filter; a target without one
 * counts every incident, as before.
 */
class ContractTargetSeverityTest {
    private static final double LIMIT = 10_000.0;

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void theSameDataMissesATargetOverAllIncidentsAndMeetsOneOverMajorOnes(TestStores.Kind kind) {
        try (Scenario s = Scenario.on(kind).now("2026-02-10T00:00")) {
            s.assign("shop", "acme", "web", Responsibility.BOTH, "2025-01-01T00:00", null);
            // resolve 3,600 s (critical), 7,200 s (major), 14,400 s (minor), 86,400 s (unknown)
            incident(s, "i1", "P1", "2026-01-05T10:00", "2026-01-05T11:00");
            incident(s, "i2", "high", "2026-01-10T10:00", "2026-01-10T12:00");
            incident(s, "i3", "warning", "2026-01-15T10:00", "2026-01-15T14:00");
            incident(s, "i4", null, "2026-01-20T10:00", "2026-01-21T10:00");
            // two targets of the same promise, time to resolve (mean) ≤ 10,000 s: one over every incident (the
            // supplier's applications), one over major and critical ones (shop named, so its key differs)
            s.event(target(null, null)).event(target(List.of("shop"), Severity.MAJOR)).service();

            List<ContractTarget> stored = new EventReader(s.store()).targets("acme");
            assertThat(stored).extracting(ContractTarget::minSeverity).containsExactly(null, Severity.MAJOR);

            ContractTargets targets = new ContractTargets(s.store(), s.service());
            KpiQuery january = new KpiQuery(Scope.supplier("acme"), Scenario.PRODUCTION, t("2026-01-01T00:00"),
                    t("2026-02-01T00:00"), ZoneOffset.UTC);
            List<TargetVerdict> verdicts = targets.verdicts("acme", january);
            // every incident: (3,600 + 7,200 + 14,400 + 86,400) / 4 = 27,900 > 10,000 → missed
            assertThat(verdicts.get(0).actual().value()).isEqualTo(27_900.0);
            assertThat(verdicts.get(0).verdict()).isEqualTo(ContractVerdict.MISSED);
            // major and critical: (3,600 + 7,200) / 2 = 5,400 ≤ 10,000 → met
            assertThat(verdicts.get(1).actual().value()).isEqualTo(5_400.0);
            assertThat(verdicts.get(1).verdict()).isEqualTo(ContractVerdict.MET);

            // a reader's own filter applies too, the stricter of both counting: critical → i1 alone, 3,600
            List<TargetVerdict> critical = targets.verdicts("acme", january.withMinSeverity(Severity.CRITICAL));
            assertThat(critical).extracting(v -> v.actual().value()).containsExactly(3_600.0, 3_600.0);
            // a reader's minor filter is weaker than the target's major: (3,600 + 7,200) / 2 = 5,400 again, while
            // the target over all incidents counts i1..i3: (3,600 + 7,200 + 14,400) / 3 = 8,400 → met
            List<TargetVerdict> minor = targets.verdicts("acme", january.withMinSeverity(Severity.MINOR));
            assertThat(minor).extracting(v -> v.actual().value()).containsExactly(8_400.0, 5_400.0);

            // the scorecard's lines judge the same way
            Scorecard card = new ScorecardService(s.store(), s.service(), Clock.fixed(s.now(), ZoneOffset.UTC))
                    .scorecard("acme", ReviewWindow.parse("2026-01", ZoneOffset.UTC), Scenario.PRODUCTION,
                            ZoneOffset.UTC);
            List<Scorecard.Line> lines = card.kpis().stream()
                    .filter(l -> l.metric() == GateMetric.TIME_TO_RESOLVE_MEAN && l.target() != null).toList();
            assertThat(lines).extracting(l -> l.value().value()).containsExactly(27_900.0, 5_400.0);
            assertThat(lines).extracting(Scorecard.Line::verdict)
                    .containsExactly(ContractVerdict.MISSED, ContractVerdict.MET);
            // and the headline, which no target narrows, still counts every incident
            assertThat(card.delivery().report().timeToResolve().meanSeconds()).isEqualTo(27_900.0);
        }
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void reSendingATargetChangesItsMinimumSeverity(TestStores.Kind kind) {
        try (Scenario s = Scenario.on(kind).now("2026-02-10T00:00")) {
            s.event(target(null, Severity.CRITICAL)).service();
            assertThat(new EventReader(s.store()).targets("acme")).extracting(ContractTarget::minSeverity)
                    .containsExactly(Severity.CRITICAL);
            s.event(target(null, null)).service();
            assertThat(new EventReader(s.store()).targets("acme")).extracting(ContractTarget::minSeverity)
                    .containsExactly((Severity) null);
        }
    }

    @Test
    void unknownIsNoMinimum() {
        assertThatThrownBy(() -> target(null, Severity.UNKNOWN)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("minSeverity");
    }

    private static ContractTarget target(List<String> applications, Severity minSeverity) {
        return new ContractTarget("acme", applications, GateMetric.TIME_TO_RESOLVE_MEAN, Operator.AT_MOST, LIMIT, 1,
                ReviewPeriod.MONTH, t("2026-01-01T00:00"), null, minSeverity);
    }

    private static void incident(Scenario s, String id, String severity, String started, String resolved) {
        s.event(new Incident(id, "shop", Scenario.PRODUCTION, t(started), t(started), t(resolved), severity, null,
                null, null));
    }
}
