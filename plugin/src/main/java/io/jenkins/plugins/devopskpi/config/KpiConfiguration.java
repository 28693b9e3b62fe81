package io.jenkins.plugins.devopskpi.config;

import hudson.Extension;
import hudson.init.Terminator;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.embedded.EventIntake;
import io.devopskpi.core.embedded.KpiReads;
import io.devopskpi.core.embedded.Patience;
import io.devopskpi.core.hooks.HookMappings;
import io.devopskpi.core.kpi.BandTableText;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.mapping.PipelineRule;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.remote.CentralServer;
import io.devopskpi.core.remote.ConnectionCheck;
import io.devopskpi.core.remote.RemoteKpis;
import io.devopskpi.core.store.Retention;
import io.devopskpi.core.store.StoreConfig;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import io.jenkins.plugins.devopskpi.Messages;
import io.jenkins.plugins.devopskpi.rules.JobRule;
import io.jenkins.plugins.devopskpi.steps.RunEvents;
import io.jenkins.plugins.devopskpi.ui.Access;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Storage (embedded H2 under JENKINS_HOME, a PostgreSQL URL with credentials, or a central devops-kpi server that
 * takes the events and answers the reads: {@link #reads()}, {@link #intake()}), the controller's name in event
 * ids, the rules that map jobs to applications, and the band table (core's {@link BandTableText}: one row per KPI,
 * blank for the default), the webhooks, and how long events are kept ({@link RetentionWork}). Editable on Manage Jenkins › System and as {@code unclassified: devopsKpi:} in
 * Configuration as Code.
 */
@Extension
@Symbol("devopsKpi")
public class KpiConfiguration extends GlobalConfiguration {
    /** How long "Test connection" waits for each answer of the central server. */
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(10);

    private String databaseUrl;
    private String credentialsId;
    private String controllerName;
    private List<JobRule> rules = new ArrayList<>();
    private String bandDeploymentDays;
    private String bandLeadTime;
    private String bandChangeFailurePercent;
    private String bandTimeToRestore;
    private String hookCredentialsId;
    private String hookMappings;
    private String retention;
    private String serverUrl;
    private String serverCredentialsId;
    private String serverReadCredentialsId;
    private transient EmbeddedKpis backend;
    /** The central server's side, when {@link #serverUrl} is set (then no local store is opened). */
    private transient RemoteKpis remote;
    private transient URI remoteUrl;
    /** The storage settings the backend's store was configured with: a save that keeps them keeps the store. */
    private transient List<String> backendStorage;

    /**
     * Loads the settings only: the store opens on first use, on whatever thread needs it (never during extension
     * loading, where a slow database would hold Jenkins' start-up), and the credentials are read then too.
     */
    public KpiConfiguration() {
        load();
    }

    public static KpiConfiguration get() {
        return JenkinsFacade.singleton(KpiConfiguration.class);
    }

    /**
     * Checks every band row before anything is bound, so a bad value is a form error on its field and leaves the
     * saved settings as they were (instead of a half-bound form and an error page).
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        checkBands(field -> json.optString(field, null));
        checkRetention(json.optString("retention", null));
        checkServerUrl(json.optString("serverUrl", null));
        rules = new ArrayList<>(); // a form without rules submits none, so nothing would clear the old ones
        return super.configure(req, json);
    }

    /** @throws FormException on the first band row whose submitted limits do not rise from elite to medium */
    static void checkBands(UnaryOperator<String> submitted) throws FormException {
        for (String field : BAND_FIELDS) {
            String value = submitted.apply(field);
            String problem = BandTableText.problem(field.equals("bandDeploymentDays") ? value : null,
                    field.equals("bandLeadTime") ? value : null, field.equals("bandChangeFailurePercent") ? value : null,
                    field.equals("bandTimeToRestore") ? value : null);
            if (problem != null) {
                throw new FormException(problem, field);
            }
        }
    }

    /** @throws FormException when the submitted server URL is neither blank nor an http or https URL */
    static void checkServerUrl(String submitted) throws FormException {
        if (submitted != null && !submitted.isBlank()) {
            try {
                CentralServer.url(submitted);
            } catch (IllegalArgumentException e) {
                throw new FormException(Messages.Configuration_ServerUrlInvalid(CentralServer.shown(submitted)),
                        "serverUrl");
            }
        }
    }

    /** @throws FormException when the submitted retention is neither blank nor an ISO-8601 period over zero */
    static void checkRetention(String submitted) throws FormException {
        try {
            retentionOf(submitted);
        } catch (IllegalArgumentException e) {
            throw new FormException(Messages.Configuration_RetentionInvalid(submitted), "retention");
        }
    }

    /**
     * The retention period of the setting's text: null (keep every event) when blank.
     *
     * @throws IllegalArgumentException when it is not an ISO-8601 period longer than zero (P2Y, P18M, P400D)
     */
    static Retention retentionOf(String text) {
        return text == null || text.isBlank() ? null : Retention.parse(text.trim());
    }

    private static final List<String> BAND_FIELDS = List.of("bandDeploymentDays", "bandLeadTime",
            "bandChangeFailurePercent", "bandTimeToRestore");

    /**
     * The backend: opened on first use, replaying what a restart left queued; when the storage settings changed
     * since (a form save or Configuration as Code), its store is switched, while its outbox and thread stay (one
     * outbox per folder, so two never write the same files).
     */
    public synchronized EmbeddedKpis backend() throws IOException {
        if (serverUrl != null) {
            throw new IOException(Messages.Configuration_NoLocalStore(serverUrl));
        }
        closeRemote();
        List<String> storage = storage();
        if (backend == null) {
            backend = new EmbeddedKpis(storeConfig(), this::settings,
                    new Outbox(JenkinsFacade.dataDirectory().resolve("queue")), Clock.systemUTC(), patience());
            backendStorage = storage;
        } else if (!storage.equals(backendStorage)) {
            backend.reconfigure(storeConfig());
            backendStorage = storage;
        }
        return backend;
    }

    /**
     * The central server's side: opened on first use over the same outbox folder (what a restart or the local mode
     * left queued goes to the server); a changed URL opens it anew, the outbox stays.
     */
    synchronized RemoteKpis remote() throws IOException {
        URI url = CentralServer.url(serverUrl);
        if (backend != null) { // switched from the local store: it is closed, its queue goes to the server
            backend.close();
            backend = null;
        }
        if (remote != null && !url.equals(remoteUrl)) {
            closeRemote();
        }
        if (remote == null) {
            remote = new RemoteKpis(new CentralServer(url, () -> secret(serverCredentialsId),
                    () -> secret(serverReadCredentialsId)), new Outbox(JenkinsFacade.dataDirectory().resolve(
                    "queue")), patience(), Clock.systemUTC());
            remoteUrl = url;
        }
        return remote;
    }

    private void closeRemote() {
        if (remote != null) {
            remote.close();
            remote = null;
            remoteUrl = null;
        }
    }

    /** Where pages, columns, widgets, forms and the gate step read: the central server when set, else the store. */
    public KpiReads reads() throws IOException {
        return serverUrl != null ? remote() : backend();
    }

    /** Where builds put their events: through the outbox to the central server when set, else to the store. */
    public EventIntake intake() throws IOException {
        return serverUrl != null ? remote() : backend();
    }

    /** The central server's URL, or null when this controller keeps its own store. */
    public String centralServer() {
        return serverUrl;
    }

    /** How long pages and builds wait for the store; system properties for the rare controller that needs more. */
    private static Patience patience() {
        Patience defaults = Patience.DEFAULT;
        return new Patience(millis("page", defaults.page()), millis("read", defaults.read()),
                millis("gate", defaults.gate()), millis("lookup", defaults.lookup()), millis("store", defaults.store()));
    }

    private static Duration millis(String name, Duration fallback) {
        Long value = Long.getLong(KpiConfiguration.class.getName() + ".patience." + name + "Millis");
        return value == null || value <= 0 ? fallback : Duration.ofMillis(value);
    }

    private List<String> storage() {
        return Arrays.asList(databaseUrl, credentialsId);
    }

    /** Closes the store when Jenkins stops, so the embedded database ends cleanly (queued events stay on disk). */
    @Terminator
    public static void closeStore() throws InterruptedException {
        RunEvents.awaitRecorder(Duration.ofSeconds(10));
        get().close();
    }

    synchronized void close() {
        if (backend != null) {
            backend.close();
            backend = null;
        }
        closeRemote();
    }

    /** Read on every KPI request, so an edited band table applies at once. */
    private KpiSettings settings() {
        KpiSettings defaults = KpiSettings.defaults();
        return new KpiSettings(defaults.failureIsFailedChange(), defaults.attributionHorizon(),
                BandTableText.parse(bandDeploymentDays, bandLeadTime, bandChangeFailurePercent, bandTimeToRestore));
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

    public String getDatabaseUrl() {
        return databaseUrl;
    }

    @DataBoundSetter
    public void setDatabaseUrl(String databaseUrl) {
        this.databaseUrl = blankToNull(databaseUrl);
        save(); // the next use of the backend switches to the new store
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = blankToNull(credentialsId);
        save();
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

    public String getBandDeploymentDays() {
        return bandDeploymentDays == null ? BandTableText.DEFAULT_DEPLOYMENT_DAYS : bandDeploymentDays;
    }

    /** @throws IllegalArgumentException when the limits do not rise from elite to medium */
    @DataBoundSetter
    public void setBandDeploymentDays(String limits) {
        this.bandDeploymentDays = checked(limits, BandTableText.problem(limits, null, null, null));
        save();
    }

    public String getBandLeadTime() {
        return bandLeadTime == null ? BandTableText.DEFAULT_LEAD_TIME : bandLeadTime;
    }

    @DataBoundSetter
    public void setBandLeadTime(String limits) {
        this.bandLeadTime = checked(limits, BandTableText.problem(null, limits, null, null));
        save();
    }

    public String getBandChangeFailurePercent() {
        return bandChangeFailurePercent == null ? BandTableText.DEFAULT_CHANGE_FAILURE_PERCENT
                : bandChangeFailurePercent;
    }

    @DataBoundSetter
    public void setBandChangeFailurePercent(String limits) {
        this.bandChangeFailurePercent = checked(limits, BandTableText.problem(null, null, limits, null));
        save();
    }

    public String getBandTimeToRestore() {
        return bandTimeToRestore == null ? BandTableText.DEFAULT_TIME_TO_RESTORE : bandTimeToRestore;
    }

    @DataBoundSetter
    public void setBandTimeToRestore(String limits) {
        this.bandTimeToRestore = checked(limits, BandTableText.problem(null, null, null, limits));
        save();
    }

    private static String checked(String limits, String problem) {
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return blankToNull(limits);
    }

    @POST
    public FormValidation doCheckBandDeploymentDays(@QueryParameter String value) {
        return checkBand(BandTableText.problem(value, null, null, null));
    }

    @POST
    public FormValidation doCheckBandLeadTime(@QueryParameter String value) {
        return checkBand(BandTableText.problem(null, value, null, null));
    }

    @POST
    public FormValidation doCheckBandChangeFailurePercent(@QueryParameter String value) {
        return checkBand(BandTableText.problem(null, null, value, null));
    }

    @POST
    public FormValidation doCheckBandTimeToRestore(@QueryParameter String value) {
        return checkBand(BandTableText.problem(null, null, null, value));
    }

    private static FormValidation checkBand(String problem) {
        JenkinsFacade.check(Access.required(Access.Operation.CHECK_FORM));
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
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

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        if (!JenkinsFacade.has(Access.required(Access.Operation.CONFIGURE))) {
            return new ListBoxModel();
        }
        List<StorePassword> sources = JenkinsFacade.passwordSources();
        return sources.isEmpty() ? new ListBoxModel() : sources.get(0).choices(credentialsId);
    }

    public String getHookCredentialsId() {
        return hookCredentialsId;
    }

    /** The secret-text credentials whose secret the alerting webhooks must present; none: the webhooks are off. */
    @DataBoundSetter
    public void setHookCredentialsId(String hookCredentialsId) {
        this.hookCredentialsId = blankToNull(hookCredentialsId);
        save();
    }

    /** The webhook token now (read on every call, so a changed credential applies at once); null when none. */
    public String hookToken() {
        return secret(hookCredentialsId);
    }

    /** The secret of these secret-text credentials now; null when none or no id. */
    private static String secret(String credentialsId) {
        for (SecretTexts source : JenkinsFacade.secretTexts()) {
            String secret = source.secret(credentialsId);
            if (secret != null) {
                return secret;
            }
        }
        return null;
    }

    public String getHookMappings() {
        return hookMappings;
    }

    /**
     * How alerts name their application and environment, as the server's {@code --hook-mapping} file
     * ({@code <tool>.application}, {@code <tool>.environment}, {@code <tool>.defaultEnvironment}, one per line).
     *
     * @throws IllegalArgumentException naming the key and value that cannot be used
     */
    @DataBoundSetter
    public void setHookMappings(String hookMappings) {
        parseMappings(hookMappings);
        this.hookMappings = blankToNull(hookMappings);
        save();
    }

    /** The alerting tools' mappings: the defaults with the configured keys replaced. */
    public HookMappings hookMappings() {
        return parseMappings(hookMappings);
    }

    private static HookMappings parseMappings(String text) {
        if (text == null || text.isBlank()) {
            return HookMappings.defaults();
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("hookMappings: " + e.getMessage(), e);
        }
        return HookMappings.parse(properties);
    }

    @POST
    public FormValidation doCheckHookMappings(@QueryParameter String value) {
        JenkinsFacade.check(Access.required(Access.Operation.CHECK_FORM));
        try {
            parseMappings(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    @POST
    public ListBoxModel doFillHookCredentialsIdItems(@QueryParameter String hookCredentialsId) {
        return secretTextChoices(hookCredentialsId);
    }

    public String getRetention() {
        return retention;
    }

    /**
     * How long events are kept, an ISO-8601 period such as {@code P2Y}; blank keeps everything. Applied by
     * {@link RetentionWork} soon after start and daily, never here.
     *
     * @throws IllegalArgumentException when it is not an ISO-8601 period longer than zero
     */
    @DataBoundSetter
    public void setRetention(String retention) {
        retentionOf(retention);
        this.retention = blankToNull(retention);
        save();
    }

    /** The retention period, or null to keep every event. */
    public Retention retention() {
        return retentionOf(retention);
    }

    @POST
    public FormValidation doCheckRetention(@QueryParameter String value) {
        JenkinsFacade.check(Access.required(Access.Operation.CHECK_FORM));
        return checkRetentionText(value);
    }

    /** The form check's answer, without the permission check. */
    static FormValidation checkRetentionText(String value) {
        try {
            Retention period = retentionOf(value);
            return period == null ? FormValidation.ok(Messages.Configuration_RetentionKeepAll())
                    : FormValidation.ok(Messages.Configuration_RetentionDeletes(period));
        } catch (IllegalArgumentException e) {
            return FormValidation.error(Messages.Configuration_RetentionInvalid(value));
        }
    }

    public String getServerUrl() {
        return serverUrl;
    }

    /**
     * The central devops-kpi server this controller sends its events to and reads its KPIs from; blank: the
     * controller keeps its own store (the storage settings above).
     *
     * @throws IllegalArgumentException naming the value when it is not an http or https URL
     */
    @DataBoundSetter
    public void setServerUrl(String serverUrl) {
        String url = blankToNull(serverUrl);
        this.serverUrl = url == null ? null : CentralServer.url(url).toString();
        save();
    }

    public String getServerCredentialsId() {
        return serverCredentialsId;
    }

    /** The secret-text credentials holding the central server's write token (or a named writer's token). */
    @DataBoundSetter
    public void setServerCredentialsId(String serverCredentialsId) {
        this.serverCredentialsId = blankToNull(serverCredentialsId);
        save();
    }

    public String getServerReadCredentialsId() {
        return serverReadCredentialsId;
    }

    /** The secret-text credentials holding the central server's read token; none: reads present the write token. */
    @DataBoundSetter
    public void setServerReadCredentialsId(String serverReadCredentialsId) {
        this.serverReadCredentialsId = blankToNull(serverReadCredentialsId);
        save();
    }

    @POST
    public FormValidation doCheckServerUrl(@QueryParameter String value) {
        JenkinsFacade.check(Access.required(Access.Operation.CHECK_FORM));
        return checkServerUrlText(value);
    }

    /** The form check's answer, without the permission check. */
    static FormValidation checkServerUrlText(String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok(Messages.Configuration_NoCentralServer());
        }
        try {
            return FormValidation.ok(Messages.Configuration_CentralServer(CentralServer.url(value)));
        } catch (IllegalArgumentException e) {
            return FormValidation.error(Messages.Configuration_ServerUrlInvalid(CentralServer.shown(value)));
        }
    }

    /**
     * Asks the server named in the form (not yet saved) whether it is up, takes the write token and lets the
     * reads pass; says what it found, naming the URL and statuses, never a token.
     */
    @POST
    public FormValidation doTestConnection(@QueryParameter String serverUrl, @QueryParameter String serverCredentialsId,
            @QueryParameter String serverReadCredentialsId) {
        JenkinsFacade.check(Access.required(Access.Operation.CONFIGURE));
        URI url;
        try {
            url = CentralServer.url(serverUrl);
        } catch (IllegalArgumentException e) {
            return FormValidation.error(Messages.Configuration_ServerUrlInvalid(CentralServer.shown(serverUrl)));
        }
        String write = blankToNull(serverCredentialsId);
        String read = blankToNull(serverReadCredentialsId);
        ConnectionCheck.Result result = ConnectionCheck.of(new CentralServer(url, () -> secret(write),
                () -> secret(read), CentralServer.CONNECT_TIMEOUT, TEST_TIMEOUT));
        return result.ok() ? FormValidation.ok(result.text()) : FormValidation.error(result.text());
    }

    @POST
    public ListBoxModel doFillServerCredentialsIdItems(@QueryParameter String serverCredentialsId) {
        return secretTextChoices(serverCredentialsId);
    }

    @POST
    public ListBoxModel doFillServerReadCredentialsIdItems(@QueryParameter String serverReadCredentialsId) {
        return secretTextChoices(serverReadCredentialsId);
    }

    private static ListBoxModel secretTextChoices(String currentId) {
        if (!JenkinsFacade.has(Access.required(Access.Operation.CONFIGURE))) {
            return new ListBoxModel();
        }
        List<SecretTexts> sources = JenkinsFacade.secretTexts();
        return sources.isEmpty() ? new ListBoxModel() : sources.get(0).choices(currentId);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
