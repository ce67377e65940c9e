package scratchnet.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The built page loads and runs its Java code in each engine. */
class PageLoadsIT {
    private static BrowserSupport browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = BrowserSupport.start();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void forcedEngineRunsJava(String engine) {
        browser.open("index.html?engine=" + engine);
        String status = browser.awaitStatus();
        assertEquals("ready", status, "in engine " + engine);
        assertEquals(engine, browser.text("engine"));
    }

    @Test
    void chromiumPicksWasmByDefault() {
        browser.open("");
        assertEquals("ready", browser.awaitStatus());
        assertEquals("wasm", browser.text("engine"));
    }

    @Test
    void fileUrlFallsBackToJs() {
        browser.openFile("index.html");
        assertEquals("ready", browser.awaitStatus());
        assertEquals("js", browser.text("engine"));
    }

    @Test
    void unknownEngineIsReported() {
        browser.open("index.html?engine=nope");
        assertTrue(browser.awaitStatus().startsWith("error: "), "status shows the error");
    }
}
