package scratchnet.crossplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Guards the teavm-junit set-up: without a runner property TeaVM would compile the browser
 * variants of each test and silently never run them.
 */
class BrowserRunnersConfiguredIT {
    @Test
    void bothPlatformsRunInChrome() {
        assertEquals("true", System.getProperty("teavm.junit.js"));
        assertEquals("browser-chrome", System.getProperty("teavm.junit.js.runner"));
        assertEquals("true", System.getProperty("teavm.junit.wasm-gc"));
        assertEquals("browser-chrome", System.getProperty("teavm.junit.wasm-gc.runner"));
    }

    @Test
    void chromeCommandIsOnPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean found = Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> new File(dir, "google-chrome-stable").canExecute());
        assertTrue(found, "teavm-junit launches google-chrome-stable; run the tests through scripts/test");
    }
}
