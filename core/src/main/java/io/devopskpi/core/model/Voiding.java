package io.devopskpi.core.model;

import java.util.Locale;

/**
 * Voids a deployment or incident recorded by mistake, or restores one ({@code unvoid}): api.md, "Void". The target
 * stays stored, marked with the reason, who voided it and when, and drops out of every KPI; lists show it marked.
 * Every void and unvoid is kept in the audit trail. {@code by} is optional.
 */
public record Voiding(Action action, TargetType targetType, String targetId, String reason, String by)
        implements Event {

    /** What the event does to its target. */
    public enum Action {
        VOID, UNVOID;

        /** The event's {@code type}: {@code void} or {@code unvoid}. */
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a void can name. */
    public enum TargetType {
        DEPLOYMENT, INCIDENT;

        /** As api.md writes it: {@code deployment} or {@code incident}. */
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Voiding {
        String event = (action == null ? "void" : action.apiName()) + " of "
                + (targetType == null ? "?" : targetType.apiName()) + " " + Checks.quote(targetId);
        Checks.present(action, "type", event);
        Checks.present(targetType, "target.type", event);
        targetId = Checks.required(targetId, "target.id", event, Checks.MAX_ID);
        reason = Checks.required(reason, "reason", event, Checks.MAX_TEXT);
        by = Checks.optional(by, "by", event, Checks.MAX_NAME);
    }

    @Override
    public String describe() {
        return action.apiName() + " of " + targetType.apiName() + " " + Checks.quote(targetId);
    }

    /** The target's application is known only to the store. */
    @Override
    public String application() {
        return null;
    }
}
