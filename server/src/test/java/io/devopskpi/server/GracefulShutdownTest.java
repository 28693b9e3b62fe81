package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConfig;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: SIGTERM dropped a request in flight (the client got no answer although the server logged 200). The
 * real server as a child process: a {@code POST /api/v1/events} whose body arrives in two parts is being read when
 * SIGTERM arrives; the server stops accepting (a new connection is refused), lets the request finish, answers it
 * 200 in full, closes the store and exits 0 within the shutdown grace; the event is in the store afterwards.
 */
class GracefulShutdownTest {
    private static final String TOKEN = "graceful-write-token";
    private static final int GRACE_SECONDS = 10;

    @TempDir
    Path folder;

    @Test
    void aRequestInFlightAtSigtermIsAnsweredInFullAndStoredAndTheServerExitsWithinTheGrace() throws Exception {
        Path data = folder.resolve("data");
        Process server = start(data);
        try {
            int port = listeningPort(server);
            String body = "[{\"type\":\"deployment\",\"id\":\"in-flight\",\"application\":\"shop\","
                    + "\"environment\":\"production\",\"started\":\"2026-01-05T10:00:00Z\","
                    + "\"finished\":\"2026-01-05T10:07:00Z\",\"result\":\"SUCCESS\"}]";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            int half = bytes.length / 2;
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                client.setSoTimeout(30_000);
                OutputStream out = client.getOutputStream();
                out.write(("POST /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, 0, half);
                out.flush();
                Thread.sleep(1_000); // the handler is reading the body: the request is in flight

                long sigterm = System.nanoTime();
                server.destroy(); // SIGTERM
                assertThat(refusesNewConnections(port)).as("a new connection after SIGTERM is refused").isTrue();

                out.write(bytes, half, bytes.length - half);
                out.flush();
                String answer = readAnswer(client.getInputStream());
                assertThat(answer).startsWith("HTTP/1.1 200 ");
                JsonObject json = JsonParser.parseString(answer.substring(answer.indexOf("\r\n\r\n") + 4))
                        .getAsJsonObject();
                assertThat(json.get("accepted").getAsInt()).isEqualTo(1);

                assertThat(server.waitFor(GRACE_SECONDS + 20, TimeUnit.SECONDS)).isTrue();
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sigterm);
                assertThat(seconds).as("exits within the grace (and a margin for a loaded machine)")
                        .isLessThan(GRACE_SECONDS + 20);
                assertThat(server.exitValue()).isZero();
            }
        } finally {
            server.destroyForcibly();
        }

        try (Store store = Store.open(StoreConfig.embedded(data))) {
            assertThat(new EventReader(store).findDeployment("in-flight")).isPresent();
        }
    }

    private Process start(Path data) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0",
                "--data", data.toString(), "--shutdown-grace", GRACE_SECONDS + "s"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(folder.resolve("server.log").toFile()));
        builder.environment().put(Main.TOKEN_VARIABLE, TOKEN);
        return builder.start();
    }

    /** Reads the server's standard output up to its URL and keeps draining it. */
    private static int listeningPort(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        String prefix = "devops-kpi server listening on http://127.0.0.1:";
        String line;
        while ((line = out.readLine()) != null && !line.startsWith(prefix)) {
            // the lines before the URL
        }
        assertThat(line).as("the server's URL line").isNotNull();
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the process ended
            }
        }, "graceful-stdout");
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(line.substring(prefix.length(), line.indexOf('/', prefix.length())));
    }

    /** Whether connecting is refused within 10 s of SIGTERM (the listener closed). */
    private static boolean refusesNewConnections(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            } catch (ConnectException refused) {
                return true;
            } catch (IOException other) {
                // a timeout: try again
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The whole answer: status line, headers and the body of its Content-Length. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String text = head.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n")) {
                int length = 0;
                for (String header : text.split("\r\n")) {
                    if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring("content-length:".length()).strip());
                    }
                }
                return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
