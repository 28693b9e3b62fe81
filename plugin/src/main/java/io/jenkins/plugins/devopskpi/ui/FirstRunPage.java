package io.jenkins.plugins.devopskpi.ui;

import io.jenkins.plugins.devopskpi.Messages;

/**
 * What {@code /devops-kpi/} shows while the store holds no event at all: the three ways to get data (job rules,
 * Pipeline steps, the history import) instead of an empty dashboard, and the unmapped alerts the webhooks
 * received. Immutable: {@link KpiRootAction} makes one per view.
 */
public final class FirstRunPage {
    private final long unmappedAlerts;
    private final boolean administrator;

    FirstRunPage(long unmappedAlerts, boolean administrator) {
        this.unmappedAlerts = unmappedAlerts;
        this.administrator = administrator;
    }

    public String getDisplayName() {
        return Messages.RootAction_DisplayName();
    }

    /** Unmapped alerts the webhooks received since Jenkins started (every receipt counted). */
    public long getUnmappedAlerts() {
        return unmappedAlerts;
    }

    /** Administrators get the links to the configuration and the history import. */
    public boolean isAdministrator() {
        return administrator;
    }
}
