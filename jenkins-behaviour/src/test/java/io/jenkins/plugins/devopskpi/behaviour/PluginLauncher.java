package io.jenkins.plugins.devopskpi.behaviour;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The main class of the JVM {@link PluginClassLoadingTest} forks: loads a scenario the way Jenkins loads a plugin
 * and prints what it answers. Its own class path is only the test classes, which neither level below delegates
 * to. Uses the JDK only.
 *
 * <p>Arguments: the Jenkins core class path file, the plugin class path file, a folder of extra plugin classes
 * (the scenarios), the scenario's class name, then the scenario's arguments.
 */
public final class PluginLauncher {
    static final String JENKINS_CORE = "jenkins-core";
    static final String PLUGIN = "devops-kpi-plugin";

    private PluginLauncher() {
    }

    public static void main(String[] args) throws Exception {
        // Jenkins core's loader is the web application's, above the JDK; the platform loader keeps java.sql in reach
        // without the application class path.
        ClassLoader jenkinsCore = new URLClassLoader(JENKINS_CORE, urls(classPath(Path.of(args[0]))),
                ClassLoader.getPlatformClassLoader());
        List<Path> hpi = classPath(Path.of(args[1]));
        hpi.add(Path.of(args[2]));
        // URLClassLoader delegates parent first, as Jenkins' plugin loader does unless the manifest asks for
        // PluginFirstClassLoader.
        ClassLoader plugin = new URLClassLoader(PLUGIN, urls(hpi), jenkinsCore);
        // Step executions, the CPS VM thread and threads they start run with core's context class loader.
        Thread.currentThread().setContextClassLoader(jenkinsCore);
        @SuppressWarnings("unchecked")
        Function<String[], String> scenario = (Function<String[], String>) plugin.loadClass(args[3])
                .getConstructor().newInstance();
        System.out.println(scenario.apply(Arrays.copyOfRange(args, 4, args.length)));
    }

    private static List<Path> classPath(Path file) throws IOException {
        List<Path> paths = new ArrayList<>();
        for (String entry : Files.readString(file).trim().split(File.pathSeparator)) {
            paths.add(Path.of(entry));
        }
        return paths;
    }

    private static URL[] urls(List<Path> paths) throws MalformedURLException {
        URL[] urls = new URL[paths.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = paths.get(i).toUri().toURL();
        }
        return urls;
    }
}
