package io.jenkins.plugins.devopskpi.behaviour;

import io.jenkins.plugins.devopskpi.ui.KpiReader;
import java.util.List;
import java.util.Set;

/**
 * A reader of the permission tables as a row of Jenkins permissions: Overall/Read, Overall/Administer (which implies
 * the rest), Item/Read on the named jobs; and the names (applications, jobs) it may not see in any answer.
 */
record Reader(String name, boolean overall, boolean admin, Set<String> jobs, List<String> hidden)
        implements KpiReader {
    @Override
    public boolean mayReadOverall() {
        return overall || admin;
    }

    @Override
    public boolean isAdministrator() {
        return admin;
    }

    @Override
    public boolean mayReadJob(String fullName) {
        return admin || jobs.contains(fullName);
    }

    @Override
    public String toString() {
        return name;
    }
}
