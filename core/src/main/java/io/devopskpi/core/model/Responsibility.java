package io.devopskpi.core.model;

/** What a supplier or team is responsible for on an application: building it, running it, or both. */
public enum Responsibility {
    DELIVERY, OPERATIONS, BOTH;

    public boolean coversDelivery() {
        return this != OPERATIONS;
    }

    public boolean coversOperations() {
        return this != DELIVERY;
    }

    /** Whether two assignments of these responsibilities would both cover delivery or both cover operations. */
    public boolean sharesWith(Responsibility other) {
        return coversDelivery() && other.coversDelivery() || coversOperations() && other.coversOperations();
    }

    /** The responsibility a stored text names, or null for one this version does not know (read, never refuse). */
    public static Responsibility parse(String text) {
        for (Responsibility responsibility : values()) {
            if (responsibility.name().equals(text)) {
                return responsibility;
            }
        }
        return null;
    }
}
