package io.devopskpi.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.testing.Scenario;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link KpiService#figuresOf} reads a window once for every slice (a supplier, a team, an application, everything):
 * on random estates (supplier changes, operations-only and unassigned applications, failures, open and overridden
 * incidents) it must give exactly what one {@link KpiService#figures} call per slice gives, with and without a
 * restriction to some applications.
 */
class SuppliersAtOnceTest {
    private static final String[] APPLICATIONS = {"shop", "billing", "crm", "intranet"};
    private static final String[] SUPPLIERS = {"acme", "globex", "opsco"};
    private static final Instant START = Scenario.t("2026-01-01T00:00");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void givesWhatOneReadPerSupplierGives(long seed) {
        Random random = new Random(seed);
        try (Scenario s = Scenario.h2().now("2026-02-20T00:00")) {
            List<String> deployments = new ArrayList<>();
            for (String application : APPLICATIONS) {
                String switchDay = "2026-01-" + (10 + random.nextInt(10)) + "T00:00";
                s.assign(application, pick(random, SUPPLIERS), random.nextBoolean() ? "dev" : null,
                        Responsibility.DELIVERY, "2025-01-01T00:00", switchDay);
                s.assign(application, pick(random, SUPPLIERS), "dev", Responsibility.DELIVERY, switchDay, null);
                if (random.nextInt(4) > 0) { // a quarter of the applications nobody is assigned to run
                    s.assign(application, pick(random, SUPPLIERS), "run", Responsibility.OPERATIONS,
                            "2025-01-01T00:00", null);
                }
            }
            for (int i = 0; i < 40; i++) {
                String id = "d" + i;
                String application = pick(random, APPLICATIONS);
                Instant finished = START.plus(random.nextInt(40 * 24 * 60), ChronoUnit.MINUTES);
                DeploymentResult result = random.nextInt(6) == 0 ? DeploymentResult.FAILURE
                        : random.nextInt(12) == 0 ? DeploymentResult.ABORTED : DeploymentResult.SUCCESS;
                DeploymentKind kind = random.nextInt(8) == 0 ? DeploymentKind.ROLLBACK
                        : random.nextInt(8) == 0 ? DeploymentKind.HOTFIX : DeploymentKind.NORMAL;
                String supplier = random.nextInt(10) == 0 ? pick(random, SUPPLIERS) : null;
                s.deploy(id, application, finished.toString(), result, b -> b.kind(kind).supplier(supplier)
                        .changes(List.of(Scenario.change("c" + random.nextInt(30),
                                finished.minus(1 + random.nextInt(72), ChronoUnit.HOURS).toString()))));
                deployments.add(id);
            }
            for (int i = 0; i < 12; i++) {
                Instant started = START.plus(random.nextInt(40 * 24 * 60), ChronoUnit.MINUTES);
                String detected = random.nextBoolean() ? started.plus(random.nextInt(90), ChronoUnit.MINUTES)
                        .toString() : null;
                String resolved = random.nextInt(4) == 0 ? null
                        : started.plus(1 + random.nextInt(600), ChronoUnit.MINUTES).toString();
                String cause = random.nextBoolean() ? pick(random, deployments.toArray(String[]::new)) : null;
                String supplier = random.nextInt(6) == 0 ? pick(random, SUPPLIERS) : null;
                s.incident("i" + i, pick(random, APPLICATIONS), started.toString(), detected, resolved, cause,
                        null, supplier);
            }
            KpiService service = s.service();
            List<String> suppliers = List.of("acme", "globex", "opsco", "unassigned", "nobody");
            for (Set<String> applications : new ArrayList<Set<String>>(java.util.Arrays.asList(null,
                    Set.of("shop", "crm")))) {
                KpiQuery window = new KpiQuery(Scope.all(), Scenario.PRODUCTION, START,
                        Scenario.t("2026-02-01T00:00"), ZoneOffset.UTC);
                List<KpiFigures> atOnce = service.figuresOfSuppliers(window, suppliers, applications);
                for (int i = 0; i < suppliers.size(); i++) {
                    KpiFigures alone = service.figures(window.withScope(Scope.supplier(suppliers.get(i))),
                            applications);
                    assertThat(atOnce.get(i)).as("seed %s, %s, %s", seed, suppliers.get(i), applications)
                            .isEqualTo(alone);
                }
                // any scope: an application, a team, everything (read environment-wide, filtered per slice)
                List<KpiService.Slice> slices = List.of(new KpiService.Slice(Scope.application("shop"), applications),
                        new KpiService.Slice(Scope.team("dev"), applications),
                        new KpiService.Slice(Scope.team("unassigned"), applications),
                        new KpiService.Slice(Scope.all(), applications));
                List<KpiFigures> sliced = service.figuresOf(window, slices);
                for (int i = 0; i < slices.size(); i++) {
                    assertThat(sliced.get(i)).as("seed %s, %s, %s", seed, slices.get(i).scope(), applications)
                            .isEqualTo(service.figures(window.withScope(slices.get(i).scope()), applications));
                }
            }
        }
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
