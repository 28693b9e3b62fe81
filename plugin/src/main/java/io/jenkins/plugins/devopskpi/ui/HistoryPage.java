package io.jenkins.plugins.devopskpi.ui;

import io.jenkins.plugins.devopskpi.JenkinsFacade;
import io.jenkins.plugins.devopskpi.Messages;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import io.jenkins.plugins.devopskpi.history.HistoryImport;
import io.jenkins.plugins.devopskpi.history.HistoryRunner;
import io.jenkins.plugins.devopskpi.history.ImportProgress;
import io.jenkins.plugins.devopskpi.history.JenkinsHistory;
import io.jenkins.plugins.devopskpi.history.StoreTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code /devops-kpi/history/}: an administrator imports the builds Jenkins already has (the jobs the rules match)
 * on a background thread, watches its progress and may cancel it. Every method needs Overall/Administer; the
 * start and cancel buttons POST with Jenkins' crumb.
 */
public final class HistoryPage {
    private static final HistoryRunner RUNNER = new HistoryRunner();

    private final HistoryRunner runner;

    HistoryPage() {
        this(RUNNER);
    }

    HistoryPage(HistoryRunner runner) {
        this.runner = runner;
    }

    public String getDisplayName() {
        return Messages.HistoryPage_DisplayName();
    }

    public ImportProgress getProgress() {
        return runner.progress();
    }

    /** The progress as the page shows it, in words. */
    public String getStatus() {
        ImportProgress p = runner.progress();
        return switch (p.state()) {
            case IDLE -> Messages.HistoryPage_Idle();
            case RUNNING -> p.currentJob() == null ? Messages.HistoryPage_Starting()
                    : Messages.HistoryPage_Running(p.jobsDone(), p.jobsTotal(), p.currentJob());
            case DONE -> Messages.HistoryPage_Done(p.jobsTotal());
            case CANCELLED -> Messages.HistoryPage_Cancelled(p.jobsDone(), p.jobsTotal());
            case FAILED -> Messages.HistoryPage_Failed(p.error());
        };
    }

    /** Jobs done of the jobs the rules match, e.g. {@code 3 / 7}. */
    public String getJobs() {
        ImportProgress p = runner.progress();
        return p.jobsDone() + " / " + p.jobsTotal();
    }

    public long getBuildsRead() {
        return runner.progress().buildsRead();
    }

    public long getImported() {
        return runner.progress().imported();
    }

    public long getAlreadyStored() {
        return runner.progress().alreadyStored();
    }

    public long getSkipped() {
        return runner.progress().skipped();
    }

    public boolean isRunning() {
        return runner.progress().isRunning();
    }

    /** Starts an import (unless one runs), then shows this page again. */
    @POST
    public void doStart(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        JenkinsFacade.check(Access.ADMINISTER);
        runner.start(() -> {
            KpiConfiguration configuration = KpiConfiguration.get();
            try {
                return new HistoryImport(new JenkinsHistory(), configuration.pipelineRules(),
                        configuration.getControllerName(), new StoreTarget(configuration.backend(),
                        Clock.systemUTC()), Clock.systemUTC());
            } catch (IOException e) { // e.g. a central server is set: this controller keeps no store to import into
                throw new UncheckedIOException(e.getMessage(), e);
            }
        });
        rsp.sendRedirect2(".");
    }

    /** Asks the running import to stop. */
    @POST
    public void doCancel(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        JenkinsFacade.check(Access.ADMINISTER);
        runner.cancel();
        rsp.sendRedirect2(".");
    }
}
