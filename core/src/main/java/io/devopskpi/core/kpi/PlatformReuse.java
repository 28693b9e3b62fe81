package io.devopskpi.core.kpi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes {@link ComponentReport}: an application uses the components of its latest SUCCESS deployment in the
 * window (the latest in scope, for the scope's counts; the latest of all, for "shared" and "newest", which are
 * properties of the environment and so are worked out once per read, whatever number of scopes it serves).
 */
final class PlatformReuse {
    private final List<DeploymentRecord> successes;
    /** Per deployment id, component name → version. */
    private final Map<String, Map<String, String>> components;
    /** Per component, the newest version any SUCCESS deployment of the window lists. */
    private final Map<String, String> newest = new HashMap<>();
    /** Per component, how many applications' latest SUCCESS deployment of the window lists it. */
    private final Map<String, Integer> usersInEnvironment = new HashMap<>();

    /**
     * @param successes  the environment's SUCCESS deployments in the window, in order
     * @param components per deployment id, component name → version
     */
    PlatformReuse(List<DeploymentRecord> successes, Map<String, Map<String, String>> components) {
        this.successes = successes;
        this.components = components;
        Map<String, DeploymentRecord> latest = new HashMap<>();
        for (DeploymentRecord d : successes) {
            latest.put(d.application(), d);
            componentsOf(d).forEach((name, version) -> newest.merge(name, version,
                    (a, b) -> ComponentVersion.ORDER.compare(a, b) >= 0 ? a : b));
        }
        for (DeploymentRecord d : latest.values()) {
            componentsOf(d).keySet().forEach(n -> usersInEnvironment.merge(n, 1, Integer::sum));
        }
    }

    /** The report of the scope the filter matches. */
    ComponentReport report(KpiQuery query, ScopeFilter filter) {
        return report(query, successes.stream().filter(filter::matches).toList());
    }

    /**
     * The scope's report.
     *
     * @param inScope the scope's SUCCESS deployments in the window, in order (those of the environment's that the
     *                scope's filter matches); the scope's applications are theirs (metrics.md: DELIVERY)
     */
    ComponentReport report(KpiQuery query, List<DeploymentRecord> inScope) {
        Map<String, DeploymentRecord> latestInScope = new HashMap<>();
        Set<String> scopeApps = new TreeSet<>();
        for (DeploymentRecord d : inScope) {
            latestInScope.put(d.application(), d);
            scopeApps.add(d.application());
        }
        Map<String, Map<String, Integer>> versions = new TreeMap<>();
        for (DeploymentRecord d : latestInScope.values()) {
            componentsOf(d).forEach((name, version) ->
                    versions.computeIfAbsent(name, n -> new TreeMap<>(ComponentVersion.ORDER)).merge(version, 1,
                            Integer::sum));
        }
        List<ComponentReport.ComponentUse> uses = new ArrayList<>();
        versions.forEach((name, byVersion) -> {
            int users = byVersion.values().stream().mapToInt(Integer::intValue).sum();
            int onNewest = byVersion.getOrDefault(newest.get(name), 0);
            uses.add(new ComponentReport.ComponentUse(name, users, byVersion, newest.get(name),
                    Statistics.rate(onNewest, users), usersInEnvironment.getOrDefault(name, 0) >= 2));
        });
        int sharing = 0;
        for (String application : scopeApps) {
            DeploymentRecord d = latestInScope.get(application);
            if (componentsOf(d).keySet().stream().anyMatch(n -> usersInEnvironment.getOrDefault(n, 0) >= 2)) {
                sharing++;
            }
        }
        return new ComponentReport(query, uses, Statistics.rate(sharing, scopeApps.size()), scopeApps.size());
    }

    private Map<String, String> componentsOf(DeploymentRecord d) {
        return components.getOrDefault(d.id(), Map.of());
    }
}
