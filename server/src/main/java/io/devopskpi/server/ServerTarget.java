package io.devopskpi.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The running server a command talks to: {@code --server URL} and {@code --token-file F} (a picocli mixin). */
final class ServerTarget {
    static final String DEFAULT_SERVER = "http://127.0.0.1:8080";

    @Option(names = "--server", paramLabel = "URL", description = "the devops-kpi server (default " + DEFAULT_SERVER
            + ")")
    private String server = DEFAULT_SERVER;

    @Option(names = "--token-file", paramLabel = "F", description = "a file holding the token to present")
    private Path tokenFile;

    /** The server's base URL without a trailing slash. */
    String server() {
        return server.replaceAll("/+$", "");
    }

    boolean hasToken() {
        return tokenFile != null;
    }

    /** The token file's content without its final line break; null without {@code --token-file}. */
    String token() {
        if (tokenFile == null) {
            return null;
        }
        try {
            return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --token-file " + tokenFile + ": " + e.getMessage());
        }
    }
}
