package io.devopskpi.core.store;

import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.model.ReviewPeriod;
import java.util.Optional;

/**
 * The constants a row stores as text, read tolerantly. A newer version sharing the database may store a constant
 * this version does not know (a new deployment result or kind, a new responsibility); a read never fails on it,
 * it degrades as api.md says ("Stored values this version does not know"): lists show {@link #UNKNOWN}, the KPIs
 * count an unknown result as a run that did not deploy and an unknown kind as NORMAL, and an assignment or target
 * whose constant is unknown is left out.
 */
public final class StoredValues {
    /** How answers show a stored constant this version does not know. */
    public static final String UNKNOWN = "UNKNOWN";

    private StoredValues() {
    }

    /** The stored result, or empty when this version does not know it. */
    public static Optional<DeploymentResult> result(String stored) {
        return constant(DeploymentResult.class, stored);
    }

    /** The stored kind, or empty when this version does not know it. */
    public static Optional<DeploymentKind> kind(String stored) {
        return constant(DeploymentKind.class, stored);
    }

    /** The stored responsibility, or empty when this version does not know it. */
    public static Optional<Responsibility> responsibility(String stored) {
        return constant(Responsibility.class, stored);
    }

    /** The stored review period, or empty when this version does not know it. */
    public static Optional<ReviewPeriod> reviewPeriod(String stored) {
        return constant(ReviewPeriod.class, stored);
    }

    /**
     * The result as the KPIs count it: an unknown result is a run that did not deploy (like ABORTED: not a change,
     * restores nothing, skipped when looking for the next deployment), since what it means is not known here.
     */
    public static DeploymentResult countedResult(String stored) {
        return result(stored).orElse(DeploymentResult.ABORTED);
    }

    /** The kind as the KPIs count it: an unknown kind is NORMAL, so it marks no earlier deployment as failed. */
    public static DeploymentKind countedKind(String stored) {
        return kind(stored).orElse(DeploymentKind.NORMAL);
    }

    private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(stored)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
