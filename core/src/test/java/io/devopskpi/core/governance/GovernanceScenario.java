package io.devopskpi.core.governance;

import static io.devopskpi.core.testing.Scenario.t;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.model.ApplicationProfile;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.model.ReviewPeriod;
import io.devopskpi.core.model.Survey;
import io.devopskpi.core.testing.Scenario;
import io.devopskpi.core.testing.TestStores;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The supplier landscape the governance tests judge, 2026-Q1 = [Jan 1, Apr 1) = 90 days = 7,776,000 s, and the
 * start of Q2; the query time is 2026-05-01. Every deployment finishes at 10:00 and runs ten minutes.
 * <ul>
 * <li>shop: DELIVERY acme until Feb 15, then globex (a switch in the middle of the quarter); OPERATIONS
 * northwind throughout; tag web. Deployments s1 Jan 10, s2 Feb 1 FAILURE, s3 Feb 2 (acme); s4 Mar 1, s5 Mar 10
 * (globex). Incident INC-1 started Mar 2 00:00, detected 00:30, resolved 02:00, cause s4.</li>
 * <li>billing: BOTH acme; tag back-office. b1 Jan 20 (acme); b2 Feb 20 sent with supplier globex (the override
 * wins); Q2: b3 Apr 10 FAILURE, b4 Apr 11.</li>
 * <li>legacy: no assignment; l1 Mar 5: unassigned.</li>
 * </ul>
 * So in Q1: acme delivered s1, s2, s3, b1: 4 attempts, 1 failed (s2, FAILURE) → change failure rate 0.25, success
 * 0.75; s2 is restored by s3 a day later, by acme (no linking incident) → time to restore 86,400 s. globex
 * delivered s4, s5, b2: 3 attempts, 1 failed (s4, named by INC-1) → 1/3. northwind ran shop: INC-1 restores s4
 * after 2 h (the incident's resolution comes before s5) → 7,200 s; detect 1,800 s; downtime 7,200 s.
 * <p>Targets of acme: changeSuccessRate ≥ 0.75 (min 4, quarterly, from Jan 1); timeToRestoreMean ≤ 1 d until
 * Feb 10, renegotiated to ≤ 12 h from Feb 10; stakeholderSatisfaction ≥ 4 (min 10). Survey: acme, Q1, 4.5 from
 * 6 respondents.
 */
final class GovernanceScenario {
    static final String NOW = "2026-05-01T00:00";

    private GovernanceScenario() {
    }

    static Scenario build(TestStores.Kind kind) {
        Scenario s = Scenario.on(kind).now(NOW);
        s.assign("shop", "acme", "storefront", Responsibility.DELIVERY, "2025-01-01T00:00", "2026-02-15T00:00")
                .assign("shop", "globex", "storefront", Responsibility.DELIVERY, "2026-02-15T00:00", null)
                .assign("shop", "northwind", "ops", Responsibility.OPERATIONS, "2025-01-01T00:00", null)
                .assign("billing", "acme", "finance", Responsibility.BOTH, "2025-01-01T00:00", null);
        s.success("s1", "shop", "2026-01-10T10:00")
                .failure("s2", "shop", "2026-02-01T10:00")
                .success("s3", "shop", "2026-02-02T10:00")
                .success("s4", "shop", "2026-03-01T10:00")
                .success("s5", "shop", "2026-03-10T10:00")
                .incident("INC-1", "shop", "2026-03-02T00:00", "2026-03-02T00:30", "2026-03-02T02:00", "s4")
                .success("b1", "billing", "2026-01-20T10:00")
                .deploy("b2", "billing", "2026-02-20T10:00", io.devopskpi.core.model.DeploymentResult.SUCCESS,
                        b -> b.supplier("globex"))
                .failure("b3", "billing", "2026-04-10T10:00")
                .success("b4", "billing", "2026-04-11T10:00")
                .success("l1", "legacy", "2026-03-05T10:00");
        s.event(new ApplicationProfile("shop", List.of("web", "customer-facing")))
                .event(new ApplicationProfile("billing", List.of("back-office")));
        s.event(target("acme", GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST, 0.75, 4, "2026-01-01T00:00", null))
                .event(target("acme", GateMetric.TIME_TO_RESTORE_MEAN, Operator.AT_MOST, 86_400, 1,
                        "2026-01-01T00:00", "2026-02-10T00:00"))
                .event(target("acme", GateMetric.TIME_TO_RESTORE_MEAN, Operator.AT_MOST, 43_200, 1,
                        "2026-02-10T00:00", null))
                .event(target("acme", GateMetric.STAKEHOLDER_SATISFACTION, Operator.AT_LEAST, 4, 10,
                        "2026-01-01T00:00", null))
                .event(new Survey("2026-Q1-acme", "acme", null, t("2026-01-01T00:00"), t("2026-04-01T00:00"), 4.5,
                        6, null));
        return s;
    }

    static ContractTarget target(String supplier, GateMetric metric, Operator operator, double value,
            int minSamples, String from, String to) {
        return new ContractTarget(supplier, null, metric, operator, value, minSamples, ReviewPeriod.QUARTER,
                t(from), t(to));
    }

    static ScorecardService scorecards(Scenario s) {
        KpiService kpis = s.service();
        return new ScorecardService(s.store(), kpis, Clock.fixed(s.now(), ZoneOffset.UTC));
    }

    static ReviewWindow quarter(String label) {
        return ReviewWindow.parse(label, ZoneOffset.UTC);
    }
}
