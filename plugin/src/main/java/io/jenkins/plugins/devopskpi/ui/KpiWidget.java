package io.jenkins.plugins.devopskpi.ui;

import hudson.Extension;
import hudson.model.View;
import hudson.widgets.Widget;
import io.devopskpi.core.embedded.KpiReads;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.mapping.PipelineRule;
import io.devopskpi.core.summary.KpiSummary;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import jenkins.widgets.WidgetFactory;

/** Side panel of every view: deployments per week and change success rate of each team named in the job rules. */
public final class KpiWidget extends Widget {
    private final List<SummaryRow> teams;

    KpiWidget(List<KpiSummary> teams) {
        this.teams = SummaryRow.of(teams);
    }

    public List<SummaryRow> getTeams() {
        return teams;
    }

    @Extension
    public static final class Factory extends WidgetFactory<View, KpiWidget> {
        @Override
        public Class<View> type() {
            return View.class;
        }

        @Override
        public Class<KpiWidget> widgetType() {
            return KpiWidget.class;
        }

        @Override
        public Collection<KpiWidget> createFor(View view) {
            if (!JenkinsFacade.has(Access.required(Access.Operation.READ_KPIS))) {
                return List.of();
            }
            KpiConfiguration configuration = KpiConfiguration.get();
            List<String> teams = configuration.pipelineRules().stream().map(PipelineRule::team).filter(Objects::nonNull)
                    .distinct().sorted().toList();
            if (teams.isEmpty()) {
                return List.of();
            }
            try {
                KpiReads backend = configuration.reads();
                return List.of(new KpiWidget(teams.stream().map(team -> backend.summary(team, Scope.team(team),
                        KpiQuery.DEFAULT_ENVIRONMENT)).toList()));
            } catch (IOException e) {
                return List.of();
            }
        }
    }
}
