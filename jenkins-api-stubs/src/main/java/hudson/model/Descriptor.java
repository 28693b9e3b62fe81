package hudson.model;

public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor() {
    }

    protected Descriptor(Class<? extends T> clazz) {
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public synchronized void load() {
        throw new UnsupportedOperationException();
    }

    public synchronized void save() {
        throw new UnsupportedOperationException();
    }

    public static final class FormException extends Exception {
        public FormException(String message, String formField) {
            super(message);
        }
    }
}
