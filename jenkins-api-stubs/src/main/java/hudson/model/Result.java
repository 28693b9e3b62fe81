package hudson.model;

import java.io.Serializable;

public final class Result implements Serializable {
    public static final Result SUCCESS = new Result();
    public static final Result UNSTABLE = new Result();
    public static final Result FAILURE = new Result();
    public static final Result NOT_BUILT = new Result();
    public static final Result ABORTED = new Result();

    private Result() {
    }

    public boolean isWorseThan(Result that) {
        throw new UnsupportedOperationException();
    }

    public boolean isBetterThan(Result that) {
        throw new UnsupportedOperationException();
    }

    public boolean isBetterOrEqualTo(Result that) {
        throw new UnsupportedOperationException();
    }
}
