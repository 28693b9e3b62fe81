package io.devopskpi.server.demo;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.governance.ReviewWindow;
import io.devopskpi.core.model.ApplicationProfile;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.GatePolicy;
import io.devopskpi.core.model.ReviewPeriod;
import io.devopskpi.core.model.Survey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The governance side of the demo: application tags, contract targets for acme, globex, northwind and in-house
 * (some met, some missed; acme's success rate renegotiated in the middle of the last complete quarter, so that
 * quarter is still judged by the old target), a satisfaction survey per supplier and quarter, and one stored gate
 * policy. A supplier's targets and surveys begin with its contract, the earliest of its assignments, never in a
 * quarter without data. Fixed values only: the demo stays deterministic.
 */
final class DemoGovernance {
    private static final String[] SUPPLIERS = {"acme", "globex", "northwind", "in-house"};
    /** Per supplier, the scores of consecutive quarters, cycled; and the respondents of its surveys. */
    private static final double[][] SCORES = {{4.2, 3.9, 4.4}, {3.4, 3.1, 3.6}, {4.0, 4.1, 3.8}, {4.6, 4.5, 4.7}};
    private static final int[] RESPONDENTS = {14, 9, 22, 31};

    private DemoGovernance() {
    }

    static List<Event> events(List<Assignment> assignments, Instant renegotiated, Instant now) {
        List<Event> events = new ArrayList<>();
        tags(events);
        Map<String, Instant> contracts = contractStarts(assignments);
        Instant acme = contracts.get("acme");
        // acme: success rate renegotiated from 0.85 to 0.95 in the middle of the last complete quarter
        events.add(target("acme", GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST, 0.85, 20, acme, renegotiated));
        events.add(target("acme", GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST, 0.95, 20, renegotiated, null));
        events.add(target("acme", GateMetric.TIME_TO_RESTORE_MEAN, Operator.AT_MOST, 8 * 3600, 3, acme, null));
        events.add(target("acme", GateMetric.STAKEHOLDER_SATISFACTION, Operator.AT_LEAST, 4.0, 10, acme, null));
        Instant globex = contracts.get("globex");
        events.add(target("globex", GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST, 0.95, 20, globex, null));
        events.add(target("globex", GateMetric.DEPLOYMENTS_PER_WEEK, Operator.AT_LEAST, 5, 0, globex, null));
        Instant northwind = contracts.get("northwind");
        events.add(target("northwind", GateMetric.AVAILABILITY, Operator.AT_LEAST, 0.995, 0, northwind, null));
        events.add(target("northwind", GateMetric.TIME_TO_DETECT_MEAN, Operator.AT_MOST, 3600, 5, northwind, null));
        Instant inHouse = contracts.get("in-house");
        events.add(target("in-house", GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST, 0.9, 10, inHouse, null));
        events.add(target("in-house", GateMetric.LEAD_TIME_MEDIAN, Operator.AT_MOST, 2 * 86_400, 10, inHouse, null));
        surveys(events, contracts, now);
        events.add(new GatePolicy("release-shop", "{\"scope\":{\"application\":\"shop\",\"environment\":"
                + "\"production\"},\"window\":\"P30D\",\"minSamples\":10,\"thresholds\":["
                + "{\"metric\":\"changeSuccessRate\",\"operator\":\">=\",\"value\":0.9},"
                + "{\"metric\":\"timeToRestoreMedian\",\"operator\":\"<=\",\"value\":\"4h\"}]}"));
        return events;
    }

    /** Per supplier, the start of its earliest assignment. */
    static Map<String, Instant> contractStarts(List<Assignment> assignments) {
        Map<String, Instant> starts = new HashMap<>();
        for (Assignment a : assignments) {
            starts.merge(a.supplier(), a.from(), (x, y) -> x.isBefore(y) ? x : y);
        }
        return starts;
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

    /**
     * One survey per supplier for every quarter of its contract that has begun, over the part of the quarter that
     * both the contract and the data cover.
     */
    private static void surveys(List<Event> events, Map<String, Instant> contracts, Instant now) {
        for (int s = 0; s < SUPPLIERS.length; s++) {
            Instant contract = contracts.get(SUPPLIERS[s]);
            int index = 0;
            for (ReviewWindow quarter = ReviewWindow.containing(ReviewPeriod.QUARTER, contract, ZoneOffset.UTC);
                    quarter.from().isBefore(now);
                    quarter = ReviewWindow.containing(ReviewPeriod.QUARTER, quarter.to(), ZoneOffset.UTC)) {
                Instant from = quarter.from().isBefore(contract) ? contract : quarter.from();
                Instant to = quarter.to().isAfter(now) ? now : quarter.to();
                events.add(new Survey(quarter.label() + "-" + SUPPLIERS[s], SUPPLIERS[s], null, from, to,
                        SCORES[s][index % SCORES[s].length], RESPONDENTS[s] + index, null));
                index++;
            }
        }
    }

    private static ContractTarget target(String supplier, GateMetric metric, Operator operator, double value,
            int minSamples, Instant from, Instant to) {
        return new ContractTarget(supplier, null, metric, operator, value, minSamples, ReviewPeriod.QUARTER, from,
                to);
    }
}
