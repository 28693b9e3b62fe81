package io.jenkins.plugins.devopskpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every shipped locale of Messages.properties (Messages_xx.properties next to it) has exactly the English keys,
 * each with the same placeholders; and every text survives MessageFormat, which the generated Messages class
 * applies to every key (org.jvnet.localizer's ResourceBundleHolder.format), so a lone apostrophe would vanish.
 */
class MessageLocalesTest {
    private static final String BUNDLE = "io.jenkins.plugins.devopskpi.Messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    private static Path folder() throws Exception {
        return Path.of(MessageLocalesTest.class.getResource("/io/jenkins/plugins/devopskpi/Messages.properties")
                .toURI()).getParent();
    }

    private static Properties load(Path file) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }

    /** Locale code to its file, e.g. de to Messages_de.properties. */
    private static Map<String, Path> locales() throws Exception {
        Map<String, Path> locales = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder())) {
            files.forEach(file -> {
                Matcher name = Pattern.compile("Messages_(\\w+)\\.properties").matcher(file.getFileName().toString());
                if (name.matches()) {
                    locales.put(name.group(1), file);
                }
            });
        }
        return locales;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void germanIsShippedAndFoundByTheBundle() throws Exception {
        assertThat(locales()).containsKey("de");
        Properties english = load(folder().resolve("Messages.properties"));
        ResourceBundle german = ResourceBundle.getBundle(BUNDLE, Locale.GERMAN);
        assertThat(german.getString("KpiGateStep.DisplayName")).isEqualTo("DevOps-KPIs gegen Schwellenwerte pr\u00fcfen")
                .isNotEqualTo(english.getProperty("KpiGateStep.DisplayName"));
    }

    @Test
    void everyLocaleHasEveryKeyWithTheSamePlaceholders() throws Exception {
        Properties english = load(folder().resolve("Messages.properties"));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Path> locale : locales().entrySet()) {
            Properties translated = load(locale.getValue());
            Set<String> missing = new TreeSet<>(english.stringPropertyNames());
            missing.removeAll(translated.stringPropertyNames());
            Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
            extra.removeAll(english.stringPropertyNames());
            missing.forEach(key -> problems.add(locale.getKey() + " lacks " + key));
            extra.forEach(key -> problems.add(locale.getKey() + " has " + key + ", which English has not"));
            for (String key : english.stringPropertyNames()) {
                String text = translated.getProperty(key);
                if (text == null) {
                    continue;
                }
                if (text.isBlank()) {
                    problems.add(locale.getKey() + "." + key + " is blank");
                }
                if (!placeholders(text).equals(placeholders(english.getProperty(key)))) {
                    problems.add(locale.getKey() + "." + key + " has placeholders " + placeholders(text) + ", English "
                            + placeholders(english.getProperty(key)));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** ASCII with \\u escapes: read the same whether a tool takes .properties as ISO-8859-1 or UTF-8. */
    @Test
    void everyBundleFileIsAscii() throws Exception {
        List<Path> files = new ArrayList<>(locales().values());
        files.add(folder().resolve("Messages.properties"));
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(new String(bytes, StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII))
                    .as(file.getFileName() + " is ASCII").isEqualTo(bytes);
        }
    }

    /**
     * A view's own texts ({@code ${%key}} in {@code x.jelly}, looked up by Stapler in {@code x.properties} and
     * {@code x_<locale>.properties} next to it): every key the view uses is in its English file, and every shipped
     * locale of it has exactly those keys, in ASCII.
     */
    @Test
    void everyViewKeyIsInEveryLocaleOfItsBundle() throws Exception {
        Pattern key = Pattern.compile("\\$\\{%([\\w.]+)}");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        List<Path> views;
        try (Stream<Path> walk = Files.walk(folder())) {
            views = walk.filter(p -> p.toString().endsWith(".jelly")).sorted().toList();
        }
        for (Path view : views) {
            Set<String> used = new TreeSet<>();
            Matcher m = key.matcher(Files.readString(view, StandardCharsets.UTF_8));
            while (m.find()) {
                used.add(m.group(1));
            }
            String base = view.getFileName().toString().replaceFirst("\\.jelly$", "");
            Path english = view.resolveSibling(base + ".properties");
            if (used.isEmpty()) {
                continue;
            }
            if (!Files.exists(english)) {
                problems.add(view + " uses " + used + " without " + english.getFileName());
                continue;
            }
            Set<String> keys = load(english).stringPropertyNames();
            for (String k : used) {
                if (!keys.contains(k)) {
                    problems.add(view.getFileName() + " uses " + k + ", not in " + english.getFileName());
                }
            }
            for (String locale : locales().keySet()) {
                Path translated = view.resolveSibling(base + "_" + locale + ".properties");
                if (!Files.exists(translated)) {
                    problems.add(view + " has no " + translated.getFileName());
                    continue;
                }
                byte[] bytes = Files.readAllBytes(translated);
                if (!java.util.Arrays.equals(new String(bytes, StandardCharsets.US_ASCII)
                        .getBytes(StandardCharsets.US_ASCII), bytes)) {
                    problems.add(translated + " is not ASCII");
                }
                if (!load(translated).stringPropertyNames().equals(keys)) {
                    problems.add(translated.getFileName() + " keys differ from " + english.getFileName());
                }
                checked++;
            }
        }
        assertThat(checked).as("views with their own texts, per shipped locale").isGreaterThanOrEqualTo(2);
        assertThat(problems).isEmpty();
    }

    /**
     * Form labels are view texts too: every {@code title} of a form element in any view is a {@code ${%key}}
     * (translated by the view's bundle, checked above), never English written into the Jelly.
     */
    @Test
    void noFormLabelIsWrittenInEnglishIntoAView() throws Exception {
        Pattern literalTitle = Pattern.compile("<f:[\\w-]+[^>]*\\stitle=\"(?!\\$\\{%[\\w.]+})([^\"]+)\"");
        List<String> problems = new ArrayList<>();
        List<Path> views;
        try (Stream<Path> walk = Files.walk(folder())) {
            views = walk.filter(p -> p.toString().endsWith(".jelly")).sorted().toList();
        }
        for (Path view : views) {
            Matcher m = literalTitle.matcher(Files.readString(view, StandardCharsets.UTF_8));
            while (m.find()) {
                problems.add(folder().relativize(view) + ": title=\"" + m.group(1) + "\"");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyTextSurvivesMessageFormat() throws Exception {
        List<Path> files = new ArrayList<>(locales().values());
        files.add(folder().resolve("Messages.properties"));
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            Properties texts = load(file);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                Object[] arguments = placeholders(text).stream().map(n -> "<arg" + n + ">").toArray();
                String formatted = MessageFormat.format(text, arguments);
                // what MessageFormat keeps: each argument, and each doubled apostrophe as one
                String expected = PLACEHOLDER.matcher(text).replaceAll(m -> "<arg" + m.group(1) + ">")
                        .replace("''", "'");
                if (!formatted.equals(expected)) {
                    problems.add(file.getFileName() + " " + key + " formats as: " + formatted);
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
