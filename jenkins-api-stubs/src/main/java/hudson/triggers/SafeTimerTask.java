package hudson.triggers;

import java.util.TimerTask;

/** Stub: {@link #run()} runs {@link #doRun()} and, as the real one, never lets an exception end the timer. */
public abstract class SafeTimerTask extends TimerTask {
    @Override
    public final void run() {
        try {
            doRun();
        } catch (Exception e) {
            java.util.logging.Logger.getLogger(SafeTimerTask.class.getName()).log(java.util.logging.Level.SEVERE,
                    "Timer task " + this + " failed", e);
        }
    }

    protected abstract void doRun() throws Exception;
}
