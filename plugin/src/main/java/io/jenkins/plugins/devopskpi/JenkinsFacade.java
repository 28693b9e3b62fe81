package io.jenkins.plugins.devopskpi;

import hudson.ExtensionList;
import hudson.model.Item;
import hudson.model.Job;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import io.jenkins.plugins.devopskpi.config.SecretTexts;
import io.jenkins.plugins.devopskpi.config.StorePassword;
import io.jenkins.plugins.devopskpi.ui.Access;
import io.jenkins.plugins.devopskpi.ui.KpiReader;
import java.nio.file.Path;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/** The one place that talks to {@link Jenkins#get()} (ArchUnit keeps it so): the rest asks this facade. */
public final class JenkinsFacade {
    private JenkinsFacade() {
    }

    /** {@code JENKINS_HOME/devops-kpi}: the embedded store and the event queue live below it. */
    public static Path dataDirectory() {
        return Jenkins.get().getRootDir().toPath().resolve("devops-kpi");
    }

    /** Jenkins' own URL, or null when it does not know it (not configured, and no request to take it from). */
    public static String rootUrl() {
        return Jenkins.get().getRootUrl();
    }

    /** @throws org.springframework.security.access.AccessDeniedException without Overall/Read or Administer */
    public static void check(Access access) {
        Jenkins.get().checkPermission(permission(access));
    }

    public static boolean has(Access access) {
        return Jenkins.get().hasPermission(permission(access));
    }

    /**
     * On the item a form belongs to (a job's Pipeline Syntax page), or on Jenkins when there is none (the global
     * Pipeline Syntax page). @throws org.springframework.security.access.AccessDeniedException without it
     */
    public static void check(Item item, Access access) {
        if (item == null) {
            check(access);
        } else {
            item.checkPermission(permission(access));
        }
    }

    /** Like {@link #check(Item, Access)}, answering instead of throwing. */
    public static boolean has(Item item, Access access) {
        return item == null ? has(access) : item.hasPermission(permission(access));
    }

    /** Whether the current user may see the item (and so its KPIs). */
    public static boolean canRead(AccessControlled item) {
        return item.hasPermission(Item.READ);
    }

    /**
     * Whether the current user may read the job of this full name. Looked up as SYSTEM, because Jenkins hides an
     * unreadable item as if it did not exist; a job that does not exist (another CI's pipeline, or deleted) has
     * nothing left to protect.
     */
    public static boolean mayReadJob(String fullName) {
        Item item;
        try (ACLContext system = ACL.as2(ACL.SYSTEM2)) {
            item = Jenkins.get().getItemByFullName(fullName, Item.class);
        }
        return item == null || canRead(item);
    }

    /**
     * The current user's permissions, as Jenkins grants them. The user is taken now and each check runs as that
     * user, so the reader gives the same answers on the background thread that asks the store with a time limit
     * (Jenkins keeps the user in a thread-local).
     */
    public static KpiReader reader() {
        Authentication user = Jenkins.getAuthentication2();
        return new KpiReader() {
            @Override
            public boolean mayReadOverall() {
                try (ACLContext as = ACL.as2(user)) {
                    return has(Access.OVERALL_READ);
                }
            }

            @Override
            public boolean isAdministrator() {
                try (ACLContext as = ACL.as2(user)) {
                    return has(Access.ADMINISTER);
                }
            }

            @Override
            public boolean mayReadJob(String fullName) {
                try (ACLContext as = ACL.as2(user)) {
                    return JenkinsFacade.mayReadJob(fullName);
                }
            }
        };
    }

    /** Every job of the controller, in folders too, as the current user may see them. */
    @SuppressWarnings("rawtypes")
    public static Iterable<Job> allJobs() {
        return Jenkins.get().allItems(Job.class);
    }

    /** The job of this full name, as the current user may see it; null when there is none. */
    public static Job<?, ?> job(String fullName) {
        return Jenkins.get().getItemByFullName(fullName, Job.class);
    }

    /** The task's answer as SYSTEM: on a background thread started by an administrator (the history import). */
    public static <T> T asSystem(java.util.function.Supplier<T> task) {
        try (ACLContext system = ACL.as2(ACL.SYSTEM2)) {
            return task.get();
        }
    }

    public static List<SecretTexts> secretTexts() {
        return Jenkins.get().getExtensionList(SecretTexts.class);
    }

    public static List<StorePassword> passwordSources() {
        return Jenkins.get().getExtensionList(StorePassword.class);
    }

    /** The root item group, for lookups (credentials) that need one. */
    public static Jenkins root() {
        return Jenkins.get();
    }

    public static <T> T singleton(Class<T> type) {
        return ExtensionList.lookupSingleton(type);
    }

    private static Permission permission(Access access) {
        return switch (access) {
            case OVERALL_READ -> Jenkins.READ;
            case ITEM_READ -> Item.READ;
            case ITEM_CONFIGURE -> Item.CONFIGURE;
            case ADMINISTER -> Jenkins.ADMINISTER;
        };
    }
}
