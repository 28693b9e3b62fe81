package io.devopskpi.core.kpi;

import java.util.List;
import java.util.Map;

/**
 * Platform re-use (metrics.md): per component, how many of the scope's applications use it, on which versions,
 * and the share on the newest version of the environment; and the share of the scope's applications that use at
 * least one component shared by two or more applications of the environment (null when the scope has none).
 */
public record ComponentReport(KpiQuery query, List<ComponentUse> components, Double sharedComponentUse,
        int applications) {
    public ComponentReport {
        components = List.copyOf(components);
    }

    /** One component: applications using it, applications per version, the newest version and the share on it. */
    public record ComponentUse(String name, int applications, Map<String, Integer> versions, String newestVersion,
            Double onNewest, boolean shared) {
        public ComponentUse {
            // oldest version first, as PlatformReuse orders them
            versions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(versions));
        }
    }
}
