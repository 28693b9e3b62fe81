package io.devopskpi.core.export;

import io.devopskpi.core.kpi.FailedChangeView;
import io.devopskpi.core.kpi.FailureReason;
import io.devopskpi.core.query.DeploymentEntry;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The deployment export: a header row, then one row per deployment with its attribution and outcome. */
public final class DeploymentCsv {
    public static final List<String> HEADER = List.of("id", "application", "environment", "started", "finished",
            "result", "kind", "revision", "pipeline", "url", "imported", "team", "supplier", "changes",
            "failed_change", "failure_reasons", "failure_start", "restored", "restore_seconds");

    private DeploymentCsv() {
    }

    public static String write(List<DeploymentEntry> deployments) {
        CsvWriter csv = new CsvWriter().row(HEADER);
        deployments.forEach(d -> csv.row(row(d)));
        return csv.toString();
    }

    private static List<Object> row(DeploymentEntry d) {
        FailedChangeView failure = d.failure();
        return Arrays.asList(d.id(), d.application(), d.environment(), text(d.started()), text(d.finished()),
                d.resultName(), d.kindName(), d.revision(), d.pipeline(), d.url(),
                String.valueOf(d.imported()), d.delivery().team(), d.delivery().supplier(),
                d.changes(), String.valueOf(d.isFailedChange()),
                failure == null ? null : failure.reasons().stream().map(FailureReason::name)
                        .collect(Collectors.joining(";")),
                failure == null ? null : text(failure.failureStart()),
                failure == null ? null : text(failure.restored()),
                failure == null ? null : failure.restoreSeconds());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
