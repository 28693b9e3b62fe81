package io.jenkins.plugins.devopskpi.ui;

/**
 * What the current user may do, as far as reading KPIs goes: the facade answers with Jenkins permissions, tests
 * with a table. A job that Jenkins does not know (another CI's pipeline, or deleted) is readable: nothing is left
 * to protect.
 */
public interface KpiReader {
    /** Overall/Read. */
    boolean mayReadOverall();

    /** Overall/Administer, which implies every other permission. */
    boolean isAdministrator();

    /** Item/Read on the job of this full name. */
    boolean mayReadJob(String fullName);
}
