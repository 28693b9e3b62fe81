package io.devopskpi.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients that send a request's headers one byte at a time and never finish them (issue 13: 260 such clients held
 * the server until they left). One thread writes the next byte to every client in turn, then pauses; a client the
 * server closes (end of stream or reset) counts as cut off. {@code SlowClientsTest} holds 1,000 of them in the
 * build; {@code scripts/slow-clients.sh} runs {@link #main} at a larger scale against the server as a process.
 */
final class SlowClients implements AutoCloseable {
    private static final byte[] HEAD = ("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
            + "a".repeat(1_000_000)).getBytes(StandardCharsets.US_ASCII);

    private final Queue<SocketChannel> open = new ConcurrentLinkedQueue<>();
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger cutOff = new AtomicInteger();
    private final Thread trickler;
    private volatile boolean running = true;

    private SlowClients(InetSocketAddress server, int count, Duration pause) throws IOException {
        trickler = new Thread(() -> trickle(pause), "slow-clients");
        trickler.setDaemon(true);
        trickler.start();
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open(server);
            channel.configureBlocking(false);
            held.incrementAndGet();
            open.add(channel);
        }
    }

    /**
     * Connects {@code count} clients one after the other and returns once all are connected; from its connection on,
     * each gets the next byte of its headers every {@code pause}.
     */
    static SlowClients open(InetSocketAddress server, int count, Duration pause) throws IOException {
        return new SlowClients(server, count, pause);
    }

    /** Clients still connected. */
    int held() {
        return held.get();
    }

    /** Clients the server has closed. */
    int cutOff() {
        return cutOff.get();
    }

    private void trickle(Duration pause) {
        ByteBuffer in = ByteBuffer.allocate(4_096);
        Map<SocketChannel, Integer> sent = new HashMap<>();
        while (running) {
            for (Iterator<SocketChannel> it = open.iterator(); it.hasNext();) {
                SocketChannel channel = it.next();
                int position = sent.merge(channel, 1, Integer::sum) - 1;
                try {
                    in.clear();
                    // an answer (such as 408 or 431) or the end of the stream: the server is done with it
                    if (channel.read(in) != 0) {
                        throw new IOException("closed by the server");
                    }
                    channel.write(ByteBuffer.wrap(HEAD, position % HEAD.length, 1));
                } catch (IOException closed) {
                    it.remove();
                    sent.remove(channel);
                    close(channel);
                    held.decrementAndGet();
                    cutOff.incrementAndGet();
                }
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        trickler.interrupt();
        trickler.join(TimeUnit.SECONDS.toMillis(30));
        open.forEach(SlowClients::close);
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** The slowest of {@code probes} health requests, one after the other; fails on anything but 200. */
    static Duration slowestHealth(URI health, int probes) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
        Duration slowest = Duration.ZERO;
        for (int i = 0; i < probes; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(20))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("health answered " + answer.statusCode() + ": " + answer.body());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            slowest = took.compareTo(slowest) > 0 ? took : slowest;
        }
        return slowest;
    }

    /**
     * {@code SlowClients [CLIENTS [MAX_CONNECTIONS]]}: the server as a child process on a fresh store in a temporary
     * folder (the default limits, {@code --max-connections} when given), {@code CLIENTS} slow clients (default
     * 5,000) each sending a byte of its headers every second, health probed 20 times while they are held, then the
     * time until the header timeout has cut them all off. Prints the figures; exit status 1 when a health probe
     * failed or clients were never cut off.
     */
    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        Path folder = Files.createTempDirectory("devops-kpi-slow-clients-");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0",
                "--data", folder.resolve("data").toString()));
        if (args.length > 1) {
            command.addAll(List.of("--max-connections", args[1]));
        }
        Process server = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(folder.resolve("server.log").toFile())).start();
        int status = 1;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            String prefix = "devops-kpi server listening on http://127.0.0.1:";
            String line;
            while ((line = out.readLine()) != null && !line.startsWith(prefix)) {
                // the lines before the URL
            }
            if (line == null) {
                throw new IllegalStateException("the server exited before listening; see " + folder);
            }
            int port = Integer.parseInt(line.substring(prefix.length(), line.indexOf('/', prefix.length())));
            URI health = URI.create("http://127.0.0.1:" + port + "/api/v1/health");
            System.out.printf("server on port %d, store and log in %s%n", port, folder);
            System.out.println("health before, slowest of 20: " + slowestHealth(health, 20).toMillis() + " ms");
            long start = System.nanoTime();
            try (SlowClients slow = open(new InetSocketAddress("127.0.0.1", port), clients, Duration.ofSeconds(1))) {
                System.out.printf("slow clients connected: %d in %d ms%n", slow.held(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                Duration slowest = slowestHealth(health, 20);
                System.out.printf("health while %d slow clients are held, slowest of 20: %d ms%n", slow.held(),
                        slowest.toMillis());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (slow.held() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                System.out.printf("cut off by the header timeout: %d of %d, all within %d s of connecting%n",
                        slow.cutOff(), clients, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
                status = slow.held() == 0 ? 0 : 1;
            }
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
        System.exit(status);
    }
}
