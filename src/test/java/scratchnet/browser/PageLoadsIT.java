package scratchnet.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The built page loads and runs its Java code in each engine. */
class PageLoadsIT extends PageTest {

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void forcedEngineRunsJava(String engine) {
        browser.open("index.html?engine=" + engine);
        String status = browser.awaitStatus();
        assertEquals("ready", status, "in engine " + engine);
        assertEquals(engine, browser.text("engine"));
    }

    @Test
    void thePagePicksWasmInChromium() {
        browser.open("");
        assertEquals("ready", browser.awaitStatus());
        assertEquals("wasm", browser.text("engine"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm.html#data=spiral&lr=0.05", "wasm.html?engine=js#data=spiral&lr=0.05"})
    void oldLinksToWasmHtmlOpenIndexHtmlWithTheirSettings(String link) {
        browser.open(link);
        assertEquals("ready", browser.awaitStatus());
        String url = browser.driver().getCurrentUrl();
        String query = link.contains("?") ? "?engine=js" : "";
        assertTrue(url.contains("/index.html" + query + "#") && url.contains("data=spiral") && url.contains("lr=0.05"), url);
        assertEquals(query.isEmpty() ? "wasm" : "js", browser.text("engine"));
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
