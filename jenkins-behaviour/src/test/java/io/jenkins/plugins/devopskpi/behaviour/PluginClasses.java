package io.jenkins.plugins.devopskpi.behaviour;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The plugin's compiled classes, read from the jar or directory plugin-offline put on the test class path. */
final class PluginClasses {
    private static final String PACKAGE = "io/jenkins/plugins/devopskpi/";

    private PluginClasses() {
    }

    /** Every concrete class of the plugin that extends or implements {@code type}, in name order. */
    static <T> List<Class<? extends T>> concrete(Class<T> type) {
        List<Class<? extends T>> found = new ArrayList<>();
        for (String name : names()) {
            Class<?> c = load(name);
            if (type.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                found.add(c.asSubclass(type));
            }
        }
        found.sort(Comparator.comparing(Class::getName));
        return found;
    }

    private static List<String> names() {
        Path root = location();
        try {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root.resolve(PACKAGE))) {
                    return files.map(p -> root.relativize(p).toString().replace('\\', '/'))
                            .filter(PluginClasses::isClass).map(PluginClasses::className).toList();
                }
            }
            try (JarFile jar = new JarFile(root.toFile())) {
                return jar.stream().map(JarEntry::getName).filter(n -> n.startsWith(PACKAGE))
                        .filter(PluginClasses::isClass).map(PluginClasses::className).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugin's classes in " + root, e);
        }
    }

    private static Path location() {
        try {
            return Path.of(load("io.jenkins.plugins.devopskpi.JenkinsFacade").getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isClass(String path) {
        return path.endsWith(".class") && !path.endsWith("module-info.class") && !path.endsWith("package-info.class");
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    private static Class<?> load(String name) {
        try { // not initialized: a class's static state may need a running Jenkins
            return Class.forName(name, false, PluginClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
