package io.jenkins.plugins.devopskpi.steps;

import io.devopskpi.core.model.Deployment;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * A deployment the plugin queued for a run, kept with the run (build.xml) and shown in its {@code api/json}. Plain
 * fields, so Jenkins' XStream writes and reads it like any run action.
 */
@ExportedBean(defaultVisibility = 2)
public final class RecordedDeployment {
    private final String id;
    private final String application;
    private final String environment;
    private final String kind;
    private final String result;
    private final int changes;
    private final int components;
    /** {@code name@version} of each component, for the run's page; null in runs recorded before it was kept. */
    private final String componentList;

    RecordedDeployment(Deployment deployment) {
        this.id = deployment.id();
        this.application = deployment.application();
        this.environment = deployment.environment();
        this.kind = deployment.kind() == null ? null : deployment.kind().name();
        this.result = deployment.result() == null ? null : deployment.result().name();
        this.changes = deployment.changes().size();
        this.components = deployment.components().size();
        this.componentList = String.join(", ", deployment.components().stream()
                .map(c -> c.name() + "@" + c.version()).toList());
    }

    /** The application as a path segment of the dashboard's application page (URL-encoded). */
    public String getApplicationPath() {
        return java.net.URLEncoder.encode(application, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
                + ("production".equals(environment) ? "" : "?environment="
                + java.net.URLEncoder.encode(environment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** The components as the run's page lists them ({@code name@version, ...}); empty when none or not kept. */
    public String getComponentList() {
        return componentList == null ? "" : componentList;
    }

    /** The event id, as the read API's deployment lists name it. */
    @Exported
    public String getId() {
        return id;
    }

    @Exported
    public String getApplication() {
        return application;
    }

    @Exported
    public String getEnvironment() {
        return environment;
    }

    /** NORMAL, HOTFIX or ROLLBACK. */
    @Exported
    public String getKind() {
        return kind;
    }

    /** SUCCESS, FAILURE, UNSTABLE or ABORTED, as recorded (a step records the run's result so far). */
    @Exported
    public String getResult() {
        return result;
    }

    /** How many changes (commits) it shipped. */
    @Exported
    public int getChanges() {
        return changes;
    }

    /** How many platform components it used. */
    @Exported
    public int getComponents() {
        return components;
    }
}
