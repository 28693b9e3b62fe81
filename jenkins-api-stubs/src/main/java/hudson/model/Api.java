package hudson.model;

/** Serves an {@code @ExportedBean} as {@code api/json}, {@code api/xml}; the stub only keeps the bean. */
public class Api {
    public final Object bean;

    public Api(Object bean) {
        this.bean = bean;
    }
}
