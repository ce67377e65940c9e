package scratchnet.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The site opens and trains offline after a first visit (its service worker keeps it). Its own
 * class: the test stops the server for good, as a network that went away.
 */
class OfflineIT extends PageTest {
    /** Not the browser the other classes share: the test takes the site's server away. */
    @BeforeAll
    static void ownBrowser() throws IOException {
        browser = BrowserSupport.start();
    }

    @AfterAll
    static void closeOwnBrowser() throws IOException {
        browser.close();
    }

    @Test
    void afterAFirstVisitThePageOpensAndTrainsOffline() {
        for (String engine : new String[] {"wasm", "js"}) {
            open(engine, "");
            // The service worker took the page over and kept the site.
            new org.openqa.selenium.support.ui.WebDriverWait(driver(), Duration.ofSeconds(20)).until(d ->
                    Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                            "return navigator.serviceWorker.controller !== null")));
        }
        browser.stopServing();
        for (String engine : new String[] {"wasm", "js"}) {
            open(engine, "data=xor");
            assertEquals(engine, text("engine"), "the " + engine + " build from the kept copy");
            assertEquals("xor", driver().findElement(By.id("set-data")).getAttribute("value"));
            click("step");
            awaitText("step-count", "1");
        }
    }
}
