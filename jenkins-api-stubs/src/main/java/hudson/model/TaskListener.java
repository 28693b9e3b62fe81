package hudson.model;

import java.io.OutputStream;
import java.io.PrintStream;

public interface TaskListener {
    TaskListener NULL = () -> new PrintStream(OutputStream.nullOutputStream());

    PrintStream getLogger();
}
