package io.devopskpi.server;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The scale issue's data shape (docs/performance.md, "Scale"), generated deterministically from a seed: 500
 * applications over two years ending yesterday, 20 suppliers, effective-dated assignments (every application has a
 * delivery and an operations supplier; one in five changes delivery supplier half-way), deployments spread evenly
 * over applications and time with 3 changes each, 8 % failed, and an incident after about 5 % of deployments (half
 * of them naming the deployment as cause, the rest unlinked). Event {@code i} depends only on the seed and {@code i},
 * so senders can take events in any order and a run can be repeated exactly.
 */
final class ScaleEstate {
    static final int APPLICATIONS = 500;
    static final int SUPPLIERS = 20;
    static final Duration SPAN = Duration.ofDays(730);

    private final int deployments;
    private final long seed;
    private final Instant start;
    private final Instant end;

    ScaleEstate(int deployments, long seed, Instant now) {
        this.deployments = deployments;
        this.seed = seed;
        this.end = now.minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        this.start = end.minus(SPAN);
    }

    int deployments() {
        return deployments;
    }

    Instant start() {
        return start;
    }

    Instant end() {
        return end;
    }

    static String application(int a) {
        return "app-" + a;
    }

    static String supplier(int s) {
        return "supplier-" + s;
    }

    /** The delivery supplier of application {@code a} at first; one in five moves to another at half time. */
    static int deliverySupplier(int a) {
        return a % SUPPLIERS;
    }

    static boolean changesDeliverySupplier(int a) {
        return a % 5 == 0;
    }

    static int laterDeliverySupplier(int a) {
        return (a + 7) % SUPPLIERS;
    }

    static int operationsSupplier(int a) {
        return (a + 3) % SUPPLIERS;
    }

    /** Every assignment, as JSON events (about 1.2 per application and side). */
    List<String> assignments() {
        List<String> events = new ArrayList<>();
        Instant half = start.plus(SPAN.dividedBy(2));
        for (int a = 0; a < APPLICATIONS; a++) {
            if (changesDeliverySupplier(a)) {
                events.add(assignment(a, deliverySupplier(a), "DELIVERY", start.minus(Duration.ofDays(30)), half));
                events.add(assignment(a, laterDeliverySupplier(a), "DELIVERY", half, null));
            } else {
                events.add(assignment(a, deliverySupplier(a), "DELIVERY", start.minus(Duration.ofDays(30)), null));
            }
            events.add(assignment(a, operationsSupplier(a), "OPERATIONS", start.minus(Duration.ofDays(30)), null));
        }
        return events;
    }

    private static String assignment(int a, int supplier, String side, Instant from, Instant to) {
        return "{\"type\":\"assignment\",\"application\":\"" + application(a) + "\",\"supplier\":\"" + supplier(supplier)
                + "\",\"team\":\"" + supplier(supplier) + "-team-" + (a % 3) + "\",\"responsibility\":\"" + side
                + "\",\"from\":\"" + from + "\",\"to\":" + (to == null ? "null" : "\"" + to + "\"") + "}";
    }

    /** Deployment {@code i} of the estate, with its incident when it has one (about one in twenty). */
    record Generated(int index, int application, Instant started, Instant finished, boolean failed,
            List<Instant> committed, List<Integer> authors, Instant incident, Instant detected, Instant resolved,
            boolean linked) {
    }

    Generated generated(int i) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
        int a = i % APPLICATIONS;
        long slot = SPAN.toSeconds() * (long) i / deployments;
        Instant started = start.plusSeconds(slot + random.nextInt(600));
        Instant finished = started.plusSeconds(120 + random.nextInt(900));
        boolean failed = random.nextInt(100) < 8;
        List<Instant> committed = new ArrayList<>(3);
        List<Integer> authors = new ArrayList<>(3);
        for (int k = 0; k < 3; k++) {
            committed.add(started.minusSeconds(600 + random.nextInt(5 * 86_400)));
            authors.add(random.nextInt(200));
        }
        if (random.nextInt(100) >= 5) {
            return new Generated(i, a, started, finished, failed, committed, authors, null, null, null, false);
        }
        Instant incident = finished.plusSeconds(300 + random.nextInt(7200));
        Instant detected = incident.plusSeconds(60 + random.nextInt(1800));
        Instant resolved = detected.plusSeconds(600 + random.nextInt(8 * 3600));
        return new Generated(i, a, started, finished, failed, committed, authors, incident, detected, resolved,
                random.nextBoolean());
    }

    /** Deployment {@code i} and its incident, if any, as JSON events. */
    List<String> eventsOf(int i) {
        Generated g = generated(i);
        StringBuilder changes = new StringBuilder();
        for (int k = 0; k < 3; k++) {
            changes.append(k == 0 ? "" : ",").append("{\"id\":\"c").append(i).append('-').append(k)
                    .append("\",\"committed\":\"").append(g.committed().get(k)).append("\",\"author\":\"dev")
                    .append(g.authors().get(k)).append("\"}");
        }
        List<String> events = new ArrayList<>(2);
        events.add("{\"type\":\"deployment\",\"id\":\"d" + i + "\",\"application\":\"" + application(g.application())
                + "\",\"environment\":\"production\",\"started\":\"" + g.started() + "\",\"finished\":\""
                + g.finished() + "\",\"result\":\"" + (g.failed() ? "FAILURE" : "SUCCESS") + "\",\"changes\":["
                + changes + "]}");
        if (g.incident() != null) {
            events.add("{\"type\":\"incident\",\"id\":\"i" + i + "\",\"application\":\"" + application(g.application())
                    + "\",\"environment\":\"production\",\"started\":\"" + g.incident() + "\",\"detected\":\""
                    + g.detected() + "\",\"resolved\":\"" + g.resolved() + "\",\"severity\":\"major\""
                    + (g.linked() ? ",\"cause\":\"d" + i + "\"" : "") + "}");
        }
        return events;
    }
}
