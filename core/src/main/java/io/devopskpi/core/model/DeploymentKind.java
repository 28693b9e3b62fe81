package io.devopskpi.core.model;

/** Why a deployment was made; HOTFIX and ROLLBACK mark the change before them as failed. */
public enum DeploymentKind {
    NORMAL, HOTFIX, ROLLBACK;

    public boolean isRemediation() {
        return this != NORMAL;
    }
}
