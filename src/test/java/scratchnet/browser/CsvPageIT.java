package scratchnet.browser;

import scratchnet.playground.Playground;
import scratchnet.playground.share.DataCsv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import scratchnet.io.CsvSamples;

/**
 * Points as CSV on the page, in both engines: pasted, previewed, imported (data, legend, link,
 * training as on the JVM), exported back to the same text; a bad CSV's precise error with nothing
 * changed; a file read through the file input, of real-world scale; a formula-like class name
 * defused in the export.
 */
class CsvPageIT extends PageTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static String hash() {
        String url = driver().getCurrentUrl();
        return url.substring(url.indexOf('#') + 1);
    }

    private static void paste(String text) {
        WebElement box = driver().findElement(By.id("csv-text"));
        box.clear();
        box.sendKeys(text);
    }

    private static boolean importEnabled() {
        return driver().findElement(By.id("csv-import")).isEnabled();
    }

    /** The legend's texts, in order. */
    private static List<String> legend() {
        return driver().findElements(By.cssSelector("#picture-legend span:not(.swatch)")).stream()
                .map(WebElement::getText).collect(Collectors.toList());
    }

    private static String readouts() {
        return text("step-count") + " | " + text("train-loss") + " " + text("train-accuracy") + " | "
                + text("test-loss") + " " + text("test-accuracy") + " | " + text("param-count") + " | " + text("data-counts");
    }

    /** Clicks {@code #id} and returns the text the page offers as a download, read from its Blob (as DataIT does). */
    private static String offered(String id) {
        JavascriptExecutor js = (JavascriptExecutor) driver();
        js.executeScript("window.offered = null; const make = URL.createObjectURL;"
                + "URL.createObjectURL = b => { window.offeredType = b.type; b.text().then(t => window.offered = t);"
                + " return make.call(URL, b); };");
        click(id);
        new WebDriverWait(driver(), WAIT).until(d -> js.executeScript("return window.offered") != null);
        assertEquals("text/csv", js.executeScript("return window.offeredType"));
        return (String) js.executeScript("return window.offered");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void pastedPointsArePreviewedImportedTrainedAndExportedAsTheSameText(String engine) throws Exception {
        open(engine, "");
        awaitText("data-counts", "160 training points, 40 test");
        assertTrue(text("csv-format").contains("At most 1000 points"), text("csv-format"));
        assertFalse(importEnabled(), "nothing previewed yet");
        String points = CsvSamples.csv(50, new String[] {"cat", "dog", "bird"}, 2, 1);
        Playground jvm = new Playground("");
        String summary = jvm.keeping().previewCsv(points, "auto").text;
        paste(points);
        click("csv-preview");
        awaitText("csv-summary", "Ready to import: " + summary + ".");
        assertTrue(importEnabled());
        click("csv-import");
        awaitText("data-counts", "40 training points, 10 test");
        assertEquals(List.of("cat", "dog", "bird"), legend());
        assertEquals(List.of("0", "1", "2"), new Select(driver().findElement(By.id("paint-class"))).getOptions().stream()
                .map(o -> o.getAttribute("value")).collect(Collectors.toList()));
        assertTrue(hash().contains("data=gaussians&classes=3&") && hash().endsWith("&src=file"), hash());
        // The dataset shown is the imported points, not the settings' stand-in (gaussians).
        assertEquals("your points (imported)", new Select(driver().findElement(By.id("set-data")))
                .getFirstSelectedOption().getText());
        WebElement yours = driver().findElement(By.cssSelector("#dataset-pictures button[data-dataset='your points']"));
        assertTrue(yours.isDisplayed());
        assertEquals("true", yours.getAttribute("aria-pressed"));
        assertEquals(List.of(), driver().findElements(By.cssSelector(
                "#dataset-pictures button[data-dataset='gaussians'][aria-pressed='true']")));
        assertTrue(text("notes").contains(summary), text("notes"));
        assertFalse(importEnabled(), "imported: preview again to import again");
        // Training runs, exactly as on the JVM.
        jvm.keeping().importCsv(points, "auto");
        click("step");
        awaitText("step-count", "1");
        jvm.step();
        assertEquals(jvm.readout().trainLossText(), text("train-loss"));
        assertEquals(jvm.readout().trainAccuracyText(), text("train-accuracy"));
        // The export is the text imported, to the last digit.
        assertEquals(points, offered("csv-export"));
        // Undo brings the moons back, and their legend.
        click("undo");
        awaitText("data-counts", "160 training points, 40 test");
        assertEquals(List.of("−1", "+1"), legend());
        assertFalse(hash().contains("src=file"), hash());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aBadCsvShowsThePreciseErrorAndChangesNothing(String engine) {
        open(engine, "layers=3");
        click("step");
        awaitText("step-count", "1");
        String state = readouts();
        String link = hash();
        paste("x,y,label\n1,abc,0");
        click("csv-preview");
        awaitText("csv-error", "Cannot import these points: line 2, column 2: 'abc' is not a number.");
        assertFalse(importEnabled());
        assertEquals("", text("csv-summary"));
        assertEquals(state, readouts());
        assertEquals(link, hash());
        // Markup in the file is shown as text, never as markup.
        paste("x,y,label\n1,<img src=x onerror=alert(1)>,0");
        click("csv-preview");
        awaitText("csv-error", "Cannot import these points: line 2, column 2: '<img src=x onerror=alert(1)>' is not a number.");
        assertTrue(driver().findElements(By.cssSelector("#csv-error img")).isEmpty());
        // A good preview, then an edit: import waits for another preview.
        paste("x,y,label\n0,0,a\n1,1,b\n");
        click("csv-preview");
        awaitText("csv-summary", "Ready to import: 2 points, 2 classes (a: 1, b: 1), x in [0, 1.00], y in [0, 1.00].");
        assertFalse(driver().findElement(By.id("csv-error")).isDisplayed());
        assertTrue(importEnabled());
        driver().findElement(By.id("csv-text")).sendKeys("2,2,c\n");
        assertFalse(importEnabled(), "the text changed since its preview");
        assertEquals(state, readouts());
        assertEquals(link, hash());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aFileOfRealWorldScaleIsReadImportedPaintedOnAndTrained(String engine) throws Exception {
        open(engine, "");
        Path dir = Files.createTempDirectory("scratchnet-csv-");
        // Tab-separated, coordinates in [0, 1000], real-valued targets: a regression.
        String points = CsvSamples.csv(30, null, 1000, 2).replace(',', '\t');
        Path file = Files.writeString(dir.resolve("houses.tsv"), points);
        String summary = new Playground("").keeping().previewCsv(points, "auto").text;
        driver().findElement(By.id("csv-file")).sendKeys(file.toAbsolutePath().toString());
        awaitText("csv-summary", "Ready to import: " + summary + ".");
        assertEquals(points, driver().findElement(By.id("csv-text")).getAttribute("value"));
        click("csv-import");
        awaitText("data-counts", "24 training points, 6 test");
        // The select names the imported points; the link keeps the regression the settings stand for.
        assertEquals("your points", driver().findElement(By.id("set-data")).getAttribute("value"));
        assertTrue(hash().contains("data=plane&"), hash());
        assertEquals("linear", driver().findElement(By.id("set-output")).getAttribute("value"));
        // Painting on it: a point where the picture is clicked.
        new Select(driver().findElement(By.id("click-mode"))).selectByValue("add");
        WebElement canvas = driver().findElement(By.id("boundary"));
        ((JavascriptExecutor) driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", canvas);
        new Actions(driver()).moveToElement(canvas).click().perform();
        awaitText("data-counts", "25 training points, 6 test");
        assertEquals("", text("click-message"));
        click("step");
        awaitText("step-count", "1");
        assertEquals("ready", text("status"));
        // A file too large is refused before it is read.
        Path big = dir.resolve("big.csv");
        Files.write(big, new byte[4 * DataCsv.MAX_CHARS + 1]);
        driver().findElement(By.id("csv-file")).sendKeys(big.toAbsolutePath().toString());
        awaitText("csv-error", "Not read big.csv: the file is too large: " + (4 * DataCsv.MAX_CHARS + 1)
                + " bytes, at most " + DataCsv.MAX_CHARS + " characters. Nothing was changed.");
        assertEquals("25 training points, 6 test", text("data-counts"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aClassNamedLikeAFormulaIsExportedWithALeadingQuote(String engine) {
        open(engine, "");
        String formula = "=cmd|' /C calc'!A0";
        paste("x,y,label\n0,0," + formula + "\n1,1,ok\n0.5,0.25,ok\n");
        click("csv-preview");
        awaitText("csv-summary", "Ready to import: 3 points, 2 classes (" + formula + ": 1, ok: 2), x in [0, 1.00],"
                + " y in [0, 1.00].");
        click("csv-import");
        awaitText("data-counts", "2 training points, 1 test");
        assertEquals(List.of(formula, "ok"), legend(), "shown as text");
        String exported = offered("csv-export");
        String guarded = "\"'" + formula + "\"";
        assertEquals("# classes: " + guarded + ",ok\nx,y,label\n0,0," + guarded + "\n1,1,ok\n0.5,0.25,ok\n", exported);
    }
}
