package io.devopskpi.server.demo;

import io.devopskpi.core.gate.GateMetric;
import io.devopskpi.core.gate.Operator;
import io.devopskpi.core.governance.ReviewWindow;
import io.devopskpi.core.model.ApplicationProfile;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.GatePolicy;
import io.devopskpi.core.model.ReviewPeriod;
import io.devopskpi.core.model.Survey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The governance side of the demo: application tags, contract targets for acme, globex, northwind and in-house
 * (some met, some missed; acme's success rate renegotiated in the middle of the last complete quarter, so that
 * quarter is still judged by the old target), a satisfaction survey per supplier and quarter, and one stored gate
 * policy. Fixed values only: the demo stays deterministic.
 */
final class DemoGovernance {
    private static final String[] SUPPLIERS = {"acme", "globex", "northwind", "in-house"};
    /** Per supplier, the scores of consecutive quarters, cycled; and the respondents of its surveys. */
    private static final double[][] SCORES = {{4.2, 3.9, 4.4}, {3.4, 3.1, 3.6}, {4.0, 4.1, 3.8}, {4.6, 4.5, 4.7}};
    private static final int[] RESPONDENTS = {14, 9, 22, 31};

    private DemoGovernance() {
    }

    static List<Event> events(Instant start, Instant now) {
        List<Event> events = new ArrayList<>();
        tags(events);
        ReviewWindow first = ReviewWindow.containing(ReviewPeriod.QUARTER, start, ZoneOffset.UTC);
        Instant since = first.from();
        Instant renegotiated = ReviewWindow.lastCompleteQuarter(now, ZoneOffset.UTC).from().plus(Duration.ofDays(45));
        // acme: success rate renegotiated from 0.85 to 0.95 in the middle of the last complete quarter
        events.add(target("acme", GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST, 0.85, 20, since, renegotiated));
        events.add(target("acme", GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST, 0.95, 20, renegotiated, null));
        events.add(target("acme", GateMetric.TIME_TO_RESTORE_MEAN, Operator.AT_MOST, 8 * 3600, 3, since, null));
        events.add(target("acme", GateMetric.STAKEHOLDER_SATISFACTION, Operator.AT_LEAST, 4.0, 10, since, null));
        events.add(target("globex", GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST, 0.95, 20, since, null));
        events.add(target("globex", GateMetric.DEPLOYMENTS_PER_WEEK, Operator.AT_LEAST, 5, 0, since, null));
        events.add(target("northwind", GateMetric.AVAILABILITY, Operator.AT_LEAST, 0.995, 0, since, null));
        events.add(target("northwind", GateMetric.TIME_TO_DETECT_MEAN, Operator.AT_MOST, 3600, 5, since, null));
        events.add(target("in-house", GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST, 0.9, 10, since, null));
        events.add(target("in-house", GateMetric.LEAD_TIME_MEDIAN, Operator.AT_MOST, 2 * 86_400, 10, since, null));
        surveys(events, first, now);
        events.add(new GatePolicy("release-shop", "{\"scope\":{\"application\":\"shop\",\"environment\":"
                + "\"production\"},\"window\":\"P30D\",\"minSamples\":10,\"thresholds\":["
                + "{\"metric\":\"changeSuccessRate\",\"operator\":\">=\",\"value\":0.9},"
                + "{\"metric\":\"timeToRestoreMedian\",\"operator\":\"<=\",\"value\":\"4h\"}]}"));
        return events;
    }

    private static void tags(List<Event> events) {
        tag(events, "shop", "web", "customer-facing");
        tag(events, "checkout", "web", "customer-facing");
        tag(events, "payments-api", "api", "customer-facing");
        tag(events, "catalog", "web");
        tag(events, "search", "web");
        tag(events, "recommendations", "web");
        tag(events, "warehouse", "back-office");
        tag(events, "shipping", "back-office");
        tag(events, "invoicing", "back-office");
        tag(events, "reporting", "back-office");
        tag(events, "identity", "api", "platform");
        tag(events, "notifications", "api", "platform");
    }

    private static void tag(List<Event> events, String application, String... tags) {
        events.add(new ApplicationProfile(application, List.of(tags)));
    }

    /** One survey per supplier for every quarter that has begun, from the first quarter of the history on. */
    private static void surveys(List<Event> events, ReviewWindow first, Instant now) {
        int index = 0;
        for (ReviewWindow quarter = first; quarter.from().isBefore(now);
                quarter = ReviewWindow.containing(ReviewPeriod.QUARTER, quarter.to(), ZoneOffset.UTC)) {
            for (int s = 0; s < SUPPLIERS.length; s++) {
                events.add(new Survey(quarter.label() + "-" + SUPPLIERS[s], SUPPLIERS[s], null, quarter.from(),
                        quarter.to(), SCORES[s][index % SCORES[s].length], RESPONDENTS[s] + index, null));
            }
            index++;
        }
    }

    private static ContractTarget target(String supplier, GateMetric metric, Operator operator, double value,
            int minSamples, Instant from, Instant to) {
        return new ContractTarget(supplier, null, metric, operator, value, minSamples, ReviewPeriod.QUARTER, from,
                to);
    }
}
