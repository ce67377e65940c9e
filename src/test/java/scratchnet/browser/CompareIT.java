package scratchnet.browser;

import scratchnet.playground.session.Readout;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import scratchnet.io.Format;

/** Two runs side by side: the page's numbers are the JVM's, both pictures and both curves are drawn. */
class CompareIT extends PageTest {
    /** What a run with the settings of {@code hash} reads out after {@code steps} steps, on the JVM. */
    private static Readout jvm(String hash, int steps) {
        Session session = new Session(Settings.fromHash(hash).settings);
        for (int i = 0; i < steps; i++) {
            session.step();
        }
        return session.readout();
    }

    private static void assertReadouts(Readout expected, String prefix, String run) {
        assertEquals(Format.fixed(expected.trainLoss, 4), text(prefix + "train-loss"), run + " train loss");
        assertEquals(Format.percent(expected.trainAccuracy), text(prefix + "train-accuracy"), run + " train accuracy");
        assertEquals(Format.fixed(expected.testLoss, 4), text(prefix + "test-loss"), run + " test loss");
        assertEquals(Format.percent(expected.testAccuracy), text(prefix + "test-accuracy"), run + " test accuracy");
    }

    /** Red, green and blue of every 8th pixel of canvas {@code id}, in each direction. */
    @SuppressWarnings("unchecked")
    private static List<Long> sample(String id) {
        return (List<Long>) ((JavascriptExecutor) driver()).executeScript(
                "const c = document.getElementById(arguments[0]);"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "const out = [];"
                        + "for (let y = 4; y < c.height; y += 8) for (let x = 4; x < c.width; x += 8) {"
                        + "  const i = 4 * (y * c.width + x); out.push(d[i], d[i + 1], d[i + 2]); }"
                        + "return out;", id);
    }

    /** How many of the chart's opaque pixels are within a small distance of the colour r, g, b. */
    private static long chartPixels(int r, int g, int b) {
        return (Long) ((JavascriptExecutor) driver()).executeScript(
                "const c = document.getElementById('chart');"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "let n = 0;"
                        + "for (let i = 0; i < d.length; i += 4) {"
                        + "  if (d[i + 3] > 200 && Math.abs(d[i] - arguments[0]) + Math.abs(d[i + 1] - arguments[1])"
                        + "      + Math.abs(d[i + 2] - arguments[2]) < 40) n++; }"
                        + "return n;", r, g, b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aComparisonLinkRacesBothRunsAsTheJvmDoes(String engine) {
        String a = "batch=20";
        open(engine, a + "&compare=1&b.lr=0.05&b.optimizer=adam");
        awaitText("step-count", "0");
        assertEquals("B: optimizer adam (A sgd); lr 0.05 (A 0.3)", text("compare-summary"));
        assertEquals("true", driver().findElement(By.id("compare")).getAttribute("aria-pressed"));
        assertTrue(driver().findElement(By.id("boundary-b")).isDisplayed(), "run B's picture is shown");
        int steps = 20;
        for (int i = 0; i < steps; i++) {
            click("step");
        }
        awaitText("step-count", Integer.toString(steps));
        assertReadouts(jvm(a, steps), "", "A");
        assertReadouts(jvm(a + "&lr=0.05&optimizer=adam", steps), "b-", "B");

        List<Long> pictureA = sample("boundary");
        List<Long> pictureB = sample("boundary-b");
        assertEquals(pictureA.size(), pictureB.size());
        int differ = 0;
        int drawn = 0;
        for (int i = 0; i < pictureA.size(); i++) {
            differ += Math.abs(pictureA.get(i) - pictureB.get(i)) > 8 ? 1 : 0;
            drawn += pictureB.get(i) != 0 ? 1 : 0;
        }
        assertTrue(drawn > pictureB.size() / 2, "B's picture is drawn: " + drawn + " of " + pictureB.size());
        assertTrue(differ > pictureA.size() / 50, "the pictures differ: " + differ + " of " + pictureA.size() + " channels");

        long lossA = chartPixels(0x20, 0x21, 0x24);
        long lossB = chartPixels(0x84, 0x30, 0xce);
        assertTrue(lossA > 10 && lossB > 10, "both loss curves are drawn: A " + lossA + ", B " + lossB + " pixels");
        String url = driver().getCurrentUrl();
        assertTrue(url.endsWith("&compare=1&b.optimizer=adam&b.lr=0.05"), url);

        // A reload resumes the race where it was: both runs' weights and step.
        String bLoss = text("b-train-loss");
        String aLoss = text("train-loss");
        browser.openPageAsReturningVisitor(engine, url.substring(url.indexOf('#') + 1));
        awaitText("step-count", Integer.toString(steps));
        assertEquals(aLoss, text("train-loss"));
        assertEquals(bLoss, text("b-train-loss"));
        assertEquals("B: optimizer adam (A sgd); lr 0.05 (A 0.3)", text("compare-summary"));

        // Keep B: one run again, B's.
        click("keep-b");
        await("one run again", () -> !driver().findElement(By.id("boundary-b")).isDisplayed());
        assertEquals(bLoss, text("train-loss"));
        assertEquals("adam", driver().findElement(By.id("set-optimizer")).getAttribute("value"));
        assertEquals(Integer.toString(steps), text("step-count"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theToggleForksAndTheSwitchEditsRunB(String engine) {
        open(engine, "");
        assertFalse(driver().findElement(By.id("boundary-b")).isDisplayed());
        click("compare");
        awaitText("compare-summary", "B: the same settings as A (the runs stay identical)");
        click("edit-b");
        WebElement lr = driver().findElement(By.id("set-lr"));
        lr.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.1", Keys.TAB);
        awaitText("compare-summary", "B: lr 0.1 (A 0.3)");
        assertTrue(lr.getAttribute("class").contains("differs"), "B's differing value is outlined");
        click("edit-a");
        await("the controls to show A's learning rate", () -> "0.3".equals(lr.getAttribute("value")));
        assertFalse(lr.getAttribute("class").contains("differs"));
        click("step");
        click("step");
        awaitText("step-count", "2");
        assertReadouts(jvm("", 2), "", "A");
        assertReadouts(jvm("lr=0.1", 2), "b-", "B");
        click("compare");
        await("one run again", () -> !driver().findElement(By.id("boundary-b")).isDisplayed());
        assertFalse(driver().getCurrentUrl().contains("compare"));
    }
}
