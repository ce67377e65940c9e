package scratchnet.browser;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every end-to-end test class shares: one served site and one headless Chromium for all of
 * its tests (started before the first, closed after the last), and the page helpers.
 */
abstract class PageTest {
    static BrowserSupport browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = BrowserSupport.start();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    static WebDriver driver() {
        return browser.driver();
    }

    /** A fresh document of the page running {@code engine}, with a share-link hash ("" for defaults). */
    static void open(String engine, String hash) {
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

    /** Waits up to 20 s for {@code condition}; fails saying {@code what} did not happen. */
    static void await(String what, java.util.function.Supplier<Boolean> condition) {
        try {
            new WebDriverWait(driver(), Duration.ofSeconds(20)).until(d -> condition.get());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }
}
