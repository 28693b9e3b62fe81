package io.devopskpi.core.kpi;

import static io.devopskpi.core.testing.Scenario.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.testing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** metrics.md "Availability". The window Jan 1 .. Jan 31 2026 is 30 days = 2,592,000 s. */
class AvailabilityTest {
    private static final String FROM = "2026-01-01T00:00";
    private static final String TO = "2026-01-31T00:00";
    private static final double WINDOW = 2_592_000.0;

    private final Scenario s = Scenario.h2().now("2026-02-10T00:00");

    @AfterEach
    void closeStore() {
        s.close();
    }

    @Test
    void downtimeIsTheUnionOfIncidentIntervalsClippedToTheWindow() {
        s.incident("i1", "shop", "2026-01-05T10:00", null, "2026-01-05T12:00", null);
        s.incident("i2", "shop", "2026-01-05T11:00", null, "2026-01-05T13:00", null); // overlaps i1
        s.incident("i3", "shop", "2026-01-05T12:30", null, "2026-01-05T12:45", null); // inside the union
        s.incident("i4", "shop", "2025-12-31T22:00", null, "2026-01-01T02:00", null); // started before
        s.incident("i5", "shop", "2026-01-30T23:00", null, "2026-02-02T00:00", null); // ends after
        s.incident("b1", "billing", "2026-01-10T00:00", null, "2026-01-11T00:00", null);
        s.event(new Incident("st1", "shop", "staging", t("2026-01-10T00:00"), null, null, null, null, null, null));

        KpiReport.Availability a = s.application("shop", FROM, TO).availability();

        // [10:00, 13:00) = 3 h + [Jan 1 00:00, 02:00) = 2 h + [Jan 30 23:00, Jan 31 00:00) = 1 h → 6 h = 21,600
        assertThat(a.downtimeSeconds()).isCloseTo(21_600.0, within(1e-9));
        // 1 − 21,600/2,592,000 = 0.991666…
        assertThat(a.ratio()).isCloseTo(1 - 21_600.0 / WINDOW, within(1e-9));
        assertThat(a.applications()).isEqualTo(1);
        assertThat(a.worstApplication()).isEqualTo("shop");
    }

    @Test
    void anUnresolvedIncidentCountsUpToTheWindowsEnd() {
        s.incident("c1", "cart", "2026-01-30T12:00", null, null, null);
        s.incident("l1", "legacy", "2025-12-20T00:00", null, null, null);

        // cart: Jan 30 12:00 → Jan 31 00:00 = 12 h = 43,200 → 1 − 43,200/2,592,000 = 0.983333…
        KpiReport.Availability cart = s.application("cart", FROM, TO).availability();
        assertThat(cart.downtimeSeconds()).isCloseTo(43_200.0, within(1e-9));
        assertThat(cart.ratio()).isCloseTo(1 - 43_200.0 / WINDOW, within(1e-9));
        // legacy: down the whole window → 0
        KpiReport.Availability legacy = s.application("legacy", FROM, TO).availability();
        assertThat(legacy.downtimeSeconds()).isCloseTo(WINDOW, within(1e-9));
        assertThat(legacy.ratio()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void anUnresolvedIncidentCountsUpToTheQueryTimeWhenTheWindowEndsLater() {
        s.now("2026-01-30T18:00");
        s.incident("c1", "cart", "2026-01-30T12:00", null, null, null);

        KpiReport.Availability a = s.application("cart", FROM, TO).availability();

        // window cut at the query time: Jan 1 .. Jan 30 18:00 = 29.75 days = 2,570,400 s;
        // downtime 12:00 → 18:00 = 21,600 → 1 − 21,600/2,570,400 (reading: the cut window is also the denominator)
        assertThat(a.downtimeSeconds()).isCloseTo(21_600.0, within(1e-9));
        assertThat(a.ratio()).isCloseTo(1 - 21_600.0 / 2_570_400.0, within(1e-9));
    }

    @Test
    void aWindowBoundaryCutsAnIncidentInTwo() {
        s.incident("i1", "shop", "2026-01-14T22:00", null, "2026-01-15T03:00", null);

        // Jan 1 .. Jan 15 (14 days = 1,209,600 s) gets 22:00 → 24:00 = 7,200
        KpiReport.Availability first = s.application("shop", "2026-01-01T00:00", "2026-01-15T00:00")
                .availability();
        assertThat(first.downtimeSeconds()).isCloseTo(7_200.0, within(1e-9));
        assertThat(first.ratio()).isCloseTo(1 - 7_200.0 / 1_209_600.0, within(1e-9));
        // Jan 15 .. Jan 29 gets 00:00 → 03:00 = 10,800
        KpiReport.Availability second = s.application("shop", "2026-01-15T00:00", "2026-01-29T00:00")
                .availability();
        assertThat(second.downtimeSeconds()).isCloseTo(10_800.0, within(1e-9));
        assertThat(second.ratio()).isCloseTo(1 - 10_800.0 / 1_209_600.0, within(1e-9));
    }

    @Test
    void aTeamOrSupplierAveragesItsApplicationsAndNamesTheWorst() {
        for (String app : new String[] {"shop", "cart", "billing"}) {
            s.assign(app, "acme", "web", Responsibility.BOTH, "2025-01-01T00:00", null);
        }
        s.assign("other", "globex", "ops", Responsibility.BOTH, "2025-01-01T00:00", null);
        s.assign("old", "acme", "web", Responsibility.BOTH, "2025-01-01T00:00", "2025-12-01T00:00");
        // shop 3 h, cart 3 h (a tie with shop: "cart" comes first by name), billing nothing (member by assignment)
        s.incident("s1", "shop", "2026-01-05T10:00", null, "2026-01-05T13:00", null);
        s.incident("c1", "cart", "2026-01-06T10:00", null, "2026-01-06T11:00", null);
        s.incident("c2", "cart", "2026-01-07T10:00", null, "2026-01-07T12:00", null);
        s.incident("o1", "other", "2026-01-07T10:00", null, "2026-01-08T10:00", null);
        // "old" left acme before the window: its incident is unassigned, it is not an acme application
        s.incident("x1", "old", "2026-01-08T10:00", null, "2026-01-08T11:00", null);

        for (Scope scope : new Scope[] {Scope.team("web"), Scope.supplier("acme")}) {
            KpiReport.Availability a = s.report(scope, FROM, TO).availability();
            // mean of [1 − 10,800/W, 1 − 10,800/W, 1] = 1 − 21,600/(3·2,592,000) = 0.997222…
            assertThat(a.ratio()).as(scope.toString()).isCloseTo(1 - 21_600.0 / (3 * WINDOW), within(1e-9));
            assertThat(a.downtimeSeconds()).as(scope.toString()).isCloseTo(21_600.0, within(1e-9));
            assertThat(a.applications()).as(scope.toString()).isEqualTo(3);
            assertThat(a.worstApplication()).as(scope.toString()).isEqualTo("cart");
        }

        KpiReport.Availability unassigned = s.report(Scope.supplier("unassigned"), FROM, TO).availability();
        // only "old": 1 h → 1 − 3,600/W
        assertThat(unassigned.applications()).isEqualTo(1);
        assertThat(unassigned.worstApplication()).isEqualTo("old");
        assertThat(unassigned.downtimeSeconds()).isCloseTo(3_600.0, within(1e-9));
        assertThat(unassigned.ratio()).isCloseTo(1 - 3_600.0 / WINDOW, within(1e-9));
    }

    @Test
    void everythingAveragesAllApplicationsWithDataInTheWindow() {
        s.incident("s1", "shop", "2026-01-05T10:00", null, "2026-01-05T16:00", null); // 6 h
        s.success("b1", "billing", "2026-01-05T10:00");                              // nothing down
        s.incident("z1", "zoo", "2025-12-01T00:00", null, "2025-12-02T00:00", null); // before: not in scope

        KpiReport.Availability a = s.report(Scope.all(), FROM, TO).availability();

        // (1 − 21,600/W + 1)/2 = 1 − 10,800/W; worst shop
        assertThat(a.applications()).isEqualTo(2);
        assertThat(a.ratio()).isCloseTo(1 - 10_800.0 / WINDOW, within(1e-9));
        assertThat(a.downtimeSeconds()).isCloseTo(21_600.0, within(1e-9));
        assertThat(a.worstApplication()).isEqualTo("shop");
    }

    @Test
    void theWorstApplicationIsNamedEvenWhenNothingWasDown() {
        s.assign("shop", "acme", "web", Responsibility.BOTH, "2025-01-01T00:00", null);
        s.assign("cart", "acme", "web", Responsibility.BOTH, "2025-01-01T00:00", null);

        KpiReport.Availability a = s.report(Scope.team("web"), FROM, TO).availability();

        // both 1.0 → tie → first by name
        assertThat(a.applications()).isEqualTo(2);
        assertThat(a.ratio()).isCloseTo(1.0, within(1e-9));
        assertThat(a.downtimeSeconds()).isEqualTo(0.0);
        assertThat(a.worstApplication()).isEqualTo("cart");
    }
}
