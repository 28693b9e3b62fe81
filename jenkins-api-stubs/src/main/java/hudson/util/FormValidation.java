package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

/**
 * Stub bodies behave like the real ones where a plain test reads the result ({@link #kind}, the message), except
 * that the real {@code error/warning/ok(String)} also HTML-escape the message.
 */
public abstract class FormValidation extends IOException implements HttpResponse {
    public enum Kind {
        OK, WARNING, ERROR
    }

    private static final FormValidation OK = new FormValidation(Kind.OK) {
    };

    public final Kind kind;

    private FormValidation(Kind kind) {
        this.kind = kind;
    }

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    private static FormValidation of(Kind kind, String message) {
        return message == null ? OK : new FormValidation(kind, message) {
        };
    }

    public static FormValidation ok() {
        return OK;
    }

    public static FormValidation ok(String message) {
        return of(Kind.OK, message);
    }

    public static FormValidation warning(String message) {
        return of(Kind.WARNING, message);
    }

    public static FormValidation error(String message) {
        return of(Kind.ERROR, message);
    }
}
