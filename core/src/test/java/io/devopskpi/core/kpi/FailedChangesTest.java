package io.devopskpi.core.kpi;

import static io.devopskpi.core.testing.Scenario.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.testing.Scenario;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The list of failed changes behind the change failure rate, with why each failed and its restore. */
class FailedChangesTest {
    private final Scenario s = Scenario.h2().now("2026-02-10T00:00");

    @AfterEach
    void closeStore() {
        s.close();
    }

    private List<FailedChangeView> failed(Scope scope) {
        return s.service().failedChanges(new KpiQuery(scope, Scenario.PRODUCTION, t("2026-01-01T00:00"),
                t("2026-02-01T00:00"), ZoneOffset.UTC));
    }

    @Test
    void listsEveryFailedChangeWithItsReasonsInDeploymentOrder() {
        s.assign("shop", "acme", "web", Responsibility.DELIVERY, "2025-01-01T00:00", null);
        s.assign("shop", "northwind", "ops", Responsibility.OPERATIONS, "2025-01-01T00:00", null);
        s.failure("f1", "shop", "2026-01-05T10:00");                      // rule 1, and rule 4 (next is a rollback)
        s.rollback("r1", "shop", "2026-01-05T10:30", DeploymentResult.SUCCESS);
        s.success("s1", "shop", "2026-01-06T10:00");                      // rule 3: incident 2 h later
        s.incident("i1", "shop", "2026-01-06T12:00", null, "2026-01-06T13:00", null);
        s.success("s2", "shop", "2026-01-07T10:00");                      // rule 2, still open
        s.incident("i2", "shop", "2026-01-20T08:00", null, null, "s2");
        s.success("other", "search", "2026-01-08T10:00");                 // another application, not failed

        List<FailedChangeView> failed = failed(Scope.application("shop"));

        assertThat(failed).extracting(FailedChangeView::deployment).containsExactly("f1", "s1", "s2");
        assertThat(failed.get(0).reasons()).containsExactly(FailureReason.FAILED_RESULT,
                FailureReason.FOLLOWED_BY_REMEDIATION);
        // f1: no incident links it, so it fails at its finish (10:00) and the rollback restores it at 10:30
        assertThat(failed.get(0).failureStart()).isEqualTo(t("2026-01-05T10:00"));
        assertThat(failed.get(0).restoreSeconds()).isEqualTo(1_800.0);
        assertThat(failed.get(0).restoreSupplier()).isEqualTo("acme");
        // s1: linked by time; failure start = i1.started 12:00; restore = min(next SUCCESS s2 at 01-07 10:00,
        // i1.resolved 01-06 13:00) = 13:00 → 3,600 s, owned by s1's delivery supplier (metrics.md), not by
        // northwind, who operates shop
        assertThat(failed.get(1).reasons()).containsExactly(FailureReason.INCIDENT_WITHIN_HORIZON);
        assertThat(failed.get(1).linkingIncident()).isEqualTo("i1");
        assertThat(failed.get(1).restoreSeconds()).isEqualTo(3_600.0);
        assertThat(failed.get(1).deliverySupplier()).isEqualTo("acme");
        assertThat(failed.get(1).restoreSupplier()).isEqualTo("acme");
        // s2: named by i2, unresolved and no later SUCCESS → open
        assertThat(failed.get(2).reasons()).containsExactly(FailureReason.NAMED_AS_CAUSE);
        assertThat(failed.get(2).restored()).isNull();
        assertThat(failed.get(2).restoreSeconds()).isNull();
    }

    @Test
    void aSupplierSeesTheFailedChangesItDelivered() {
        s.assign("shop", "acme", null, Responsibility.BOTH, "2025-01-01T00:00", null);
        s.failure("f1", "shop", "2026-01-05T10:00");
        s.failure("g1", "search", "2026-01-05T11:00");  // unassigned

        assertThat(failed(Scope.supplier("acme"))).extracting(FailedChangeView::deployment).containsExactly("f1");
        assertThat(failed(Scope.supplier("unassigned"))).extracting(FailedChangeView::deployment)
                .containsExactly("g1");
    }
}
