package scratchnet.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Trains at the largest settings the page offers for a long while and checks that memory stays
 * flat: the JS heap (which holds Wasm GC objects too), measured after a forced garbage collection,
 * must not grow from the first sample to the last. It prints every sample; it asserts no speed.
 *
 * <p>Not part of the suite (failsafe runs {@code *IT}): {@code scripts/soak} runs it alone through
 * failsafe with {@code -Dit.test=Soak}, and {@code scratchnet.soak.seconds} sets how long each
 * engine trains (600 s unless told).
 */
class Soak extends PageTest {
    static final String LARGEST = "points=1000&layers=32,32,32,32,32,32&batch=0&speed=100&test=1";
    // Allowed growth from the first sample to the last: slack for caches and JIT code, far below a leak
    // (a leak of one batch graph per step would be hundreds of megabytes within a minute here).
    static final double ALLOWED_GROWTH_MB = 8;


    /** MB of JS heap in use after a full garbage collection. */
    static double heapAfterGcMb() {
        ChromeDriver driver = (ChromeDriver) browser.driver();
        driver.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        Map<String, Object> usage = driver.executeCdpCommand("Runtime.getHeapUsage", Map.of());
        return ((Number) usage.get("usedSize")).doubleValue() / (1 << 20);
    }

    static int steps() {
        return Integer.parseInt(browser.text("step-count").replace(",", ""));
    }

    /** Frames per second and the gaps between frames while training, excluding the forced collections' samples. */
    @SuppressWarnings("unchecked")
    static void printFrameGaps(String engine) {
        List<Number> raw = (List<Number>) ((ChromeDriver) browser.driver()).executeScript("return window.frameGaps;");
        double[] gaps = raw.stream().skip(30).mapToDouble(Number::doubleValue).sorted().toArray();
        double total = 0;
        for (double g : gaps) {
            total += g;
        }
        System.out.printf("soak %s: %.1f frames/s; gap between frames: median %.1f ms, 99th percentile %.1f ms,"
                        + " longest %.1f ms (%d frames; the heap samples force garbage collections)%n",
                engine, gaps.length / (total / 1000), gaps[gaps.length / 2], gaps[(int) (gaps.length * 0.99)],
                gaps[gaps.length - 1], gaps.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void memoryStaysFlatWhileTrainingAtTheLargestSettings(String engine) throws Exception {
        long seconds = Long.getLong("scratchnet.soak.seconds", 600);
        browser.open("index.html?engine=" + engine + "#" + LARGEST);
        assertEquals("ready", browser.awaitStatus());
        // Records the gap between consecutive animation frames: how smoothly the page runs (printed only).
        ((ChromeDriver) browser.driver()).executeScript("window.frameGaps = []; let last = performance.now();"
                + "const f = () => { const now = performance.now(); window.frameGaps.push(now - last); last = now;"
                + " requestAnimationFrame(f); }; requestAnimationFrame(f);");
        browser.driver().findElement(By.id("play")).click();

        long samples = 6;
        List<double[]> seen = new ArrayList<>(); // {seconds, steps, MB}
        long start = System.nanoTime();
        Thread.sleep(Math.min(10_000, seconds * 1000 / 4)); // warm up: graphs built, code compiled
        for (int i = 0; i <= samples; i++) {
            if (i > 0) {
                Thread.sleep(seconds * 1000 / samples);
            }
            double[] sample = {(System.nanoTime() - start) / 1e9, steps(), heapAfterGcMb()};
            seen.add(sample);
            System.out.printf("soak %s: %5.0f s  step %7.0f  heap %6.1f MB%n", engine, sample[0], sample[1], sample[2]);
        }
        browser.driver().findElement(By.id("play")).click(); // pause
        printFrameGaps(engine);

        double first = seen.get(0)[2];
        double last = seen.get(seen.size() - 1)[2];
        double peak = seen.stream().mapToDouble(s -> s[2]).max().orElseThrow();
        double stepsDone = seen.get(seen.size() - 1)[1] - seen.get(0)[1];
        System.out.printf("soak %s: %.0f steps in %.0f s at the largest settings; heap %.1f -> %.1f MB (peak %.1f)%n",
                engine, stepsDone, seen.get(seen.size() - 1)[0] - seen.get(0)[0], first, last, peak);
        assertTrue(stepsDone > 0, "training went on");
        assertTrue(last - first < ALLOWED_GROWTH_MB,
                "heap grew from " + first + " MB to " + last + " MB while training (" + engine + ")");
        assertTrue(peak - first < 2 * ALLOWED_GROWTH_MB, "heap peaked at " + peak + " MB from " + first + " MB");
    }
}
