package io.jenkins.plugins.devopskpi.config;

import hudson.Extension;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.mapping.PipelineRule;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.store.StoreConfig;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import io.jenkins.plugins.devopskpi.Messages;
import io.jenkins.plugins.devopskpi.rules.JobRule;
import io.jenkins.plugins.devopskpi.ui.Access;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Storage (embedded H2 under JENKINS_HOME, or a PostgreSQL URL with credentials), the controller's name in event
 * ids, and the rules that map jobs to applications. Editable on Manage Jenkins › System and as
 * {@code unclassified: devopsKpi:} in Configuration as Code.
 */
@Extension
@Symbol("devopsKpi")
public class KpiConfiguration extends GlobalConfiguration {
    private static final Logger LOG = Logger.getLogger(KpiConfiguration.class.getName());

    private String databaseUrl;
    private String credentialsId;
    private String controllerName;
    private List<JobRule> rules = new ArrayList<>();
    private transient EmbeddedKpis backend;

    public KpiConfiguration() {
        load();
        try {
            backend(); // replays what a restart left queued
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "devops-kpi: cannot open the event queue: " + e.getMessage(), e);
        }
    }

    public static KpiConfiguration get() {
        return JenkinsFacade.singleton(KpiConfiguration.class);
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        rules = new ArrayList<>(); // a form without rules submits none, so nothing would clear the old ones
        return super.configure(req, json);
    }

    public synchronized EmbeddedKpis backend() throws IOException {
        if (backend == null) {
            backend = new EmbeddedKpis(storeConfig(), KpiSettings::defaults,
                    new Outbox(JenkinsFacade.dataDirectory().resolve("queue")), Clock.systemUTC());
        }
        return backend;
    }

    private StoreConfig storeConfig() {
        if (databaseUrl == null) {
            return StoreConfig.embedded(JenkinsFacade.dataDirectory());
        }
        String[] userAndPassword = null;
        for (StorePassword source : JenkinsFacade.passwordSources()) {
            userAndPassword = userAndPassword != null || credentialsId == null ? userAndPassword
                    : source.userAndPassword(credentialsId);
        }
        return userAndPassword == null ? StoreConfig.jdbc(databaseUrl, null, null)
                : StoreConfig.jdbc(databaseUrl, userAndPassword[0], userAndPassword[1]);
    }

    /** Storage changed: the next use opens the new store (queued events go there). */
    private synchronized void storageChanged() {
        if (backend != null) {
            backend.close();
            backend = null;
        }
        save();
    }

    public String getDatabaseUrl() {
        return databaseUrl;
    }

    @DataBoundSetter
    public void setDatabaseUrl(String databaseUrl) {
        this.databaseUrl = blankToNull(databaseUrl);
        storageChanged();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = blankToNull(credentialsId);
        storageChanged();
    }

    public String getControllerName() {
        return controllerName;
    }

    @DataBoundSetter
    public void setControllerName(String controllerName) {
        this.controllerName = blankToNull(controllerName);
        save();
    }

    public List<JobRule> getRules() {
        return rules == null ? List.of() : List.copyOf(rules);
    }

    /** Core's form of the rules, in order. */
    public List<PipelineRule> pipelineRules() {
        return getRules().stream().map(JobRule::rule).toList();
    }

    @DataBoundSetter
    public void setRules(List<JobRule> rules) {
        this.rules = rules == null ? new ArrayList<>() : new ArrayList<>(rules);
        save();
    }

    @POST
    public FormValidation doCheckDatabaseUrl(@QueryParameter String value) {
        JenkinsFacade.check(Access.required(Access.Operation.CHECK_FORM));
        if (value == null || value.isBlank()) {
            return FormValidation.ok(Messages.Configuration_EmbeddedStore(JenkinsFacade.dataDirectory()));
        }
        try {
            StoreConfig.jdbc(value.trim(), null, null);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    @POST
    public FormValidation doCheckPattern(@QueryParameter String value) {
        JenkinsFacade.check(Access.required(Access.Operation.CHECK_FORM));
        try {
            PipelineRule.compile(value == null ? "" : value.trim());
            return value == null || value.isBlank() ? FormValidation.error(Messages.Configuration_PatternRequired())
                    : FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        if (!JenkinsFacade.has(Access.required(Access.Operation.CONFIGURE))) {
            return new ListBoxModel();
        }
        List<StorePassword> sources = JenkinsFacade.passwordSources();
        return sources.isEmpty() ? new ListBoxModel() : sources.get(0).choices(credentialsId);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
