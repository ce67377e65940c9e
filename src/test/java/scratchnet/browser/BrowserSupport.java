package scratchnet.browser;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import scratchnet.tools.StaticServer;

/**
 * The built site served on 127.0.0.1 plus one headless Chromium driving it, for end-to-end tests.
 *
 * <p>Typical use: {@code start()} in {@code @BeforeAll}, {@link #open} and {@link #awaitStatus} in
 * tests, {@link #close()} in {@code @AfterAll}. Paths come from system properties set by the
 * failsafe configuration in pom.xml: {@code scratchnet.site} (the built site, default
 * target/webapp), {@code scratchnet.chrome} and {@code scratchnet.chromedriver} (default
 * /usr/bin/chromium and /usr/bin/chromedriver). A missing browser fails the test, never skips it.
 */
public final class BrowserSupport implements AutoCloseable {
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);

    private final Path site;
    private final StaticServer server;
    private final Path profile;
    private final ChromeDriver driver;

    private BrowserSupport(Path site, StaticServer server, Path profile, ChromeDriver driver) {
        this.site = site;
        this.server = server;
        this.profile = profile;
        this.driver = driver;
    }

    /** Serves the built site on a free port and launches headless Chromium. */
    public static BrowserSupport start() throws IOException {
        Path site = Path.of(System.getProperty("scratchnet.site", "target/webapp"));
        Path chrome = Path.of(System.getProperty("scratchnet.chrome", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("scratchnet.chromedriver", "/usr/bin/chromedriver"));
        require(Files.isRegularFile(site.resolve("index.html")), "no built site at " + site + ", run `mvn verify`");
        require(Files.isExecutable(chrome), "no Chromium at " + chrome + ", run scripts/test to install it");
        require(Files.isExecutable(chromedriver), "no chromedriver at " + chromedriver + ", run scripts/test to install it");

        StaticServer server = StaticServer.start(site, 0);
        Path profile = Files.createTempDirectory("scratchnet-chrome-");
        try {
            return new BrowserSupport(site, server, profile, chrome(chrome, chromedriver, profile, "1200,900"));
        } catch (RuntimeException e) {
            server.close();
            deleteRecursively(profile);
            throw e;
        }
    }

    /** Where the browser saves downloads. */
    public Path downloads() {
        return profile.resolve("downloads");
    }

    /**
     * Launches headless Chromium with the flags that work on these machines (as root, with no
     * network), using {@code profile} as a fresh user-data folder; the page's downloads land in
     * its "downloads" folder without a prompt. Explicit driver and browser paths keep Selenium
     * Manager from going online.
     */
    private static ChromeDriver chrome(Path chrome, Path chromedriver, Path profile, String windowSize) {
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chrome.toFile());
        options.setExperimentalOption("prefs", java.util.Map.of(
                "download.default_directory", profile.resolve("downloads").toString(),
                "download.prompt_for_download", false));
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=" + windowSize, "--user-data-dir=" + profile);
        return new ChromeDriver(service, options);
    }

    /**
     * Sets the page's viewport to exactly {@code width × height} CSS pixels (a window's size would
     * include the browser's own frame); a phone's width also turns on touch, as a phone has it.
     */
    public void viewport(int width, int height) {
        boolean phone = width < 720;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", phone));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", java.util.Map.of("enabled", phone));
    }

    /** Back to the window's own viewport, without touch, after {@link #viewport}. */
    public void resetViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", java.util.Map.of("enabled", false));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Whether the browser still answers (it may have crashed or been closed). */
    public boolean alive() {
        try {
            driver.getWindowHandle();
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            return false;
        }
    }

    /**
     * Leaves the browser as a fresh profile would find the site: no page open, and for the site's
     * origin no storage, cookies, service worker or cache; the file:// pages' storage and the
     * downloads are emptied too, and the HTTP cache. For a browser used by one test class after another.
     */
    public void forgetEverything() throws IOException {
        driver.get("about:blank");
        String origin = server.uri().toString().replaceFirst("/$", "");
        driver.executeCdpCommand("Storage.clearDataForOrigin", java.util.Map.of("origin", origin, "storageTypes", "all"));
        driver.executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
        openFile("style.css"); // a file:// document, which runs no page code
        driver.executeScript("localStorage.clear(); sessionStorage.clear();");
        driver.get("about:blank");
        if (Files.exists(downloads())) {
            deleteRecursively(downloads());
        }
    }

    /** The site's base URL, ending in a slash. */
    public URI baseUri() {
        return server.uri();
    }

    /** Stops serving the site, as a network that went away: only what the browser kept answers. */
    public void stopServing() {
        if (serving) {
            serving = false;
            server.close();
        }
    }

    private boolean serving = true;

    /** Forgets every session the page keeps in this browser (localStorage) and this tab's id, so the next page opens as a first visit's. */
    public void forgetSession() {
        open("style.css"); // a document of the site's origin, which runs no page code
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "for (const k of Object.keys(localStorage)) { if (/^scratchnet\\.(session|previous|alive)/.test(k)) localStorage.removeItem(k); }"
                        + " sessionStorage.removeItem('scratchnet.tab');");
    }

    /** Loads a page of the site over http, e.g. {@code "index.html?engine=js"}. */
    public void open(String relativeUrl) {
        driver.get(server.uri().resolve(relativeUrl).toString());
    }

    /** Loads a file of the site from disk through a file:// URL, as a user opening it would. */
    public void openFile(String relativePath) {
        driver.get(site.toAbsolutePath().resolve(relativePath).toUri().toString());
    }

    /**
     * Opens a fresh document of the page forced to run {@code engine} ("wasm" or "js") with a
     * share-link hash ("" for the defaults), and waits until it says "ready". A new hash alone
     * would not reload the page.
     */
    public void openPage(String engine, String hash) {
        forgetSession();
        openPageAsReturningVisitor(engine, hash);
    }

    /**
     * Like {@link #openPage}, but the page finds the session this browser kept (autosave), as after
     * a reload or a later visit.
     */
    public void openPageAsReturningVisitor(String engine, String hash) {
        open("index.html?engine=" + engine + "&t=" + System.nanoTime() + (hash.isEmpty() ? "" : "#" + hash));
        String status = awaitStatus();
        if (!status.equals("ready")) {
            throw new AssertionError("status in engine " + engine + ": " + status);
        }
    }

    /** Clicks the element with this id. */
    public void click(String id) {
        driver.findElement(By.id(id)).click();
    }

    /**
     * Waits up to 20 s for {@code #id} to read {@code expected} (the page paints in animation
     * frames); fails showing what it read instead.
     */
    public void awaitText(String id, String expected) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> text(id).equals(expected));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("#" + id + ": expected <" + expected + "> but was <" + text(id) + ">");
        }
    }

    /** Text of the element with this id. */
    public String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /**
     * Waits until {@code #status} starts with "ready" (set by Java) or "error" (set by the loader)
     * and returns it; fails after 30 s.
     */
    public String awaitStatus() {
        return new WebDriverWait(driver, PAGE_TIMEOUT).until(d -> {
            String status = d.findElement(By.id("status")).getAttribute("textContent"); // also when hidden (embed view)
            return status.startsWith("ready") || status.startsWith("error") ? status : null;
        });
    }

    /** Writes a PNG of the current page, e.g. for a failing test's report. */
    public void screenshot(Path png) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.copy(shot.toPath(), png, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            stopServing();
            deleteRecursively(profile);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
