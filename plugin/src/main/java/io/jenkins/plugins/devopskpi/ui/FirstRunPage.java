package io.jenkins.plugins.devopskpi.ui;

import io.jenkins.plugins.devopskpi.Messages;

/**
 * What {@code /devops-kpi/} shows while the store (or the central server) holds no data at all: the three ways to
 * get data (job rules, Pipeline steps, the history import) instead of an empty dashboard, and the unmapped alerts
 * the webhooks received; with a central server, where its import and its webhooks are instead. Immutable:
 * {@link KpiRootAction} makes one per view.
 */
public final class FirstRunPage {
    private final long unmappedAlerts;
    private final boolean administrator;
    private final boolean centralServer;

    FirstRunPage(long unmappedAlerts, boolean administrator) {
        this(unmappedAlerts, administrator, false);
    }

    FirstRunPage(long unmappedAlerts, boolean administrator, boolean centralServer) {
        this.unmappedAlerts = unmappedAlerts;
        this.administrator = administrator;
        this.centralServer = centralServer;
    }

    public String getDisplayName() {
        return Messages.RootAction_DisplayName();
    }

    /** Unmapped alerts the webhooks received since Jenkins started (every receipt counted). */
    public long getUnmappedAlerts() {
        return unmappedAlerts;
    }

    /**
     * Whether the controller reports to a central server: the history import and the webhooks are the server's
     * then (this controller has no store to import into).
     */
    public boolean isCentralServer() {
        return centralServer;
    }

    /** Administrators get the links to the configuration and the history import. */
    public boolean isAdministrator() {
        return administrator;
    }
}
