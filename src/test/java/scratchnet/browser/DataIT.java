package scratchnet.browser;

import scratchnet.playground.picture.HeatMap;
import scratchnet.playground.picture.View;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Hash;
import scratchnet.playground.settings.Settings;
import scratchnet.playground.share.Link;
import scratchnet.playground.share.ModelFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import scratchnet.data.Point;
import scratchnet.io.Format;

/**
 * Issue 5's data and model features on the page, in both engines: points by hand and their link,
 * the hidden-layer toggle, export and import of model files (good and bad), the weights link,
 * the tour, and the Content-Security-Policy holding while they are used.
 */
class DataIT extends PageTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static String hash() {
        String url = driver().getCurrentUrl();
        return url.substring(url.indexOf('#') + 1);
    }

    /** Picks what a click on the picture does: "add-pos" and "add-neg" are the add tool with class +1 or -1. */
    private static void clickMode(String mode) {
        String tool = mode.startsWith("add-") ? "add" : mode;
        new Select(driver().findElement(By.id("click-mode"))).selectByValue(tool);
        if (mode.startsWith("add-")) {
            new Select(driver().findElement(By.id("paint-class"))).selectByValue(mode.equals("add-pos") ? "1" : "-1");
        }
    }

    /** Clicks the picture at the plane's point (x, y). */
    private static void clickAt(double x, double y) {
        WebElement canvas = driver().findElement(By.id("boundary"));
        // WebDriver aims at the centre of the element's visible part: have all of it in view. Offsets
        // from the centre are in the picture's own (padding-box) pixels: the border is even all round.
        JavascriptExecutor js = (JavascriptExecutor) driver();
        js.executeScript("arguments[0].scrollIntoView({block: 'center'})", canvas);
        double w = ((Number) js.executeScript("return arguments[0].clientWidth", canvas)).doubleValue();
        double h = ((Number) js.executeScript("return arguments[0].clientHeight", canvas)).doubleValue();
        double fx = view.pixelX(x, 1), fy = view.pixelY(y, 1);
        new Actions(driver()).moveToElement(canvas, (int) Math.round((fx - 0.5) * w), (int) Math.round((fy - 0.5) * h))
                .click().perform();
    }

    // The default moons' view: clicks land where meant on the moons (on other data, somewhere in the picture).
    private static final View view = new Session(new Settings()).view();

    /** Red, green and blue of the canvas pixel under the plane's point (x, y). */
    @SuppressWarnings("unchecked")
    private static long[] pixel(double x, double y) {
        double fx = view.pixelX(x, 1), fy = view.pixelY(y, 1);
        List<Long> rgb = (List<Long>) ((JavascriptExecutor) driver()).executeScript(
                "const c = document.getElementById('boundary');"
                        + "const d = c.getContext('2d').getImageData(Math.floor(arguments[0] * c.width),"
                        + " Math.floor(arguments[1] * c.height), 1, 1).data; return [d[0], d[1], d[2]];", fx, fy);
        return new long[] {rgb.get(0), rgb.get(1), rgb.get(2)};
    }

    /** Every 16th pixel of the picture, as one string. */
    private static String picture() {
        return String.valueOf(((JavascriptExecutor) driver()).executeScript(
                "const c = document.getElementById('boundary');"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "const out = [];"
                        + "for (let y = 8; y < c.height; y += 16) for (let x = 8; x < c.width; x += 16) {"
                        + "  const i = 4 * (y * c.width + x); out.push(d[i], d[i + 1], d[i + 2]); }"
                        + "return out.join(',');"));
    }

    private static String readouts() {
        return text("step-count") + " | " + text("train-loss") + " " + text("train-accuracy") + " | "
                + text("test-loss") + " " + text("test-accuracy") + " | " + text("param-count") + " | " + text("data-counts");
    }

    /** The readouts and picture once two frames have painted them. */
    private static String settledState() {
        String before;
        String now = readouts() + picture();
        do {
            before = now;
            frames(2);
            now = readouts() + picture();
        } while (!now.equals(before));
        return now;
    }

    private static int cspViolations() {
        return Integer.parseInt(String.valueOf(((JavascriptExecutor) driver()).executeScript(
                "return document.documentElement.dataset.cspViolations;")));
    }

    // ---- data by hand ----

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void anAddedPointChangesTheDataThePictureAndTheLinkWhichReproducesIt(String engine) {
        open(engine, "");
        awaitText("data-counts", "160 training points, 40 test");
        double x = -1.0, y = -1.0; // a corner without points
        long[] before = pixel(x, y);
        clickMode("add-pos");
        clickAt(x, y);
        awaitText("data-counts", "161 training points, 40 test");
        long[] after = pixel(x, y);
        String blue = HeatMap.css(HeatMap.POSITIVE);
        assertNotEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(after));
        assertEquals(blue, String.format("#%02x%02x%02x", after[0], after[1], after[2]), "a blue point is drawn there");
        String link = hash();
        assertTrue(link.contains("&add="), link);
        // The link's point is the clicked one, to the precision of the click: WebDriver aims in whole
        // pixels from the element's (fractional) centre, a pixel or two off; 3 px is 0.03 here.
        String[] added = link.substring(link.indexOf("&add=") + 5).split("&")[0].split(",");
        double pixel = view.planeLength(1, driver().findElement(By.id("boundary")).getSize().getWidth());
        assertEquals(x, Double.parseDouble(added[0]), 3 * pixel);
        assertEquals(y, Double.parseDouble(added[1]), 3 * pixel);
        assertEquals("1", added[2]);

        clickMode("add-neg");
        clickAt(2.0, 1.5);
        awaitText("data-counts", "162 training points, 40 test");
        steps(3);
        String edited = settledState();
        link = hash();

        // The same link, in a new page, gives the same data and the same run.
        open(engine, link);
        awaitText("data-counts", "162 training points, 40 test");
        assertEquals(link, hash());
        steps(3);
        assertEquals(edited, settledState());
        Session jvm = new Session(new Settings());
        Link.open(Hash.read(link), jvm);
        for (int i = 0; i < 3; i++) {
            jvm.step();
        }
        assertEquals(Format.fixed(jvm.readout().trainLoss, 4), text("train-loss"), "as on the JVM");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theSessionIsKeptAcrossReloadsAndAsharedLinkLeavesItRestorable(String engine) {
        open(engine, "layers=3");
        clickMode("add-pos");
        clickAt(-1.0, -1.0);
        awaitText("data-counts", "161 training points, 40 test");
        steps(3);
        String state = settledState();
        String link = hash();
        // A reload (the same link) and a later visit (no link) come back to the same session.
        browser.openPageAsReturningVisitor(engine, link);
        awaitText("step-count", "3");
        assertEquals(state, settledState());
        assertTrue(text("notes").contains("restored your last session from this browser, at step 3"), text("notes"));
        browser.openPageAsReturningVisitor(engine, "");
        awaitText("step-count", "3");
        assertEquals(link, hash());
        assertTrue(driver().findElement(By.id("start-fresh")).isDisplayed());
        click("start-fresh");
        awaitText("data-counts", "160 training points, 40 test");
        awaitText("step-count", "0");
        click("undo"); // starting fresh can be undone too
        awaitText("data-counts", "161 training points, 40 test");
        steps(1);
        // Someone's shared link wins, and the kept session waits behind a button.
        browser.openPageAsReturningVisitor(engine, "data=xor");
        assertEquals("xor", driver().findElement(By.id("set-data")).getAttribute("value"));
        assertTrue(driver().findElement(By.id("restore-previous")).isDisplayed());
        click("restore-previous");
        awaitText("data-counts", "161 training points, 40 test");
        awaitText("step-count", "4");
        assertEquals(link, hash());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aFullStorageIsReportedOnceAndThePageWorksOn(String engine) {
        open(engine, "");
        // Fill this origin's localStorage to the brim: the page's next save cannot fit.
        ((JavascriptExecutor) driver()).executeScript(
                "let size = 1 << 20, i = 0;"
                        + "while (size >= 16) { try { localStorage.setItem('filler' + i++, 'x'.repeat(size)); }"
                        + " catch (e) { size = size >> 1; } }");
        try {
            clickMode("add-pos");
            clickAt(-1.0, -1.0);
            awaitText("data-counts", "161 training points, 40 test");
            await("the note", () -> text("notes").contains("this browser will not keep your session between visits: "
                    + "its storage is full"));
            clickAt(2.0, 1.5);
            awaitText("data-counts", "162 training points, 40 test");
            click("step");
            awaitText("step-count", "1");
            assertEquals(1, text("notes").split("will not keep").length - 1, "said once");
        } finally {
            ((JavascriptExecutor) driver()).executeScript("localStorage.clear()");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theBrushPaintsByDraggingAndUndoTakesTheStrokeBack(String engine) {
        open(engine, "brush=30&density=6");
        awaitText("data-counts", "160 training points, 40 test");
        new Select(driver().findElement(By.id("click-mode"))).selectByValue("brush");
        new Select(driver().findElement(By.id("paint-class"))).selectByValue("-1");
        WebElement canvas = driver().findElement(By.id("boundary"));
        ((JavascriptExecutor) driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", canvas);
        // A drag of 100 px to the right: a dab where pressed, then one every half radius (15 px) moved.
        new Actions(driver()).moveToElement(canvas, -50, 0).clickAndHold()
                .moveByOffset(20, 0).moveByOffset(20, 0).moveByOffset(20, 0).moveByOffset(20, 0).moveByOffset(20, 0)
                .release().perform();
        awaitText("data-counts", "196 training points, 40 test"); // 6 dabs of 6
        assertTrue(hash().contains("&add="), hash());
        assertEquals("Undo paint", driver().findElement(By.id("undo")).getAttribute("title"));
        driver().findElement(By.tagName("body")).sendKeys(Keys.chord(Keys.CONTROL, "z"));
        awaitText("data-counts", "160 training points, 40 test");
        assertFalse(hash().contains("&add="), "the link follows the undo");
        driver().findElement(By.tagName("body")).sendKeys(Keys.chord(Keys.CONTROL, Keys.SHIFT, "z"));
        awaitText("data-counts", "196 training points, 40 test");
        click("redo");
        awaitText("data-counts", "196 training points, 40 test"); // nothing left to redo
        // The eraser removes every point under it along the drag.
        new Select(driver().findElement(By.id("click-mode"))).selectByValue("erase");
        new Actions(driver()).moveToElement(canvas, -50, 0).clickAndHold().moveByOffset(50, 0).moveByOffset(50, 0)
                .release().perform();
        await("points erased", () -> Integer.parseInt(text("data-counts").split(" ")[0]) < 190);
        click("undo");
        awaitText("data-counts", "196 training points, 40 test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void withNoTrainingPointsPlayAndStepSaySoAndTheReadoutsShowADash(String engine) {
        open(engine, "points=0&split=0");
        awaitText("data-counts", "0 training points, 2 test");
        assertEquals("—", text("train-loss"));
        assertEquals("—", text("train-accuracy"));
        assertFalse(driver().findElement(By.id("train-note")).isDisplayed());
        click("step");
        awaitText("train-note", "no training points — click the picture to add some");
        assertEquals("0", text("step-count"));
        click("play");
        assertEquals("▶ Play", text("play"), "play does not start");
        clickMode("add-pos");
        clickAt(0.5, 0.5);
        awaitText("data-counts", "1 training points, 2 test");
        await("the note goes", () -> !driver().findElement(By.id("train-note")).isDisplayed());
        click("step");
        awaitText("step-count", "1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void removingAndClearingPointsThenDrawingANewDataset(String engine) {
        open(engine, "");
        List<Point> points = new Session(new Settings()).train().points;
        int i = isolatedPoint(points); // not point #0, which the inspector shows at first
        Point target = points.get(i);
        clickMode("inspect");
        clickAt(target.x, target.y);
        // The inspector showing the clicked point proves the click was taken; the counts are painted in the same frame.
        await("the inspector shows the clicked point #" + i, () -> text("graph-summary").startsWith("point #" + i + " "));
        assertEquals("160 training points, 40 test", text("data-counts"), "inspect mode leaves the data alone");
        assertFalse(hash().contains("del="));

        clickMode("remove");
        clickAt(target.x, target.y);
        awaitText("data-counts", "159 training points, 40 test");
        assertTrue(hash().contains("&del="), hash());
        clickAt(-1.2, -1.2);
        awaitText("click-message", "No point there to remove.");
        frames(2);
        assertEquals("159 training points, 40 test", text("data-counts"), "a miss removes nothing");

        click("clear-points");
        awaitText("data-counts", "0 training points, 0 test");
        assertTrue(hash().endsWith("&del=0-199"), hash());
        clickMode("add-neg");
        clickAt(-0.8, 0.5);
        clickMode("add-pos");
        clickAt(0.8, 0.5);
        awaitText("data-counts", "2 training points, 0 test");
        steps(2);
        String drawn = hash();

        open(engine, drawn);
        awaitText("data-counts", "2 training points, 0 test");

        // New data settings drop the hand-made points, and the page says so.
        click("new-data");
        awaitText("data-counts", "160 training points, 40 test");
        assertTrue(text("notes").contains("dropped"), text("notes"));
        assertFalse(hash().contains("add=") || hash().contains("del="), hash());
    }

    @Test
    void editsSurviveTrainingAndNetworkChanges() {
        open("wasm", "");
        clickMode("add-pos");
        clickAt(-1.0, -1.0);
        awaitText("data-counts", "161 training points, 40 test");
        steps(2);
        WebElement lr = driver().findElement(By.id("set-lr"));
        lr.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.1", Keys.TAB);
        awaitText("step-count", "2");
        click("add-layer");
        awaitText("step-count", "0");
        assertEquals("161 training points, 40 test", text("data-counts"));
        assertTrue(hash().contains("&add=") && hash().contains("lr=0.1"), hash());
    }

    // ---- why hidden layers matter ----

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theHiddenLayerToggleGivesOneNeuronAndBringsTheLayersBack(String engine) {
        open(engine, "layers=5,3");
        WebElement toggle = driver().findElement(By.id("toggle-hidden"));
        assertTrue(toggle.getText().startsWith("Remove hidden layers"), toggle.getText());
        toggle.click();
        awaitText("param-count", "3");
        assertTrue(hash().contains("layers=0"), hash());
        assertTrue(toggle.getText().contains("Bring back the hidden layers 5,3"), toggle.getText());
        // One tanh neuron: the picture's boundary is a straight line. Train a little, then check
        // that the sign of the output along the picture's rows changes at most once per row and
        // the crossing moves linearly from row to row.
        steps(20);
        Session jvm = new Session(Settings.fromHash(hash()).settings);
        for (int i = 0; i < 20; i++) {
            jvm.step();
        }
        assertEquals(Format.fixed(jvm.readout().trainLoss, 4), text("train-loss"));
        var neuron = jvm.model().layers.get(0).neurons.get(0);
        assertEquals(2, neuron.w.size(), "one neuron on x and y: its boundary w·x + b = 0 is a line");
        toggle.click();
        awaitText("param-count", Integer.toString(2 * 5 + 5 + 5 * 3 + 3 + 3 + 1));
        assertTrue(hash().contains("layers=5,3"), hash());
        assertEquals("160 training points, 40 test", text("data-counts"), "on the same data");
    }

    // ---- export and import ----

    private static Path export() throws IOException {
        return download("export-model", ".json");
    }

    /** Clicks the button {@code #id} and waits for the download whose name ends with {@code ending}. */
    private static Path download(String id, String ending) throws IOException {
        Path downloads = browser.downloads();
        try (Stream<Path> old = Files.exists(downloads) ? Files.list(downloads) : Stream.empty()) {
            for (Path p : (Iterable<Path>) old::iterator) {
                Files.delete(p);
            }
        }
        click(id);
        Path[] found = new Path[1];
        new WebDriverWait(driver(), WAIT).until(d -> {
            try (Stream<Path> files = Files.exists(downloads) ? Files.list(downloads) : Stream.empty()) {
                found[0] = files.filter(p -> p.toString().endsWith(ending)).findFirst().orElse(null);
                return found[0] != null;
            } catch (IOException e) {
                return false;
            }
        });
        return found[0];
    }

    /**
     * Clicks {@code #id} and returns the text the page offers as a download. Read from the Blob the
     * page hands the browser: Chrome holds script files (.py) back until a person confirms them.
     */
    private static String offered(String id) {
        JavascriptExecutor js = (JavascriptExecutor) driver();
        js.executeScript("window.offered = null; const make = URL.createObjectURL;"
                + "URL.createObjectURL = b => { b.text().then(t => window.offered = t); return make.call(URL, b); };");
        click(id);
        new WebDriverWait(driver(), WAIT).until(d -> js.executeScript("return window.offered") != null);
        return (String) js.executeScript("return window.offered");
    }

    /** Runs a command with a time limit; returns its exit code and output. */
    /** Starts {@code command} in {@code dir}; its output and errors go to a file there named after the program. */
    private static Process start(Path dir, String... command) throws IOException {
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(command[0] + ".out").toFile()).start();
    }

    /** The exit status and output of a program {@link #start}ed in {@code dir}, once it ends. */
    private static String[] finish(Process p, Path dir, String... command) throws IOException, InterruptedException {
        if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took over 2 minutes");
        }
        return new String[] {Integer.toString(p.exitValue()), Files.readString(dir.resolve(command[0] + ".out"))};
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theExportedPictureHoldsTheBoundaryItsPointsAndTheChart(String engine) throws Exception {
        open(engine, "");
        steps(3);
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(download("export-picture", ".png").toFile());
        long[] size = ((List<Long>) ((JavascriptExecutor) driver()).executeScript(
                "const b = document.getElementById('boundary'), c = document.getElementById('chart');"
                        + "return [b.width, b.height, Math.round(c.height * b.width / c.width)];")).stream()
                .mapToLong(Long::longValue).toArray();
        assertEquals(size[0], png.getWidth());
        assertEquals(size[1] + size[2], png.getHeight(), "the picture, then the chart below it");
        // The picture's pixel under a point of the outer moon (class -1) is the point's orange, as on the page.
        Point p = new Session(new Settings()).train().points.stream().filter(q -> q.label < 0).findFirst().orElseThrow();
        long[] onPage = pixel(p.x, p.y);
        int rgb = png.getRGB((int) Math.floor(view.pixelX(p.x, 1) * size[0]), (int) Math.floor(view.pixelY(p.y, 1) * size[1]));
        assertEquals(String.format("#%02x%02x%02x", onPage[0], onPage[1], onPage[2]), String.format("#%06x", rgb & 0xFFFFFF));
        // The chart below: its lines and text are dark on white.
        int dark = 0;
        for (int y = (int) size[1]; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int c = png.getRGB(x, y);
                dark += (c >> 16 & 255) + (c >> 8 & 255) + (c & 255) < 300 ? 1 : 0;
            }
        }
        assertTrue(dark > 50, "the chart's lines are in the PNG: " + dark + " dark pixels");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theExportedPythonAndJavaReproduceThePagesLossThenTrainOn(String engine) throws Exception {
        open(engine, "layers=4&lr=0.1&add=-1,-1,1");
        steps(5);
        String shown = text("train-loss");
        Path dir = Files.createTempDirectory("scratchnet-export-");
        Path python = Files.writeString(dir.resolve("scratchnet_model.py"), offered("export-python"));
        Path javaFile = Files.writeString(dir.resolve("Model.java"), offered("export-java"));
        String[][] commands = {{"python3", python.toString()}, {"java", javaFile.toString()}};
        Process[] running = {start(dir, commands[0]), start(dir, commands[1])}; // both at once, on two cores
        for (int i = 0; i < commands.length; i++) {
            String[] command = commands[i];
            String[] result = finish(running[i], dir, command);
            assertEquals("0", result[0], command[0] + " failed:\n" + result[1]);
            // The program's own check: the loss recomputed from the exported weights is the page's.
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("recomputed loss ([-0-9.eE+]+)").matcher(result[1]);
            assertTrue(m.find(), result[1]);
            assertEquals(shown, scratchnet.io.Format.fixed(Double.parseDouble(m.group(1)), 4),
                    "the page showed " + shown + ":\n" + result[1]);
            assertEquals(10, result[1].split("\n(?=step \\d+ loss )", -1).length - 1, "it trains 10 steps on:\n" + result[1]);
        }
    }

    private static void importFile(Path file) {
        driver().findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void exportThenImportOnAFreshPageReproducesThePredictionsExactly(String engine) throws IOException {
        open(engine, "data=circle&layers=6,4&decay=0.01");
        steps(15);
        clickMode("add-pos");
        clickAt(0.2, 0.1);
        steps(5);
        String state = settledState();
        String link = hash();
        Path file = export();
        assertTrue(file.getFileName().toString().equals("scratchnet-model-step20.json"), file.toString());
        assertTrue(Files.readString(file).startsWith("{"), "JSON");

        open(engine, "data=xor&layers=2&seed=7");
        assertNotEquals(state, settledState());
        importFile(file);
        awaitText("step-count", "20");
        assertEquals(state, settledState(), "readouts and picture as at export");
        assertEquals(link, hash(), "the link reproduces the imported state");
        assertFalse(driver().findElement(By.id("import-error")).isDisplayed());
        assertTrue(text("transfer-status").contains("step 20"), text("transfer-status"));
        assertEquals(0, cspViolations(), "nothing was blocked by the Content-Security-Policy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void badFilesAreRejectedWithThePreciseMessageAndChangeNothing(String engine) throws IOException {
        open(engine, "layers=3");
        steps(4);
        String good = new String(Files.readAllBytes(export()), StandardCharsets.UTF_8);
        steps(2);
        String state = settledState();
        String link = hash();
        Path dir = Files.createTempDirectory("scratchnet-import-");
        String[][] cases = {
            {"corrupt.json", "{\"format\": \"scratchnet-model\", <script>alert(1)</script>"},
            {"truncated.json", good.substring(0, good.length() / 2)},
            {"wrong-shape.json", good.replaceFirst("\"weights\":\\s*\\[\\s*\\[", "\"weights\": [[0.5, ")},
            {"oversized.json", "{\"pad\": \"" + "x".repeat(ModelFile.MAX_CHARS) + "\"}"},
        };
        for (String[] c : cases) {
            String expected;
            try {
                ModelFile.read(c[1]);
                fail(c[0] + " should not be a valid model file");
                return;
            } catch (ModelFile.InvalidModel e) {
                expected = e.getMessage();
            }
            Path file = dir.resolve(c[0]);
            Files.writeString(file, c[1]);
            importFile(file);
            new WebDriverWait(driver(), WAIT).until(d -> text("import-error").contains(c[0]));
            String shown = text("import-error");
            assertEquals("Not imported " + c[0] + ": " + expected + ". Nothing was changed.", shown);
            assertTrue(driver().findElements(By.cssSelector("#import-error script")).isEmpty(), "shown as text");
            assertEquals(state, settledState(), c[0] + " left the model and data alone");
            assertEquals(link, hash());
        }
        steps(1); // and the page still trains
    }

    // ---- weights in the link ----

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theWeightsLinkReproducesATrainedModelOnAFreshPage(String engine) {
        open(engine, "layers=4&points=100");
        WebElement box = driver().findElement(By.id("link-weights"));
        assertTrue(box.isEnabled());
        box.click();
        click("play");
        new WebDriverWait(driver(), WAIT).until(d -> Integer.parseInt(text("step-count")) > 30);
        click("play");
        new WebDriverWait(driver(), WAIT).until(d -> hash().contains("&w="));
        String state = settledState();
        String link = hash();
        String at = text("step-count");

        open(engine, link);
        awaitText("step-count", "0"); // the step count is not in the link; the weights are
        assertTrue(driver().findElement(By.id("link-weights")).isSelected());
        assertEquals(state.replaceFirst("^" + at + " ", "0 "), settledState(), "same predictions, same picture");
        assertFalse(text("notes").contains("w:"), text("notes"));

        open(engine, "layers=16,16");
        box = driver().findElement(By.id("link-weights"));
        assertFalse(box.isEnabled(), "too many parameters for a link");
        assertTrue(text("link-weights-note").contains("at most 300 parameters"), text("link-weights-note"));
    }

    // ---- the tour ----

    /** The network diagram's canvas as a data URL: equal when it draws the same. */
    private static String diagramPixels() {
        return (String) ((JavascriptExecutor) driver()).executeScript("return document.getElementById('network').toDataURL();");
    }

    @Test
    void theTourOpensStepsAndClosesByKeyboard() {
        open("wasm", "");
        ((JavascriptExecutor) driver()).executeScript("localStorage.clear();");
        open("wasm", "");
        assertTrue(driver().findElement(By.id("tour-invite")).isDisplayed(), "offered on a first visit");
        click("tour-open");
        WebElement tour = driver().findElement(By.id("tour"));
        assertTrue(tour.isDisplayed());
        assertEquals("step 1 of 5", text("tour-progress"));
        assertTrue(text("tour-title").contains("neuron"));
        assertTrue(driver().findElement(By.id("network")).getAttribute("class").contains("tour-target"), "the diagram");
        assertEquals("tour-next", driver().switchTo().activeElement().getAttribute("id"), "focus on Next");
        driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        assertEquals("step 2 of 5", text("tour-progress"));
        assertTrue(driver().findElement(By.id("net-top")).getAttribute("class").contains("tour-target"), "the layers' +/−");
        assertFalse(driver().findElement(By.id("network")).getAttribute("class").contains("tour-target"));
        driver().switchTo().activeElement().sendKeys(" "); // space presses Next, it does not play
        assertEquals("step 3 of 5", text("tour-progress"));
        assertEquals("▶ Play", text("play"));
        String weights = diagramPixels();
        driver().switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        assertEquals("step 4 of 5", text("tour-progress"));
        assertTrue(text("tour-title").contains("Backward"));
        // Backward runs on the live network: its phases by hand, the diagram's lines now the gradients.
        await("backward lit", () -> driver().findElement(By.id("phase-backward")).getAttribute("class").contains("lit"));
        assertEquals("true", driver().findElement(By.id("tab-phases")).getAttribute("aria-selected"));
        assertEquals("0", text("step-count"), "the step is not done yet");
        await("the lines show the gradients", () -> !diagramPixels().equals(weights));
        click("tour-back");
        assertEquals("step 3 of 5", text("tour-progress"));
        for (int i = 0; i < 2; i++) {
            click("tour-next");
        }
        assertEquals("step 5 of 5", text("tour-progress"));
        // Update: the step is done, and the weight it moved most is shown moving against its gradient.
        awaitText("step-count", "1");
        assertTrue(text("tour-text").contains(" went from ") && text("tour-text").contains("p.data −= lr · p.grad"),
                text("tour-text"));
        assertEquals(1, driver().findElements(By.cssSelector("#neuron-weights tr.chosen")).size());
        assertEquals("Done", text("tour-next"));
        driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertFalse(tour.isDisplayed());
        assertTrue(driver().findElements(By.cssSelector(".tour-target")).isEmpty(), "nothing stays outlined");
        open("wasm", "");
        assertFalse(driver().findElement(By.id("tour-invite")).isDisplayed(), "remembered as seen");
    }

    @Test
    void thePageDeclaresAContentSecurityPolicyWithoutInlineScript() {
        open("js", "");
        String csp = driver().findElement(By.cssSelector("meta[http-equiv='Content-Security-Policy']")).getAttribute("content");
        assertTrue(csp.contains("script-src 'self' 'wasm-unsafe-eval';") && !csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'")
                && csp.contains("object-src 'none'"), csp);
        assertEquals(0, cspViolations());
        // A script from outside the site, added by the page's own context, is refused by the policy: the
        // browser answers the element with an error event (a load event if it ran), so no fixed wait.
        Object result = ((JavascriptExecutor) driver()).executeScript(
                "const s = document.createElement('script'); s.src = 'data:text/javascript,window.evalProbe=1';"
                + "return new Promise(r => { s.onload = () => r('loaded: ' + window.evalProbe);"
                + " s.onerror = () => r(String(window.evalProbe)); document.head.appendChild(s); });");
        assertEquals("undefined", result, "a script from outside the site does not run");
        await("the policy to report it, once", () -> cspViolations() == 1);
        browser.openFile("index.html");
        assertEquals("ready", browser.awaitStatus(), "runs from file:// under the policy");
        assertEquals(0, cspViolations());
    }
}
