package scratchnet.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import scratchnet.tools.StaticServer;

/**
 * index.html's policy, {@code script-src 'self' 'wasm-unsafe-eval'} (no eval, no inline script):
 * each engine loads, trains and has nothing blocked under it; a body missing from the build's
 * table of {@code @JSBody} functions is an error on the page, not an eval; without Wasm GC the
 * page falls back to JS; and TeaVM's runtime as it ships is blocked (the control). Violations are
 * counted by loader.js ({@code data-csp-violations}).
 */
class StrictPolicyIT extends PageTest {

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void eachEngineTrainsUnderTheStrictPolicyWithNothingBlocked(String engine) {
        open(engine, "");
        assertEquals(engine, text("engine"));
        String csp = driver().findElement(By.cssSelector("meta[http-equiv='Content-Security-Policy']"))
                .getAttribute("content");
        assertTrue(csp.contains("script-src 'self' 'wasm-unsafe-eval';") && !csp.contains("'unsafe-eval'")
                && !csp.contains("'unsafe-inline'"), csp);

        String loss = text("train-loss");
        click("step");
        awaitText("step-count", "1");
        new WebDriverWait(driver(), Duration.ofSeconds(20)).until(d -> !text("train-loss").equals(loss));
        click("play"); // the frame loop: requestAnimationFrame, painting, readouts
        new WebDriverWait(driver(), Duration.ofSeconds(20))
                .until(d -> Integer.parseInt(text("step-count").replace(",", "")) >= 50);
        click("play");
        assertEquals(0, cspViolations(), "nothing was blocked in engine " + engine);
    }

    /** The control: the same site with TeaVM's runtime as it ships is blocked, and the count sees it. */
    @Test
    void teavmsUnpatchedRuntimeIsBlockedAndCounted() throws IOException {
        Path site = Path.of(System.getProperty("scratchnet.site", "target/webapp"));
        Path copy = Files.createTempDirectory("scratchnet-unpatched-");
        try {
            try (Stream<Path> files = Files.walk(site)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.copy(file, copy.resolve(site.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (InputStream pristine = getClass().getClassLoader().getResourceAsStream(
                    "org/teavm/backend/wasm/wasm-gc-runtime.min.js")) {
                Files.copy(pristine, copy.resolve("wasm/scratchnet.wasm-runtime.js"), StandardCopyOption.REPLACE_EXISTING);
            }
            try (StaticServer server = StaticServer.start(copy, 0)) {
                driver().get(server.uri() + "index.html?engine=wasm");
                String status = browser.awaitStatus();
                assertTrue(status.startsWith("error: EvalError"), status);
                assertTrue(cspViolations() > 0, "the eval was reported");
            }
        } finally {
            try (Stream<Path> files = Files.walk(copy)) {
                for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void aBodyMissingFromTheTableIsReportedNotEvaluated() {
        // Runs before the page's scripts: the table's own assignment cannot replace this empty one.
        withScriptBeforeThePage("Object.defineProperty(globalThis, 'scratchnetJsBodies', {value: new Map()});", () -> {
            browser.open("index.html?t=" + System.nanoTime()); // automatic choice: no fallback for this
            String status = browser.awaitStatus();
            assertTrue(status.startsWith("error: MissingJsBodyError: the @JSBody function ("), status);
            assertEquals("none yet", text("engine"));
            assertEquals(0, cspViolations(), "nothing was evaluated");
        });
    }

    @Test
    void withoutWasmGcThePageRunsJs() {
        withScriptBeforeThePage("WebAssembly.validate = () => false;", () -> {
            browser.open("index.html?t=" + System.nanoTime());
            assertEquals("ready", browser.awaitStatus());
            assertEquals("js", text("engine"));
            assertEquals(0, cspViolations());
        });
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver()).executeScript(script);
    }

    private static int cspViolations() {
        return Integer.parseInt(String.valueOf(js("return document.documentElement.dataset.cspViolations;")));
    }

    /** Runs {@code test} with {@code script} evaluated in every new document before its own scripts (DevTools). */
    private static void withScriptBeforeThePage(String script, Runnable test) {
        ChromiumDriver chrome = (ChromiumDriver) driver();
        Map<String, Object> added =
                chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
        try {
            test.run();
        } finally {
            chrome.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", added.get("identifier")));
        }
    }
}
