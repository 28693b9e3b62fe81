package io.devopskpi.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A plain blocking HTTP/1.1 client on one kept-alive connection, for {@link ScaleBenchmark}'s single-event ingest:
 * it writes a request and reads the answer on the calling thread, as curl or a CI job's sender does, so the time it
 * measures is the server's and the loopback's. The JDK's {@code java.net.http.HttpClient} hands every exchange
 * between the caller, its selector thread and its executor; on two cores shared with the server those hand-offs
 * alone put its p99 at 5–6 ms on an in-memory store (docs/performance.md), so the benchmark reports both.
 */
final class KeepAliveSender implements Closeable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;

    KeepAliveSender(URI base) throws IOException {
        socket = new Socket(base.getHost(), base.getPort());
        socket.setTcpNoDelay(true);
        out = new BufferedOutputStream(socket.getOutputStream());
        in = new BufferedInputStream(socket.getInputStream());
        host = base.getHost() + ":" + base.getPort();
    }

    /** POSTs {@code body} to {@code path}; answers the status, after reading the whole answer. */
    int post(String path, String bearer, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + bearer
                + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        String status = line();
        int length = -1;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring("content-length:".length()).trim());
            }
        }
        if (length < 0) {
            throw new IOException("an answer without Content-Length: " + status);
        }
        in.readNBytes(length);
        return Integer.parseInt(status.split(" ")[1]);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
