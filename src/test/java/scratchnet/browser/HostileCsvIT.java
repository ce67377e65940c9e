package scratchnet.browser;

import scratchnet.playground.Keeping;
import scratchnet.playground.Playground;
import scratchnet.playground.share.DataCsv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import scratchnet.data.Rng;
import scratchnet.io.Csv;

/**
 * Hostile CSV on the page, in both engines: binary junk (pasted and as a file), 10 MB (pasted and
 * as a file), ragged rows, NaN and Infinity, coordinates of 1e300, one column. Each is refused
 * with the JVM's message, naming the line and column where it applies; the data, the link and the
 * training in force are untouched and train on exactly as on the JVM. Class names a spreadsheet
 * would run as formulas come back out of the export guarded.
 */
class HostileCsvIT extends PageTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static JavascriptExecutor js() {
        return (JavascriptExecutor) driver();
    }

    /** Puts {@code text} in the box as a paste would (an input event), without typing it key by key. */
    private static void paste(String text) {
        js().executeScript("const box = document.getElementById('csv-text'); box.value = arguments[0];"
                + " box.dispatchEvent(new Event('input'));", text);
    }

    private static String hash() {
        String url = driver().getCurrentUrl();
        return url.substring(url.indexOf('#') + 1);
    }

    private static String readouts() {
        return text("step-count") + " | " + text("train-loss") + " " + text("train-accuracy") + " | "
                + text("test-loss") + " " + text("test-accuracy") + " | " + text("data-counts");
    }

    /** Junk: characters from all over the first 2048 code points, control characters included. */
    private static String junk(int n, long seed) {
        Rng rng = new Rng(seed);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            char c = (char) (1 + (int) (rng.nextDouble() * 0x7fe));
            s.append(c == '\r' ? 'z' : c); // a text box turns \r into \n
        }
        return s.toString();
    }

    private static void refused(String text, String why) {
        String message = new Playground("").keeping().previewCsv(text, "auto").text;
        assertFalse(new Playground("").keeping().previewCsv(text, "auto").ok, why);
        paste(text);
        click("csv-preview");
        awaitText("csv-error", "Cannot import these points: " + message + ".");
        assertFalse(driver().findElement(By.id("csv-import")).isEnabled(), why);
        assertEquals("", text("csv-summary"), why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void hostileTextIsRefusedNamingTheProblemAndTheDataTrainsOn(String engine) throws Exception {
        open(engine, "layers=3");
        click("step");
        awaitText("step-count", "1");
        String state = readouts();
        String link = hash();

        refused(junk(300, 1), "binary junk");
        assertTrue(text("csv-error").startsWith("Cannot import these points: line 1: not text (the control character"),
                text("csv-error"));
        refused("x,y,label\n0,0,a\n1,1\n2,2,b\n", "a short row");
        assertEquals("Cannot import these points: line 3: 3 fields expected, found 2.", text("csv-error"));
        refused("x,y,label\n0,0,a\n1,1,b,7\n", "a long row");
        assertEquals("Cannot import these points: line 3: 3 fields expected, found 4.", text("csv-error"));
        refused("x,y,label\n0,NaN,a\n1,1,b\n", "NaN");
        assertEquals("Cannot import these points: line 2, column 2: NaN is not a finite number.", text("csv-error"));
        refused("x,y,label\n0,0,a\nInfinity,1,b\n", "Infinity");
        assertEquals("Cannot import these points: line 3, column 1: Infinity is not a finite number.", text("csv-error"));
        refused("x,y,label\n1e300,0,a\n0,0,b\n", "huge coordinates");
        assertEquals("Cannot import these points: line 2, column 1: 1e300 is out of range (at most 1e12 in size).",
                text("csv-error"));
        refused("x\n1\n2\n3\n", "one column with a header");
        assertEquals("Cannot import these points: line 1: the header names no y column.", text("csv-error"));
        refused("1\n2\n", "one column");
        assertEquals("Cannot import these points: line 1: 3 fields expected, found 1.", text("csv-error"));

        // 10 MB pasted, made in the page (sending it over the wire would take minutes): refused by size.
        js().executeScript("const box = document.getElementById('csv-text');"
                + " box.value = 'x,y,label\\n' + '123.456,654.321,a\\n'.repeat(600000);"
                + " box.dispatchEvent(new Event('input'));");
        long chars = 10 + 18L * 600000;
        click("csv-preview");
        awaitText("csv-error", "Cannot import these points: the file is too large: " + chars + " characters, at most "
                + Csv.MAX_CHARS + ".");
        paste("");

        // Files: 10 MB, refused before it is read; binary junk, read and refused.
        Path dir = Files.createTempDirectory("scratchnet-hostile-");
        Path big = dir.resolve("big.csv");
        byte[] bytes = new byte[10 * 1024 * 1024];
        new java.util.Random(3).nextBytes(bytes);
        Files.write(big, bytes);
        driver().findElement(By.id("csv-file")).sendKeys(big.toAbsolutePath().toString());
        awaitText("csv-error", "Not read big.csv: the file is too large: " + bytes.length + " bytes, at most "
                + DataCsv.MAX_CHARS + " characters. Nothing was changed.");
        Path junk = dir.resolve("junk.csv");
        byte[] small = new byte[2000];
        new java.util.Random(4).nextBytes(small);
        Files.write(junk, small);
        driver().findElement(By.id("csv-file")).sendKeys(junk.toAbsolutePath().toString());
        new WebDriverWait(driver(), WAIT).until(d -> text("csv-error").startsWith("Cannot import these points: line "));
        // Random bytes are not UTF-8: the browser reads them with replacement characters, which Csv names.
        assertTrue(text("csv-error").startsWith("Cannot import these points: line 1: not UTF-8 text"), text("csv-error"));

        // Nothing changed, and it trains on as the JVM does.
        assertEquals(state, readouts());
        assertEquals(link, hash());
        click("step");
        awaitText("step-count", "2");
        Playground jvm = new Playground("#layers=3");
        jvm.step();
        jvm.step();
        assertEquals(jvm.readout().trainLossText(), text("train-loss"));
        assertEquals(jvm.readout().testAccuracyText(), text("test-accuracy"));
        assertEquals("ready", text("status"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void classNamesLikeFormulasAreExportedGuarded(String engine) {
        open(engine, "");
        String text = "x,y,label\n0,0,@SUM(A1:A9)\n1,1,+cmd|' /C calc'!A0\n0.5,0.25,-2+3\n2,0,@SUM(A1:A9)\n";
        Playground jvm = new Playground("");
        paste(text);
        click("csv-preview");
        awaitText("csv-summary", "Ready to import: " + jvm.keeping().previewCsv(text, "auto").text + ".");
        click("csv-import");
        awaitText("data-counts", "3 training points, 1 test");
        js().executeScript("window.offered = null; const make = URL.createObjectURL;"
                + "URL.createObjectURL = b => { b.text().then(t => window.offered = t); return make.call(URL, b); };");
        click("csv-export");
        new WebDriverWait(driver(), WAIT).until(d -> js().executeScript("return window.offered") != null);
        String exported = (String) js().executeScript("return window.offered");
        try {
            jvm.keeping().importCsv(text, "auto");
        } catch (Keeping.Refused e) {
            throw new AssertionError(e);
        }
        assertEquals(jvm.keeping().exportCsv(), exported);
        for (String line : exported.split("\n")) {
            for (String field : line.split(",")) {
                String bare = field.startsWith("\"") ? field.substring(1) : field;
                assertFalse(bare.startsWith("@") || bare.startsWith("+") || bare.startsWith("=")
                        || bare.startsWith("-2+"), "a field a spreadsheet would run: " + field + " in " + exported);
            }
        }
        assertTrue(exported.contains("'@SUM(A1:A9)") && exported.contains("'+cmd") && exported.contains("'-2+3"), exported);
        List<WebElement> legend = driver().findElements(By.cssSelector("#picture-legend span:not(.swatch)"));
        assertEquals(3, legend.size());
    }
}
