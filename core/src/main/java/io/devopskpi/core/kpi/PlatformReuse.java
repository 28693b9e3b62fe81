package io.devopskpi.core.kpi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes {@link ComponentReport}: an application uses the components of its latest SUCCESS deployment in the
 * window (the latest in scope, for the scope's counts; the latest of all, for "shared" and "newest", which are
 * properties of the environment).
 */
final class PlatformReuse {
    private PlatformReuse() {
    }

    /**
     * @param successes      the environment's SUCCESS deployments in the window, in order
     * @param components     per deployment id, component name → version
     * @param scopeApps      the scope's applications (as for availability)
     */
    static ComponentReport of(KpiQuery query, List<DeploymentRecord> successes,
            Map<String, Map<String, String>> components, ScopeFilter scope, Set<String> scopeApps) {
        Map<String, DeploymentRecord> latest = new HashMap<>();
        Map<String, DeploymentRecord> latestInScope = new HashMap<>();
        Map<String, String> newest = new HashMap<>();
        for (DeploymentRecord d : successes) {
            latest.put(d.application(), d);
            if (scope.matches(d)) {
                latestInScope.put(d.application(), d);
            }
            components.getOrDefault(d.id(), Map.of()).forEach((name, version) -> newest.merge(name, version,
                    (a, b) -> ComponentVersion.ORDER.compare(a, b) >= 0 ? a : b));
        }
        Map<String, Integer> usersInEnvironment = new HashMap<>();
        for (DeploymentRecord d : latest.values()) {
            components.getOrDefault(d.id(), Map.of()).keySet().forEach(n -> usersInEnvironment.merge(n, 1, Integer::sum));
        }
        Map<String, Map<String, Integer>> versions = new TreeMap<>();
        for (DeploymentRecord d : latestInScope.values()) {
            components.getOrDefault(d.id(), Map.of()).forEach((name, version) ->
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
            if (d != null && components.getOrDefault(d.id(), Map.of()).keySet().stream()
                    .anyMatch(n -> usersInEnvironment.getOrDefault(n, 0) >= 2)) {
                sharing++;
            }
        }
        return new ComponentReport(query, uses, Statistics.rate(sharing, scopeApps.size()), scopeApps.size());
    }
}
