package io.devopskpi.server.demo;

import java.util.List;

/**
 * How one demo application behaves: deployments per working day (Poisson mean), share of failed changes, lead
 * time, time to restore and time to detect. Chosen so the demo's KPIs fall in every performance band.
 */
record AppProfile(String name, double deploysPerWorkingDay, int commitsPerDay, double failureRate,
        double leadTimeHours, double restoreHours, int detectMinutes, boolean stagingToo) {

    static final List<AppProfile> ALL = List.of(
            // elite: several deployments a day, few failures, restores within the hour
            new AppProfile("shop", 4.0, 8, 0.04, 10, 0.6, 10, true),
            new AppProfile("search", 1.6, 4, 0.05, 16, 0.8, 8, false),
            new AppProfile("identity", 3.5, 4, 0.03, 20, 0.5, 5, true),
            // high: most working days or weekly, moderate failure rate
            new AppProfile("checkout", 0.9, 4, 0.09, 60, 6, 20, true),
            new AppProfile("catalog", 0.7, 3, 0.08, 90, 10, 25, false),
            new AppProfile("payments-api", 0.5, 2, 0.10, 110, 12, 30, true),
            new AppProfile("notifications", 0.35, 2, 0.07, 120, 16, 15, false),
            // medium: a few deployments a month
            new AppProfile("recommendations", 0.15, 2, 0.14, 300, 40, 60, false),
            new AppProfile("warehouse", 0.12, 2, 0.13, 400, 60, 90, false),
            new AppProfile("shipping", 0.10, 1, 0.12, 500, 70, 120, false),
            // low: rare, risky releases with slow recovery
            new AppProfile("invoicing", 0.04, 1, 0.35, 1000, 200, 240, false),
            new AppProfile("reporting", 0.03, 1, 0.30, 1200, 250, 300, false));
}
