package io.devopskpi.core.model;

/**
 * A record kept per key and in force over a period: assignments and contract targets. A re-send with the same key
 * replaces it; two records of different keys that would both be in force for the same thing may not overlap.
 */
public interface EffectiveDated<T> {
    /** Whether the other has this one's key, so a re-send of it replaces this one. */
    boolean sameKey(T other);

    /** Whether both would be in force, for the same thing, at some instant. */
    boolean overlaps(T other);
}
