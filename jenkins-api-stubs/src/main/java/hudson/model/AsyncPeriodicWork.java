package hudson.model;

import java.io.IOException;

/**
 * Stub: {@link #doRun()} runs {@link #execute(TaskListener)} on a new thread named after the work, as the real one
 * does (which also skips a run while the previous one is alive and writes the listener to a log file).
 */
public abstract class AsyncPeriodicWork extends PeriodicWork {
    public final String name;

    protected AsyncPeriodicWork(String name) {
        this.name = name;
    }

    @Override
    public final void doRun() {
        Thread thread = new Thread(() -> {
            try {
                execute(TaskListener.NULL);
            } catch (IOException | InterruptedException e) {
                java.util.logging.Logger.getLogger(AsyncPeriodicWork.class.getName())
                        .log(java.util.logging.Level.SEVERE, name + " failed", e);
            }
        }, name + " thread");
        thread.start();
    }

    protected abstract void execute(TaskListener listener) throws IOException, InterruptedException;
}
