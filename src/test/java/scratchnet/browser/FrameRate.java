package scratchnet.browser;

import java.io.IOException;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Frames per second of the page while playing, in headless Chromium, for a person to read (scripts/fps;
 * a measurement, not a test: nothing here can pass or fail). For each engine: the default settings
 * as one run, then compared with a run B (another learning rate and optimiser: two heat maps, two
 * readouts, two curves per frame). Prints frames per second, the gaps between frames (median, 99th
 * percentile, longest) and the page's own last-frame line. The first argument sets the seconds per
 * measurement (default 10); the machine's load shows in the figures, so say what else was running.
 */
public final class FrameRate {
    private FrameRate() {
    }

    static final String[][] CASES = {{"one run, defaults", ""},
        {"compared, defaults (B: lr 0.1, adam)", "compare=1&b.lr=0.1&b.optimizer=adam"},
        {"downhill: two parameters, defaults", "view=downhill"},
        {"downhill: the path's plane, defaults", "view=downhill&surface=path"},
        {"health, defaults", "view=health"},
        {"warp, defaults", "view=warp"},
        {"neuron view, 1000 points, 6 layers of 32", "points=1000&layers=32,32,32,32,32,32"},
        {"largest: 1000 points, 6 layers of 32, 10 steps a frame", "points=1000&layers=32,32,32,32,32,32&speed=10"},
        {"health, 1000 points, 6 layers of 32", "view=health&points=1000&layers=32,32,32,32,32,32"},
        {"warp, 1000 points, 6 layers of 32", "view=warp&points=1000&layers=32,32,32,32,32,32"}};

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        String only = args.length > 1 ? args[1] : ""; // scripts/fps SECONDS TEXT: only the cases whose name contains TEXT
        try (BrowserSupport browser = BrowserSupport.start()) {
            for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
                browser.viewport(size[0], size[1]); // the page's own size, not the window's
                for (String engine : new String[] {"wasm", "js"}) {
                    for (String[] c : CASES) {
                        if (c[0].contains(only)) {
                                measure(browser, engine, size[0] + "x" + size[1], c[0], c[1], seconds);
                        }
                    }
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void measure(BrowserSupport browser, String engine, String size, String name, String hash, long seconds)
            throws IOException, InterruptedException {
        browser.openPage(engine, hash);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        if (hash.startsWith("view=")) { // the network's views are painted once seen (on a phone, below the picture)
            String view = "view-" + hash.substring(5).split("&")[0];
            js.executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", view);
            Thread.sleep(300);
            js.executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", view);
        }
        browser.click("play");
        Thread.sleep(3000); // warm up: graphs built, code compiled
        long stepsBefore = Long.parseLong(browser.text("step-count"));
        long startNs = System.nanoTime();
        js.executeScript("window.frameGaps = []; let last = performance.now();"
                + "const f = () => { const now = performance.now(); window.frameGaps.push(now - last); last = now;"
                + " requestAnimationFrame(f); }; requestAnimationFrame(f);");
        Thread.sleep(seconds * 1000);
        List<Number> raw = (List<Number>) js.executeScript("return window.frameGaps.slice(1);");
        String perf = browser.text("perf");
        String steps = browser.text("step-count");
        double stepsPerSecond = (Long.parseLong(steps) - stepsBefore) / ((System.nanoTime() - startNs) / 1e9);
        browser.click("play");
        double[] gaps = raw.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        double total = 0;
        for (double g : gaps) {
            total += g;
        }
        System.out.printf("%-5s %-9s %-38s %5.1f frames/s, %6.1f steps/s; gaps median %5.1f ms, 99th pct %5.1f ms,"
                        + " longest %5.1f ms; step %s; page: %s%n", engine, size, name, gaps.length / (total / 1000),
                stepsPerSecond, gaps[gaps.length / 2], gaps[(int) (gaps.length * 0.99)], gaps[gaps.length - 1], steps, perf);
    }
}
