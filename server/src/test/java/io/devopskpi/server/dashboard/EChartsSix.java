package io.devopskpi.server.dashboard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * ECharts 6.0.0's UMD build ({@code dist/echarts.min.js}), the version the echarts-api plugin ships at the
 * Jenkins BOM's version: no Maven artifact has it, so it comes from the npm package's tarball ({@code npm pack},
 * the machine's npm and its registry), once per machine into a cache folder ({@code ~/.cache/devops-kpi}, or the
 * system property {@code devops-kpi.cache}).
 *
 * <p>Fetched here rather than by scripts/test-all.sh: the test then runs the same under {@code mvn verify}, an IDE
 * or CI, needs no tar, and the integrity checks live beside the test that relies on them. The
 * tarball must match the registry's published {@code dist.integrity} and the extracted file its own SHA-512, both
 * pinned below; a cached file is checked again on every use. Anything else fails the test, never skips it.
 */
final class EChartsSix {
    static final String VERSION = "6.0.0";
    static final String PACKAGE = "echarts@" + VERSION;
    /** The npm registry's {@code dist.integrity} of echarts 6.0.0 (SHA-512 of the tarball, base64). */
    static final String TARBALL_INTEGRITY =
            "sha512-Tte/grDQRiETQP4xz3iZWSvoHrkCQtwqd6hs+mifXcjrCuo2iKWbajFObuLJVBlDIJlOzgQPd1hsaKt/3+OMkQ==";
    static final String ENTRY = "package/dist/echarts.min.js";
    /** SHA-512 (hex) of {@link #ENTRY} in that tarball. */
    static final String FILE_SHA512 = "e3f83d18074e753a543f698a0a5a4ab04cda2bb150360323abe368d2b5fc5d99"
            + "5fac21ad6e2e2bf93fe9e5f9da72c102df320098728b2542fbb21dffc9503839";

    private EChartsSix() {
    }

    /** The verified bytes of ECharts 6.0.0's echarts.min.js, from the cache or else the registry. */
    static byte[] minJs() {
        Path cached = cacheFolder().resolve("echarts-" + VERSION + ".min.js");
        try {
            if (Files.isRegularFile(cached)) {
                byte[] bytes = Files.readAllBytes(cached);
                if (FILE_SHA512.equals(HexFormat.of().formatHex(sha512(bytes)))) {
                    return bytes;
                }
            }
            byte[] bytes = download();
            Files.createDirectories(cached.getParent());
            Path partial = Files.createTempFile(cached.getParent(), "echarts-", ".part");
            Files.write(partial, bytes);
            Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("ECharts " + VERSION + " for the browser tests: " + e.getMessage()
                    + " (the tests need npm to fetch " + PACKAGE + " once per machine, cached in " + cacheFolder()
                    + ")", e);
        }
    }

    private static Path cacheFolder() {
        String configured = System.getProperty("devops-kpi.cache");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "devops-kpi");
    }

    /**
     * The package tarball as npm fetches it ({@code npm pack}, from the registry npm is configured with), checked
     * against the pinned integrity, and the file taken out of it.
     */
    private static byte[] download() throws IOException {
        Path folder = Files.createTempDirectory("echarts-pack-");
        try {
            Process npm = new ProcessBuilder("npm", "pack", PACKAGE, "--pack-destination", folder.toString(),
                    "--silent").redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IOException("npm pack " + PACKAGE + " failed: " + output.strip());
            }
            byte[] tarball = Files.readAllBytes(folder.resolve("echarts-" + VERSION + ".tgz"));
            String integrity = "sha512-" + Base64.getEncoder().encodeToString(sha512(tarball));
            if (!TARBALL_INTEGRITY.equals(integrity)) {
                throw new IOException(PACKAGE + " does not match the registry's integrity " + TARBALL_INTEGRITY
                        + ": got " + integrity);
            }
            byte[] file = entry(tarball, ENTRY);
            String digest = HexFormat.of().formatHex(sha512(file));
            if (!FILE_SHA512.equals(digest)) {
                throw new IOException(ENTRY + " has SHA-512 " + digest + ", expected " + FILE_SHA512);
            }
            return file;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while packing " + PACKAGE, e);
        } finally {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    /** One file of a gzipped tar (ustar names with prefix, and pax "path" records, as npm writes them). */
    static byte[] entry(byte[] tgz, String wanted) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tgz))) {
            String paxPath = null;
            while (true) {
                byte[] header = in.readNBytes(512);
                if (header.length < 512 || header[0] == 0) {
                    throw new IOException(wanted + " is not in the tarball");
                }
                long size = Long.parseLong(text(header, 124, 12).trim(), 8);
                byte[] body = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                char type = (char) header[156];
                if (type == 'x') {
                    paxPath = paxPath(new String(body, StandardCharsets.UTF_8));
                    continue;
                }
                String name = paxPath != null ? paxPath
                        : "ustar".equals(text(header, 257, 5)) && header[345] != 0
                                ? text(header, 345, 155) + "/" + text(header, 0, 100) : text(header, 0, 100);
                paxPath = null;
                if ((type == '0' || type == 0) && name.equals(wanted)) {
                    return body;
                }
            }
        }
    }

    private static String paxPath(String records) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static byte[] sha512(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
