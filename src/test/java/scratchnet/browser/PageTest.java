package scratchnet.browser;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import scratchnet.data.Point;

/**
 * What every end-to-end test class shares: one served site and one headless Chromium, and the page
 * helpers. The browser is started by the first class of the run and kept for the next ones
 * (launching Chromium takes seconds); before each class it forgets the site as a fresh profile
 * would ({@link BrowserSupport#forgetEverything}). It is closed when the JVM exits, or started
 * again if it stopped answering.
 */
abstract class PageTest {
    private static BrowserSupport shared;
    static BrowserSupport browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (shared == null || !shared.alive()) {
            if (shared != null) {
                closeQuietly(shared);
            }
            BrowserSupport started = BrowserSupport.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started)));
            shared = started;
        }
        shared.forgetEverything();
        browser = shared;
    }

    @AfterAll
    static void stopBrowser() {
        browser = null; // the shared browser stays open for the next class
    }

    /** Closes a browser that may have died already; what goes wrong is printed, not thrown. */
    private static void closeQuietly(BrowserSupport b) {
        try {
            b.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("closing the browser: " + e);
        }
    }

    static WebDriver driver() {
        return browser.driver();
    }

    /**
     * A fresh document of the page running {@code engine}, with a share-link hash ("" for defaults),
     * every folded group and panel opened, as a person reaching for its controls would
     * ({@link LayoutIT} checks the page as it opens, folded).
     */
    static void open(String engine, String hash) {
        browser.openPage(engine, hash);
        unfold();
        awaitDrawn();
    }

    /**
     * Waits until the page has drawn what it draws once it is near the screen (the network diagram
     * and the datasets' pictures: {@code <html data-drawn="1">}), as it is in a desktop window.
     */
    static void awaitDrawn() {
        await("the diagram and the datasets' pictures drawn", () -> "1".equals(
                driver().findElement(org.openqa.selenium.By.tagName("html")).getAttribute("data-drawn")));
    }

    /** Opens every folded group and panel ({@code <details>}) on the page. */
    static void unfold() {
        ((JavascriptExecutor) driver()).executeScript("for (const d of document.querySelectorAll('details')) d.open = true;");
    }

    /** {@link #open} without unfolding: the page as a visitor first sees it. */
    static void openFolded(String engine, String hash) {
        browser.openPage(engine, hash);
    }

    static String text(String id) {
        return browser.text(id);
    }

    static void click(String id) {
        browser.click(id);
    }

    /** Waits for the next frames to show {@code expected} in {@code #id}. */
    static void awaitText(String id, String expected) {
        browser.awaitText(id, expected);
    }

    /**
     * Returns once the page has run {@code n} more animation frames: the page trains and paints in
     * frames, so after them a readout shows whatever it is going to. A wait that cannot pass without
     * the page being live, unlike a sleep.
     */
    static void frames(int n) {
        ((JavascriptExecutor) driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; let left = arguments[0];"
                        + "const f = () => --left > 0 ? requestAnimationFrame(f) : done(); requestAnimationFrame(f);", n);
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(script, args);
    }

    /** Takes {@code n} steps with the Step button, each seen on the step counter before the next. */
    static void steps(int n) {
        int start = Integer.parseInt(text("step-count"));
        for (int k = 1; k <= n; k++) {
            click("step");
            awaitText("step-count", Integer.toString(start + k));
        }
    }

    /** Opaque pixels of canvas {@code #id} within 40 of colour {@code rgb} (0xRRGGBB) in every channel. */
    static long pixels(String id, int rgb) {
        return (Long) js("var c = document.getElementById(arguments[0]);"
                + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; var n = 0;"
                + "var r = arguments[1] >> 16 & 255, g = arguments[1] >> 8 & 255, b = arguments[1] & 255;"
                + "for (var i = 0; i < d.length; i += 4) { if (d[i + 3] > 200 && Math.abs(d[i] - r) < 40"
                + " && Math.abs(d[i + 1] - g) < 40 && Math.abs(d[i + 2] - b) < 40) n++; } return n;", id, rgb);
    }

    /** The training point farthest from its nearest neighbour: a click on it cannot pick another. */
    static int isolatedPoint(List<Point> points) {
        int best = 0;
        double bestGap = -1;
        for (int i = 0; i < points.size(); i++) {
            double gap = Double.POSITIVE_INFINITY;
            for (int j = 0; j < points.size(); j++) {
                if (i != j) {
                    double dx = points.get(i).x - points.get(j).x;
                    double dy = points.get(i).y - points.get(j).y;
                    gap = Math.min(gap, dx * dx + dy * dy);
                }
            }
            if (gap > bestGap) {
                bestGap = gap;
                best = i;
            }
        }
        return best;
    }

    /** Waits up to 20 s for {@code condition}; fails saying {@code what} did not happen. */
    static void await(String what, java.util.function.Supplier<Boolean> condition) {
        try {
            new WebDriverWait(driver(), Duration.ofSeconds(20)).until(d -> condition.get());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }
}
