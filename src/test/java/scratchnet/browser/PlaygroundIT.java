package scratchnet.browser;

import scratchnet.playground.picture.View;
import scratchnet.playground.session.Readout;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import scratchnet.io.Format;

/**
 * The playground as a person uses it, in both engines: training, stepping, resetting, the share
 * link, the picture, hostile links and divergence. Numbers the page shows are checked against the
 * same computation on the JVM; nothing here depends on how fast the machine is.
 */
class PlaygroundIT extends PageTest {
    private static final Duration TRAINING_TIMEOUT = Duration.ofSeconds(60);

    /** What the page should read out for these settings after {@code steps} steps, computed on the JVM. */
    private static Readout jvm(String hash, int steps) {
        Session session = new Session(Settings.fromHash(hash).settings);
        for (int i = 0; i < steps; i++) {
            session.step();
        }
        return session.readout();
    }

    /** The text of {@code #id} once the frame that was due has painted, with a few more frames run after it. */
    private static String settled(String id) {
        frames(1);
        String t = text(id);
        frames(5);
        return t;
    }

    private static double percent(String text) {
        return text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1)) : -1;
    }

    private static void awaitTrainAccuracy(double atLeast) {
        new WebDriverWait(driver(), TRAINING_TIMEOUT).until(d -> percent(text("train-accuracy")) >= atLeast);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void loadsShowingItsEngineAndTheJvmsNumbers(String engine) {
        open(engine, "");
        assertEquals(engine, text("engine"));
        Readout expected = jvm("", 0);
        awaitText("step-count", "0");
        assertEquals(Integer.toString(expected.parameters), text("param-count"));
        assertEquals(Format.fixed(expected.trainLoss, 4), text("train-loss"));
        assertEquals(Format.percent(expected.trainAccuracy), text("train-accuracy"));
        assertEquals(Format.fixed(expected.testLoss, 4), text("test-loss"));
        assertEquals(Format.percent(expected.testAccuracy), text("test-accuracy"));
        assertTrue(driver().getCurrentUrl().endsWith("#" + new Settings().toHash()),
                "the link holds every setting: " + driver().getCurrentUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void playLearnsTheMoons(String engine) {
        open(engine, "");
        click("play");
        awaitTrainAccuracy(97);
        // For a person reading the log; machines differ too much to assert on it.
        System.out.println(engine + " while playing the default moons: " + text("perf"));
        click("play");
        String paused = settled("step-count");
        assertTrue(Integer.parseInt(paused) > 0);
        assertEquals(paused, text("step-count"), "pause stops training");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void stepTakesExactlyOneStepAndResetGoesBack(String engine) {
        open(engine, "");
        String initialLoss = text("train-loss");
        click("step");
        awaitText("step-count", "1");
        assertNotEquals(initialLoss, text("train-loss"), "the loss moved");
        assertEquals(Format.fixed(jvm("", 1).trainLoss, 4), text("train-loss"), "as on the JVM");
        click("step");
        click("step");
        awaitText("step-count", "3");
        click("reset");
        awaitText("step-count", "0");
        assertEquals(initialLoss, text("train-loss"), "the same initial weights");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void eachHiddenLayerHasItsOwnActivation(String engine) {
        open(engine, "layers=4,4&activation=tanh");
        WebElement all = driver().findElement(By.id("set-activation"));
        assertEquals("tanh", all.getAttribute("value"));
        WebElement second = driver().findElement(By.id("layer-activation-2"));
        assertEquals("activation of layer 2", driver().findElement(By.cssSelector("label[for=layer-activation-2]"))
                .getAttribute("textContent"));
        new Select(second).selectByValue("gelu");
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("activation=tanh,gelu"));
        assertEquals("mixed", driver().findElement(By.id("set-activation")).getAttribute("value"), "the layers differ");
        // A new layer takes the last layer's activation.
        click("add-layer");
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("activation=tanh,gelu,gelu"));
        assertEquals("gelu", driver().findElement(By.id("layer-activation-3")).getAttribute("value"));
        click("step");
        awaitText("step-count", "1");
        String hash = driver().getCurrentUrl().substring(driver().getCurrentUrl().indexOf('#') + 1);
        assertEquals(Format.fixed(jvm(hash, 1).trainLoss, 4), text("train-loss"), "as on the JVM, " + hash);
        // "All hidden layers" sets every one.
        new Select(driver().findElement(By.id("set-activation"))).selectByValue("swish");
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("activation=swish&"));
        for (int l = 1; l <= 3; l++) {
            assertEquals("swish", driver().findElement(By.id("layer-activation-" + l)).getAttribute("value"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theInitialWeightsSchemeIsAControlInTheLinkAndDrawsTheJvmsWeights(String engine) {
        open(engine, "");
        Select scheme = new Select(driver().findElement(By.id("set-initScheme")));
        assertEquals("uniform", scheme.getFirstSelectedOption().getAttribute("value"));
        for (String name : new String[] {"he", "zero"}) {
            scheme = new Select(driver().findElement(By.id("set-initScheme")));
            scheme.selectByValue(name);
            new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("initScheme=" + name));
            awaitText("step-count", "0");
            String hash = driver().getCurrentUrl().substring(driver().getCurrentUrl().indexOf('#') + 1);
            assertEquals(Format.fixed(jvm(hash, 0).trainLoss, 4), text("train-loss"), name + ", as on the JVM");
            click("step");
            awaitText("step-count", "1");
            assertEquals(Format.fixed(jvm(hash, 1).trainLoss, 4), text("train-loss"), name + " after a step, as on the JVM");
            click("reset");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void dropoutTrainsWithTheJvmsMasks(String engine) {
        String hash = "dropout=0.3&layers=8,8&batch=20";
        open(engine, hash);
        assertEquals("0.3", driver().findElement(By.id("set-dropout")).getAttribute("value"));
        for (int k = 1; k <= 3; k++) {
            click("step");
            awaitText("step-count", Integer.toString(k));
        }
        assertEquals(Format.fixed(jvm(hash, 3).trainLoss, 4), text("train-loss"), "the same masks as on the JVM");
        assertNotEquals(Format.fixed(jvm("layers=8,8&batch=20", 3).trainLoss, 4), text("train-loss"), "dropout changed the run");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void changedSettingsReachAnotherBrowserThroughTheShareLink(String engine) {
        open(engine, "");
        new Select(driver().findElement(By.id("set-data"))).selectByValue("spiral");
        WebElement lr = driver().findElement(By.id("set-lr"));
        lr.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.03", Keys.TAB);
        click("add-layer");
        click("new-weights");
        String url = driver().getCurrentUrl();
        String hash = url.substring(url.indexOf('#') + 1);
        assertTrue(hash.contains("data=spiral") && hash.contains("lr=0.03") && hash.contains("layers=8,8,4")
                && hash.contains("init=2"), hash);
        click("step");
        awaitText("step-count", "1");
        String stepped = text("train-loss");

        // Someone else opens the link (a reload here resumes this session instead: DataIT checks that).
        open(engine, hash);
        assertEquals("spiral", driver().findElement(By.id("set-data")).getAttribute("value"));
        assertEquals("0.03", driver().findElement(By.id("set-lr")).getAttribute("value"));
        assertEquals("8,8,4", driver().findElement(By.id("set-layers")).getAttribute("value"));
        Readout expected = jvm(hash, 0);
        awaitText("step-count", "0");
        assertEquals(Integer.toString(expected.parameters), text("param-count"));
        assertEquals(Format.fixed(expected.trainLoss, 4), text("train-loss"), "same data and weights");
        click("step");
        awaitText("step-count", "1");
        assertEquals(stepped, text("train-loss"), "the same first step as before the reload");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void thePictureLearnsTheBoundary(String engine) {
        open(engine, "");
        List<Long> before = canvasSample();
        click("play");
        awaitTrainAccuracy(97);
        click("play");
        List<Long> after = canvasSample();
        int changed = 0;
        for (int i = 0; i < before.size(); i++) {
            changed += Math.abs(before.get(i) - after.get(i)) > 12 ? 1 : 0;
        }
        assertTrue(changed > before.size() / 20, changed + " of " + before.size() + " sampled channels changed");

        // Near the outer moon (class -1) the picture is orange, near the inner one (+1) blue.
        View view = new Session(new Settings()).view();
        long[] outer = colourAround(view, 0, 1);
        long[] inner = colourAround(view, 1, -0.5);
        assertTrue(outer[0] > outer[2] + 60, "orange near (0, 1): rgb " + java.util.Arrays.toString(outer));
        assertTrue(inner[2] > inner[0] + 60, "blue near (1, -0.5): rgb " + java.util.Arrays.toString(inner));
    }

    /** Red, green and blue of every 16th pixel of the boundary canvas, in each direction. */
    @SuppressWarnings("unchecked")
    private static List<Long> canvasSample() {
        return (List<Long>) ((JavascriptExecutor) driver()).executeScript(
                "const c = document.getElementById('boundary');"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "const out = [];"
                        + "for (let y = 8; y < c.height; y += 16) for (let x = 8; x < c.width; x += 16) {"
                        + "  const i = 4 * (y * c.width + x); out.push(d[i], d[i + 1], d[i + 2]); }"
                        + "return out;");
    }

    /** The mean colour of a small square of the canvas around the plane's point (x, y). */
    @SuppressWarnings("unchecked")
    private static long[] colourAround(View view, double x, double y) {
        double fx = view.pixelX(x, 1);
        double fy = view.pixelY(y, 1);
        List<Long> rgb = (List<Long>) ((JavascriptExecutor) driver()).executeScript(
                "const c = document.getElementById('boundary');"
                        + "const h = Math.round(c.width / 60);"
                        + "const x = Math.round(arguments[0] * c.width), y = Math.round(arguments[1] * c.height);"
                        + "const d = c.getContext('2d').getImageData(x - h, y - h, 2 * h + 1, 2 * h + 1).data;"
                        + "const s = [0, 0, 0];"
                        + "for (let i = 0; i < d.length; i += 4) { s[0] += d[i]; s[1] += d[i + 1]; s[2] += d[i + 2]; }"
                        + "const n = d.length / 4; return s.map(v => Math.round(v / n));",
                fx, fy);
        return new long[] {rgb.get(0), rgb.get(1), rgb.get(2)};
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aHostileLinkGivesAWorkingPageAndSaysWhatItIgnored(String engine) {
        open(engine, "points=-5&activation=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&bogus=1");
        WebElement notes = driver().findElement(By.id("notes"));
        assertTrue(notes.isDisplayed(), "the notes are visible");
        String said = notes.getText();
        assertTrue(said.contains("points") && said.contains("bogus") && said.contains("<img"), said);
        assertTrue(driver().findElements(By.cssSelector("#notes img")).isEmpty(), "shown as text, never as markup");
        assertEquals("2", driver().findElement(By.id("set-points")).getAttribute("value"), "clamped");
        assertEquals("tanh", driver().findElement(By.id("set-activation")).getAttribute("value"), "the default");
        assertTrue(driver().getCurrentUrl().contains("activation=tanh"), "the link is rewritten clean");
        click("step");
        awaitText("step-count", "1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void divergenceStopsWithAMessageAndResetRecovers(String engine) {
        open(engine, "output=linear&loss=sse&lr=10");
        click("play");
        new WebDriverWait(driver(), TRAINING_TIMEOUT).until(d -> d.findElement(By.id("diverged")).isDisplayed());
        assertTrue(text("diverged-message").contains("diverged (loss is NaN/∞)"), text("diverged-message"));
        assertEquals("▶ Play", text("play"), "playing stopped");
        click("diverged-reset");
        awaitText("step-count", "0");
        assertFalse(driver().findElement(By.id("diverged")).isDisplayed());
    }

    @Test
    void keyboardPlaysAndSteps() {
        open("wasm", "");
        WebElement body = driver().findElement(By.tagName("body"));
        body.sendKeys("s");
        awaitText("step-count", "1");
        body.sendKeys(" ");
        new WebDriverWait(driver(), TRAINING_TIMEOUT).until(d -> Integer.parseInt(text("step-count")) > 5);
        body.sendKeys(" ");
        String paused = settled("step-count");
        assertEquals(paused, text("step-count"));
        assertEquals("▶ Play", text("play"));
    }
}
