package io.jenkins.plugins.devopskpi.ui;

import io.devopskpi.core.embedded.KpiReads;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.api.ApplicationAccess;
import io.devopskpi.core.store.StoreException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * A supplier responsible for a job's application now (its delivery or operations assignment), with the link to its
 * scorecard on the dashboard ({@code /devops-kpi/suppliers/<name>}). Immutable.
 */
@ExportedBean
public final class SupplierLink {
    private final String name;
    private final String responsibility;
    private final String url;

    SupplierLink(String name, String responsibility, String url) {
        this.name = name;
        this.responsibility = responsibility;
        this.url = url;
    }

    @Exported
    public String getName() {
        return name;
    }

    /** DELIVERY, OPERATIONS or BOTH. */
    @Exported
    public String getResponsibility() {
        return responsibility;
    }

    /** The supplier's scorecard in the job's environment, below Jenkins' root (no context path). */
    @Exported
    public String getUrl() {
        return url;
    }

    /**
     * The application's delivery and operations suppliers at {@code now}, one link per supplier (BOTH when it holds
     * both); none when the reader may not read every job that deployed the application (as the read API's
     * {@code assignments}) or the store does not answer within the page's patience.
     */
    static List<SupplierLink> of(KpiReads kpis, DeploymentTarget target, Instant now,
            Predicate<String> mayReadJob) {
        List<Assignment> assignments;
        List<String> pipelines;
        try {
            pipelines = kpis.readForPage(() -> kpis.pipelines(target.application()));
            assignments = kpis.readForPage(() -> kpis.assignments(target.application()));
        } catch (StoreException e) {
            return List.of();
        }
        if (!new ApplicationAccess(name -> pipelines, mayReadJob).mayReadApplication(target.application())) {
            return List.of();
        }
        return of(assignments, target, now);
    }

    /** The suppliers of the assignments in force at {@code now}, in the order delivery, operations. */
    static List<SupplierLink> of(List<Assignment> assignments, DeploymentTarget target, Instant now) {
        Map<String, Responsibility> bySupplier = new LinkedHashMap<>();
        for (Responsibility wanted : List.of(Responsibility.DELIVERY, Responsibility.OPERATIONS)) {
            for (Assignment a : assignments) {
                boolean covers = wanted == Responsibility.DELIVERY ? a.responsibility().coversDelivery()
                        : a.responsibility().coversOperations();
                if (covers && a.covers(now)) {
                    bySupplier.merge(a.supplier(), wanted, (x, y) -> x == y ? x : Responsibility.BOTH);
                }
            }
        }
        List<SupplierLink> links = new ArrayList<>();
        bySupplier.forEach((supplier, responsibility) -> links.add(new SupplierLink(supplier, responsibility.name(),
                "devops-kpi/suppliers/" + encode(supplier) + ("production".equals(target.environment()) ? ""
                        : "?environment=" + encode(target.environment())))));
        return links;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
