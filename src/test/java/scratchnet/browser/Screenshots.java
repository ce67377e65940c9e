package scratchnet.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Screenshots of the page for a person to look at, not a test (scripts/screenshots; nothing here
 * can pass or fail). At a desktop and a phone size: the playground trained; two points added by
 * hand, an import error and the tour open; the inspector's cards while and after training (with
 * the frame's cost printed) and the classic example. Then the whole page at phone width, and the
 * alarms a bad link and a diverging learning rate raise. Writes PNGs to the folder given as the
 * first argument, default target/screenshots.
 */
public final class Screenshots {
    private Screenshots() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Path bad = Files.createTempDirectory("scratchnet-shots-").resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"scratchnet-model\", \"version\": 1, \"layers\": []}");
        boolean lessonOnly = args.length > 1 && args[1].equals("lesson"); // scripts/screenshots DIR lesson
        boolean healthOnly = args.length > 1 && args[1].equals("health"); // scripts/screenshots DIR health
        boolean warpOnly = args.length > 1 && args[1].equals("warp"); // scripts/screenshots DIR warp
        boolean sessionsOnly = args.length > 1 && args[1].equals("sessions"); // scripts/screenshots DIR sessions
        try (BrowserSupport browser = BrowserSupport.start()) {
            for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
                browser.viewport(size[0], size[1]);
                sessions(browser, out, size[0] + "x" + size[1]);
            }
            if (sessionsOnly) {
                return;
            }
            for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
                browser.viewport(size[0], size[1]);
                warp(browser, out, size[0] + "x" + size[1]);
            }
            if (warpOnly) {
                return;
            }
            for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
                browser.viewport(size[0], size[1]);
                health(browser, out, size[0] + "x" + size[1]);
            }
            if (healthOnly) {
                return;
            }
            for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
                browser.viewport(size[0], size[1]);
                lesson(browser, out, size[0] + "x" + size[1]);
            }
            if (lessonOnly) {
                return;
            }
            for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
                browser.viewport(size[0], size[1]);
                trained(browser, "", 150);
                save(browser, out.resolve("first-" + size[0] + "x" + size[1] + ".png"));
            }
            for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
                browser.viewport(size[0], size[1]);
                trained(browser, "layers=4&test=1&add=-1,-1,1;-0.8,-1.1,1", 100);
                browser.driver().findElement(By.id("import-file")).sendKeys(bad.toString());
                new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                        .until(d -> browser.text("import-error").contains("bad.json"));
                browser.click("tour-open");
                browser.click("tour-next");
                save(browser, out.resolve("data-" + size[0] + "x" + size[1] + ".png"));
                browser.click("tour-close");
            }
            for (int[] size : new int[][] {{1280, 800}, {390, 1700}}) {
                browser.viewport(size[0], size[1]);
                compare(browser, out, size[0] + "x" + size[1]);
            }
            for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
                browser.viewport(size[0], size[1]);
                inspector(browser, out, size[0] + "x" + size[1]);
            }
            browser.viewport(390, 2600);
            browser.openPage("wasm", "layers=4");
            save(browser, out.resolve("data-390-full.png"));
            browser.openPage("wasm", "points=-5&bogus=1&output=linear&loss=sse&lr=10");
            browser.click("play");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                    .until(d -> d.findElement(By.id("diverged")).isDisplayed());
            save(browser, out.resolve("playground-390-full-alarms.png"));
        } finally {
            Files.delete(bad);
            Files.delete(bad.getParent());
        }
    }

    /** The inspector's cards, after 200 steps of training with the panel open, and the classic example. */
    private static void inspector(BrowserSupport browser, Path out, String size) throws IOException {
        browser.openPage("wasm", "");
        browser.click("play");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> Integer.parseInt(browser.text("step-count")) > 200);
        System.out.println(size + " playing with the inspector open: " + browser.text("perf"));
        browser.click("play");
        save(browser, out.resolve("inspector-" + size + "-top.png"));
        browser.click("open-graph");
        for (String id : new String[] {"graph-title", "diagram-title", "phase-title", "params-panel"}) {
            scrollTo(browser, id);
            save(browser, out.resolve("inspector-" + size + "-" + id + ".png"));
        }
        new Select(browser.driver().findElement(By.id("graph-source"))).selectByValue("classic");
        browser.click("classic-step");
        scrollTo(browser, "graph-title");
        save(browser, out.resolve("inspector-" + size + "-classic.png"));
    }

    /** Your sessions: a spiral trained, then someone's XOR link opened in the same tab (the spiral put aside), two steps. */
    private static void sessions(BrowserSupport browser, Path out, String size) throws IOException {
        trained(browser, "data=spiral&layers=8,8,8", 60);
        browser.openPageAsReturningVisitor("wasm", "data=xor");
        browser.click("step");
        browser.click("step");
        scrollTo(browser, "sessions-title");
        save(browser, out.resolve("sessions-" + size + ".png"));
    }

    /** The warp view: moons learnt by [8, 8] after 300 steps, layer 1 and layer 2; the spiral's layer 2 of two neurons. */
    private static void warp(BrowserSupport browser, Path out, String size) throws IOException {
        String[][] cases = {{"moons", "view=warp&layers=8,8", "300"}, {"moons-layer2", "view=warp&layers=8,8&warpLayer=2", "300"},
            {"two-neurons", "view=warp&layers=8,2&warpLayer=2&warpAxes=neurons", "150"}};
        for (String[] c : cases) {
            browser.openPage("wasm", c[1]);
            browser.click("play");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(90))
                    .until(d -> Integer.parseInt(browser.text("step-count")) > Integer.parseInt(c[2]));
            browser.click("play");
            scrollTo(browser, "tab-warp");
            save(browser, out.resolve("warp-" + c[0] + "-" + size + ".png"));
        }
    }

    /** The health view: six sigmoid layers' staircase after 100 steps, and ReLUs killed by a large rate. */
    private static void health(BrowserSupport browser, Path out, String size) throws IOException {
        String[][] cases = {{"staircase", "view=health&layers=8,8,8,8,8,8&activation=sigmoid&points=100&lr=0.1", "100"},
            {"dead", "view=health&layers=8&activation=relu&lr=3", "20"}};
        for (String[] c : cases) {
            browser.openPage("wasm", c[1]);
            browser.click("play");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                    .until(d -> Integer.parseInt(browser.text("step-count")) > Integer.parseInt(c[2]));
            browser.click("play");
            scrollTo(browser, "tab-health");
            save(browser, out.resolve("health-" + c[0] + "-" + size + ".png"));
            scrollTo(browser, "health-layers");
            save(browser, out.resolve("health-" + c[0] + "-" + size + "-layers.png"));
            scrollTo(browser, "network");
            save(browser, out.resolve("health-" + c[0] + "-" + size + "-diagram.png"));
        }
    }

    /** The lesson's example after 3 steps: the first screen, then its 41 parameters. */
    private static void lesson(BrowserSupport browser, Path out, String size) throws IOException {
        browser.openPage("wasm", "lesson=1");
        for (int i = 0; i < 3; i++) {
            browser.click("step");
        }
        browser.click("lesson-example-1");
        save(browser, out.resolve("lesson-" + size + ".png"));
        browser.click("open-params");
        save(browser, out.resolve("lesson-" + size + "-params.png"));
    }

    /** Two runs compared (B: adam at a smaller rate) after 150 steps, the controls editing B. */
    private static void compare(BrowserSupport browser, Path out, String size) throws IOException {
        browser.openPage("wasm", "data=spiral&layers=8,8&compare=1&b.lr=0.03&b.optimizer=adam&b.activation=relu");
        browser.click("play");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> Integer.parseInt(browser.text("step-count")) > 150);
        System.out.println(size + " playing two runs compared: " + browser.text("perf"));
        browser.click("play");
        browser.click("edit-b");
        save(browser, out.resolve("compare-" + size + ".png"));
    }

    /** The page opened with {@code hash}, played past {@code steps} steps, then paused. */
    private static void trained(BrowserSupport browser, String hash, int steps) {
        browser.openPage("wasm", hash);
        browser.click("play");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> Integer.parseInt(browser.text("step-count")) > steps);
        browser.click("play");
    }

    private static void scrollTo(BrowserSupport browser, String id) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", id);
    }

    private static void save(BrowserSupport browser, Path png) throws IOException {
        browser.screenshot(png);
        System.out.println("wrote " + png);
    }
}
