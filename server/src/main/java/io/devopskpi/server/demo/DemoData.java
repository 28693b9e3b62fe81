package io.devopskpi.server.demo;

import io.devopskpi.core.governance.ReviewWindow;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Component;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.Responsibility;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic, realistic data set for the dashboard: 12 applications of 4 teams, 3 suppliers and in-house
 * staff under hybrid contracts, about 180 days of production and staging deployments ending at {@code now}. The
 * same seed and the same {@code now} give the same events, so the same KPIs.
 *
 * <p>The estate is what a governance meeting sees: each application's assignments begin on the day of its first
 * event, never in quarters without data; northwind only runs applications (others build them); acme builds
 * applications northwind runs and builds and runs one itself; checkout's delivery passes from globex to acme in the
 * middle of the last complete quarter, with deployments on both sides; "reporting" has no assignment at all.
 */
public final class DemoData {
    public static final long DEFAULT_SEED = 20261123L;
    static final int DAYS = 180;
    /** The history begins at least this long before the last complete quarter, so contracts cover all of it. */
    static final Duration BEFORE_LAST_QUARTER = Duration.ofDays(7);

    private final Random random;
    private final Instant now;
    private final Instant start;
    private final Instant handover;
    private final List<Event> events = new ArrayList<>();
    private int incidents;

    private DemoData(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        ReviewWindow lastQuarter = ReviewWindow.lastCompleteQuarter(now, ZoneOffset.UTC);
        Instant halfAYear = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(DAYS).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Instant beforeLastQuarter = lastQuarter.from().minus(BEFORE_LAST_QUARTER);
        this.start = halfAYear.isBefore(beforeLastQuarter) ? halfAYear : beforeLastQuarter;
        this.handover = middleOf(lastQuarter);
    }

    /** Midnight (UTC) of the middle day of the quarter: where the demo's supplier change and renegotiation fall. */
    static Instant middleOf(ReviewWindow quarter) {
        return quarter.from().plus(Duration.ofDays(Duration.between(quarter.from(), quarter.to()).toDays() / 2));
    }

    /**
     * The events, in an order the ingestion accepts (assignments first, incidents after their deployments, the
     * governance facts last). Assignments and governance facts draw nothing from the random sequence, so the
     * deployments and incidents, and so each application's KPIs, are those of the seed.
     */
    public static List<Event> generate(long seed, Instant now) {
        DemoData demo = new DemoData(seed, now);
        for (AppProfile app : AppProfile.ALL) {
            demo.history(app, "production");
            if (app.stagingToo()) {
                demo.history(app, "staging");
            }
        }
        List<Assignment> assignments = demo.assignments(firstEventDays(demo.events));
        List<Event> all = new ArrayList<>(assignments);
        all.addAll(demo.events);
        all.addAll(DemoGovernance.events(assignments, demo.handover, demo.now));
        return List.copyOf(all);
    }

    /** Per application, midnight (UTC) of the day of its first deployment or incident. */
    private static Map<String, Instant> firstEventDays(List<Event> events) {
        Map<String, Instant> first = new HashMap<>();
        for (Event event : events) {
            Instant at = event instanceof Deployment d ? d.started() : ((Incident) event).started();
            first.merge(event.application(), at.truncatedTo(ChronoUnit.DAYS), (a, b) -> a.isBefore(b) ? a : b);
        }
        return first;
    }

    private List<Assignment> assignments(Map<String, Instant> since) {
        List<Assignment> list = new ArrayList<>();
        // Built by acme, run by northwind: the hybrid contract governance meetings argue about.
        assign(list, since, "shop", "acme", "storefront", Responsibility.DELIVERY, null, null);
        assign(list, since, "shop", "northwind", "storefront", Responsibility.OPERATIONS, null, null);
        // Delivery passes from globex to acme in the middle of a quarter; northwind runs it throughout.
        assign(list, since, "checkout", "globex", "payments", Responsibility.DELIVERY, null, handover);
        assign(list, since, "checkout", "acme", "payments", Responsibility.DELIVERY, handover, null);
        assign(list, since, "checkout", "northwind", "payments", Responsibility.OPERATIONS, null, null);
        // acme also builds and runs one application: its scorecard has both sides, split by application.
        assign(list, since, "payments-api", "acme", "payments", Responsibility.BOTH, null, null);
        assign(list, since, "catalog", "globex", "storefront", Responsibility.BOTH, null, null);
        assign(list, since, "search", "globex", "storefront", Responsibility.BOTH, null, null);
        assign(list, since, "recommendations", "globex", "storefront", Responsibility.DELIVERY, null, null);
        assign(list, since, "recommendations", "northwind", "storefront", Responsibility.OPERATIONS, null, null);
        assign(list, since, "warehouse", "globex", "logistics", Responsibility.DELIVERY, null, null);
        assign(list, since, "warehouse", "northwind", "logistics", Responsibility.OPERATIONS, null, null);
        assign(list, since, "shipping", "globex", "logistics", Responsibility.DELIVERY, null, null);
        assign(list, since, "shipping", "northwind", "logistics", Responsibility.OPERATIONS, null, null);
        // Built and run in-house by the platform team.
        assign(list, since, "invoicing", "in-house", "platform", Responsibility.BOTH, null, null);
        assign(list, since, "identity", "in-house", "platform", Responsibility.BOTH, null, null);
        // No team named: its figures go to team "unassigned".
        assign(list, since, "notifications", "globex", null, Responsibility.DELIVERY, null, null);
        assign(list, since, "notifications", "northwind", null, Responsibility.OPERATIONS, null, null);
        // "reporting" has no assignment at all: it shows as unassigned, never dropped.
        return list;
    }

    /** From {@code from}, or when null from the day of the application's first event. */
    private static void assign(List<Assignment> list, Map<String, Instant> since, String application,
            String supplier, String team, Responsibility responsibility, Instant from, Instant to) {
        list.add(new Assignment(application, supplier, team, responsibility,
                from != null ? from : since.get(application), to));
    }

    private void history(AppProfile app, String environment) {
        boolean production = environment.equals("production");
        double cadence = production ? app.deploysPerWorkingDay() : app.deploysPerWorkingDay() * 1.5;
        List<Change> pending = new ArrayList<>();
        int commitCounter = 0;
        int number = 0;
        Deployment previous = null;
        for (LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC); ; day = day.plusDays(1)) {
            Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!dayStart.isBefore(now)) {
                break;
            }
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            // Commits arrive on working days whatever the deployment cadence.
            if (!weekend) {
                int commits = random.nextInt(app.commitsPerDay() + 1);
                for (int c = 0; c < commits; c++) {
                    // Work waits for review and testing before it is merged: the profile's lead time.
                    double waitHours = app.leadTimeHours() * (0.3 + random.nextDouble() * 1.4);
                    Instant committed = dayStart.plus(Duration.ofMinutes(8 * 60 + random.nextInt(9 * 60)))
                            .minus(Duration.ofMinutes((long) (waitHours * 60)));
                    pending.add(new Change(app.name() + "-" + environment.charAt(0) + "-" + (++commitCounter),
                            committed, AUTHORS[random.nextInt(AUTHORS.length)]));
                }
            }
            int deploys = weekend ? 0 : poisson(cadence);
            for (int k = 0; k < deploys; k++) {
                Instant started = dayStart.plus(Duration.ofMinutes(9 * 60 + random.nextInt(8 * 60)));
                Instant finished = started.plus(Duration.ofMinutes(4 + random.nextInt(20)));
                if (finished.isAfter(now)) {
                    continue;
                }
                previous = deploy(app, environment, ++number, started, finished, pending, previous, production);
                if (previous.result() == DeploymentResult.SUCCESS) {
                    pending = new ArrayList<>();
                }
            }
        }
    }

    private Deployment deploy(AppProfile app, String environment, int number, Instant started, Instant finished,
            List<Change> pending, Deployment previous, boolean production) {
        double roll = random.nextDouble();
        DeploymentResult result = roll < app.failureRate() * 0.5 ? DeploymentResult.FAILURE
                : roll < app.failureRate() * 0.5 + 0.02 ? DeploymentResult.ABORTED : DeploymentResult.SUCCESS;
        DeploymentKind kind = DeploymentKind.NORMAL;
        boolean previousFailed = previous != null && previous.result() == DeploymentResult.FAILURE;
        if (previousFailed && random.nextDouble() < 0.5) {
            kind = random.nextBoolean() ? DeploymentKind.ROLLBACK : DeploymentKind.HOTFIX;
        }
        List<Change> changes = result == DeploymentResult.SUCCESS || result == DeploymentResult.FAILURE
                ? withClockSkew(pending, finished) : List.of();
        String id = "demo/" + app.name() + "/" + environment + "/" + number;
        Deployment deployment = Deployment.builder(id)
                .application(app.name())
                .environment(environment)
                .started(started)
                .finished(finished)
                .result(result)
                .kind(kind)
                .revision(Integer.toHexString(app.name().hashCode() & 0xfffff) + Integer.toHexString(number))
                .changes(changes)
                .components(components(app, started))
                .pipeline(app.name() + "/main")
                .url("https://ci.example.com/job/" + app.name() + "/" + number + "/")
                .build();
        events.add(deployment);
        if (production && result == DeploymentResult.SUCCESS && random.nextDouble() < app.failureRate() * 0.6) {
            incidentAfter(app, deployment);
        }
        if (production && random.nextDouble() < 0.01) {
            unrelatedIncident(app, finished);
        }
        return deployment;
    }

    /**
     * Rarely, a build agent's clock is wrong and a commit appears to be made after the deployment that ships it;
     * the engine skips such lead times. The skewed time sticks to the change (it is listed again if this run fails).
     */
    private List<Change> withClockSkew(List<Change> pending, Instant finished) {
        for (int i = 0; i < pending.size(); i++) {
            if (random.nextDouble() < 0.01) {
                Change change = pending.get(i);
                pending.set(i, new Change(change.id(), finished.plus(Duration.ofMinutes(3 + random.nextInt(30))),
                        change.author()));
            }
        }
        return List.copyOf(pending);
    }

    private List<Component> components(AppProfile app, Instant started) {
        // Teams upgrade the shared pipeline library at different speeds: newer versions appear over time.
        long week = Duration.between(start, started).toDays() / 7;
        int minor = (int) Math.min(4, week / 6) - (app.name().length() % 3 == 0 ? 1 : 0);
        List<Component> components = new ArrayList<>();
        components.add(new Component("pipeline-lib", "3." + Math.max(0, minor) + ".0"));
        components.add(new Component(app.name().startsWith("p") || app.name().startsWith("i") ? "base-image-jre"
                : "base-image-node", app.name().length() % 2 == 0 ? "21.0.4" : "21.0.2"));
        return components;
    }

    private void incidentAfter(AppProfile app, Deployment deployment) {
        Instant started = deployment.finished().plus(Duration.ofMinutes(5 + random.nextInt(6 * 60)));
        if (!started.isBefore(now)) {
            return;
        }
        Instant detected = started.plus(Duration.ofMinutes(1 + random.nextInt(app.detectMinutes())));
        Instant resolved = started.plus(Duration.ofMinutes((long) (app.restoreHours() * 60
                * (0.4 + random.nextDouble() * 1.2))));
        boolean open = resolved.isAfter(now) || Duration.between(started, now).toDays() < 3
                && random.nextDouble() < 0.5;
        // Most monitoring tools do not know the change that caused an incident: half are linked by time only.
        String cause = random.nextBoolean() ? deployment.id() : null;
        events.add(new Incident("INC-" + app.name() + "-" + (++incidents), app.name(), "production", started,
                detected.isAfter(now) ? null : detected, open ? null : resolved,
                SEVERITIES[random.nextInt(SEVERITIES.length)], cause, null, null));
    }

    private void unrelatedIncident(AppProfile app, Instant after) {
        Instant started = after.plus(Duration.ofHours(30 + random.nextInt(48)));
        Instant resolved = started.plus(Duration.ofMinutes(20 + random.nextInt(240)));
        if (resolved.isAfter(now)) {
            return;
        }
        events.add(new Incident("INC-" + app.name() + "-" + (++incidents), app.name(), "production", started,
                started.plus(Duration.ofMinutes(2 + random.nextInt(30))), resolved, "minor", null, null, null));
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    private static final String[] AUTHORS = {"ann", "bob", "chen", "dana", "emeka", "fatima", "goran", "hiro"};
    private static final String[] SEVERITIES = {"critical", "major", "major", "minor", "minor", "minor"};
}
