package io.devopskpi.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The project version Maven wrote into build.properties: {@code --version} and {@code devops_kpi_build_info}. */
final class BuildVersion implements IVersionProvider {

    static String version() {
        Properties build = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing from the server's classes");
            }
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return build.getProperty("version");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"devops-kpi-server " + version(), "Java " + System.getProperty("java.version")};
    }
}
