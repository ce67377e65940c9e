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
        browser.open(BrowserSupport.page(engine) + "?engine=" + engine);
        String status = browser.awaitStatus();
        assertEquals("ready", status, "in engine " + engine);
        assertEquals(engine, browser.text("engine"));
    }

    @Test
    void theStrictPageRunsJsAndOffersTheWasmPage() {
        browser.open("");
        assertEquals("ready", browser.awaitStatus());
        assertEquals("js", browser.text("engine"));
        assertEquals("use the faster WebAssembly engine", browser.text("engine-switch"));
    }

    @Test
    void theWasmPagePicksWasmInChromium() {
        browser.open("wasm.html");
        assertEquals("ready", browser.awaitStatus());
        assertEquals("wasm", browser.text("engine"));
        assertEquals("use the strict page (JS engine)", browser.text("engine-switch"));
    }

    @Test
    void wasmIsRefusedWhereThePolicyForbidsEval() {
        browser.open("index.html?engine=wasm");
        String status = browser.awaitStatus();
        assertTrue(status.startsWith("error: ") && status.contains("open wasm.html"), status);
    }

    @Test
    void switchingPagesKeepsTheSettings() {
        browser.open("index.html#data=spiral&lr=0.05");
        assertEquals("ready", browser.awaitStatus());
        browser.driver().findElement(org.openqa.selenium.By.id("engine-switch")).click();
        assertEquals("ready", browser.awaitStatus());
        assertEquals("wasm", browser.text("engine"));
        String url = browser.driver().getCurrentUrl();
        assertTrue(url.contains("/wasm.html#") && url.contains("data=spiral") && url.contains("lr=0.05"), url);
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
