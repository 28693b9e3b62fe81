package io.devopskpi.core.governance;

import io.devopskpi.core.model.ContractTarget;

/** A contract target judged over one window: the actual value and sample size, and the verdict. */
public record TargetVerdict(ContractTarget target, MetricValue actual, ContractVerdict verdict) {
}
