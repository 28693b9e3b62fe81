package io.devopskpi.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven by chromium-driver, never anything Selenium Manager would download. A missing
 * browser fails the test (CI counts skips as failures). Every page gets an error collector before its own scripts
 * run: uncaught errors, rejected promises, console.error and alert() calls land in {@code window.__dashboardErrors}
 * and {@code window.__dashboardAlerts}.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final String COLLECTOR = """
            window.__dashboardErrors = [];
            window.__dashboardAlerts = [];
            window.addEventListener('error', (e) => window.__dashboardErrors.push('error: ' + e.message + ' at '
                + e.filename + ':' + e.lineno));
            window.addEventListener('unhandledrejection', (e) => window.__dashboardErrors.push('rejection: '
                + (e.reason && e.reason.stack || e.reason)));
            window.addEventListener('securitypolicyviolation', (e) => window.__dashboardErrors.push('CSP: '
                + e.violatedDirective + ' ' + e.blockedURI));
            const consoleError = console.error.bind(console);
            console.error = (...args) => { window.__dashboardErrors.push('console.error: ' + args.join(' '));
                consoleError(...args); };
            window.alert = (message) => { window.__dashboardAlerts.push(String(message)); };
            """;

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start(int width, int height) {
        assertThat(Files.isExecutable(CHROMIUM)).as("%s is missing: apt-get install -y chromium chromium-driver "
                + "(scripts/test-all.sh does)", CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("%s is missing: apt-get install -y chromium-driver",
                CHROMEDRIVER).isTrue();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("dashboard-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--hide-scrollbars", "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", COLLECTOR));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new Browser(driver, profile);
    }

    /** Opens a URL and waits until the page has rendered its figures, an empty state or an error. */
    void open(String url) {
        driver.get(url);
        waitForRender();
    }

    void waitForRender() {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(js(
                "return document.querySelector('main .loading') === null && document.readyState === 'complete'")));
    }

    /** Waits until the "all applications" widget shows this many deployments (after a change of the view). */
    void awaitAllDeployments(String expected) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> expected.equals(js(
                "const n = document.querySelector('[data-scope=\"all\"] [data-kpi=\"deploymentFrequency.deployments\"]');"
                        + "return n && n.dataset.value;")));
    }

    /** Presses keys as a user would: sent to whatever has the focus, not to a chosen element. */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    void shiftTab() {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }

    /** Emulates a screen: CSS pixels and device pixel ratio (a 4K wall screen is 3840 x 2160 at 1, or 1920 x 1080 at 2). */
    void viewport(int width, int height, double pixelRatio) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", pixelRatio, "mobile", false));
    }

    void defaultViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Script errors collected on the current page, and the browser log's SEVERE entries (CSP violations, 404s). */
    List<String> errors() {
        List<String> errors = new ArrayList<>();
        Object collected = js("return window.__dashboardErrors || ['the error collector was not installed'];");
        if (collected instanceof List<?> list) {
            list.forEach(item -> errors.add(String.valueOf(item)));
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            // an API endpoint this server lacks is the page's to explain (it shows a notice), not a script error
            boolean apiAnswer = entry.getMessage().contains("/api/v1/")
                    && entry.getMessage().contains("Failed to load resource");
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !apiAnswer) {
                errors.add("browser log: " + entry.getMessage());
            }
        }
        return errors;
    }

    List<String> alerts() {
        List<String> alerts = new ArrayList<>();
        if (js("return window.__dashboardAlerts || [];") instanceof List<?> list) {
            list.forEach(item -> alerts.add(String.valueOf(item)));
        }
        return alerts;
    }

    /** Closes what a test class opened (a browser, a server), those that were opened, in order. */
    static void closeAll(AutoCloseable... opened) {
        for (AutoCloseable resource : opened) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot close " + resource, e);
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temp directory left behind is harmless
            }
        }
    }
}
