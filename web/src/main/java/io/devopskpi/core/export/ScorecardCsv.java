package io.devopskpi.core.export;

import io.devopskpi.core.governance.Scorecard;
import java.util.ArrayList;
import java.util.List;

/**
 * A scorecard as CSV for the governance minutes: one row per KPI with its target, verdict, previous value and the
 * six-period trend. Cells pass through {@link CsvWriter}, so names cannot run as spreadsheet formulas, while
 * numbers stay numbers, rounded for people.
 */
public final class ScorecardCsv {
    private ScorecardCsv() {
    }

    public static String write(Scorecard card) {
        CsvWriter csv = new CsvWriter();
        List<String> header = new ArrayList<>(List.of("supplier", "period", "from", "to", "environment", "metric",
                "applications", "value", "ci95_lower", "ci95_upper", "samples", "target_operator", "target_value",
                "min_samples", "verdict", "previous_value", "previous_samples", "change"));
        card.kpis().get(0).trend().forEach(point -> header.add("trend_" + point.period().label()));
        csv.row(header);
        for (Scorecard.Line line : card.kpis()) {
            List<Object> row = new ArrayList<>(List.of(card.supplier(), card.period().label(),
                    card.period().from().toString(), card.period().to().toString(), card.environment(),
                    line.metric().apiName(), String.join(" ", line.applications())));
            row.add(number(line.value().value()));
            row.add(line.value().ci95() == null ? null : number(line.value().ci95().lower()));
            row.add(line.value().ci95() == null ? null : number(line.value().ci95().upper()));
            row.add(line.value().samples());
            row.add(line.target() == null ? null : line.target().operator().symbol());
            row.add(line.target() == null ? null : number(line.target().value()));
            row.add(line.target() == null ? null : line.target().minSamples());
            row.add(line.verdict().name());
            row.add(number(line.previous().value()));
            row.add(line.previous().samples());
            row.add(number(line.change()));
            line.trend().forEach(point -> row.add(number(point.value().value())));
            csv.row(row);
        }
        return csv.toString();
    }

    /** A number cell (CsvWriter rounds it for people), or an empty one. */
    private static Double number(Double value) {
        return value;
    }
}
