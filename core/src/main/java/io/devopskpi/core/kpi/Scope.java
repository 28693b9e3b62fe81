package io.devopskpi.core.kpi;

import java.util.Objects;

/** What a KPI query covers: everything, one application, one team or one supplier. */
public record Scope(Kind kind, String name) {
    public enum Kind { ALL, APPLICATION, TEAM, SUPPLIER }

    public Scope {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.ALL) {
            if (name != null) {
                throw new IllegalArgumentException("the scope of everything has no name: " + name);
            }
        } else if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " must not be blank: '" + name + "'");
        }
    }

    public static Scope all() {
        return new Scope(Kind.ALL, null);
    }

    public static Scope application(String name) {
        return new Scope(Kind.APPLICATION, name);
    }

    public static Scope team(String name) {
        return new Scope(Kind.TEAM, name);
    }

    public static Scope supplier(String name) {
        return new Scope(Kind.SUPPLIER, name);
    }

    /** The query parameter name of this scope ({@code application}, {@code team}, {@code supplier}), or null. */
    public String parameter() {
        return kind == Kind.ALL ? null : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
