package scratchnet.browser;

import scratchnet.playground.Playground;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Stop rules and learning-rate schedules on the page, in both engines: a link with a stop rule
 * plays, stops at the step the JVM stops at and says why; play goes on, reset clears the message;
 * a schedule's learning rate is drawn on the chart (its pixels) and read out.
 */
class TrainingRulesIT extends PageTest {
    private static final Duration TRAINING_TIMEOUT = Duration.ofSeconds(90);

    /** Where the JVM's playground stops for {@code hash}, played frame after frame as the page does. */
    private static Playground jvmStopped(String hash) {
        Playground p = new Playground(hash);
        while (p.stopped() == null && p.steps() < 20000) {
            p.train(() -> 0);
        }
        return p;
    }

    private static boolean shown(String id) {
        return driver().findElement(By.id(id)).isDisplayed();
    }

    private static void awaitStop() {
        new WebDriverWait(driver(), TRAINING_TIMEOUT).until(d -> shown("stopped"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aLinkWithAStopRulePlaysStopsAndSaysWhy(String engine) {
        String hash = "stopLoss=0.05&speed=7";
        Playground jvm = jvmStopped(hash);
        open(engine, hash);
        assertFalse(shown("stopped"));
        click("play");
        awaitStop();
        assertEquals("▶ Play", text("play"), "play stopped");
        assertEquals(Integer.toString(jvm.steps()), text("step-count"), "at the JVM's step");
        assertEquals(jvm.stopped() + " — ▶ Play goes on", text("stopped"));
        assertTrue(text("stopped").startsWith("stopped: train loss 0.04"), text("stopped"));
        // Play goes on from there; pause; reset forgets the stop.
        click("play");
        new WebDriverWait(driver(), TRAINING_TIMEOUT).until(d -> Integer.parseInt(text("step-count")) > jvm.steps() + 20
                || !text("play").contains("Pause"));
        assertTrue(Integer.parseInt(text("step-count")) > jvm.steps(), "it trained on");
        if (text("play").contains("Pause")) {
            click("play");
        }
        click("reset");
        awaitText("step-count", "0");
        assertFalse(shown("stopped"), "reset clears the message");

        open(engine, "stopEpochs=30&speed=9");
        click("play");
        awaitStop();
        assertEquals("30", text("step-count"));
        assertEquals("30", text("epoch-count"));
        assertEquals("stopped: 30 epochs done at step 30 — ▶ Play goes on", text("stopped"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theScheduleIsDrawnOnTheChartAndReadOut(String engine) {
        open(engine, "lr=0.4&schedule=step&every=20&factor=0.5&speed=3&stopEpochs=60");
        assertEquals("0.4000", text("current-lr"));
        assertEquals("step", driver().findElement(By.id("set-schedule")).getAttribute("value"), "the controls show the link");
        assertEquals("60", driver().findElement(By.id("set-stopEpochs")).getAttribute("value"));
        assertEquals(0, lrPixels(), "nothing to draw before training");
        assertFalse(shown("lr-legend"));
        click("play");
        awaitStop();
        assertEquals("60", text("step-count"));
        assertEquals("0.05000", text("current-lr"), "step 60's rate: 0.4 · 0.5³");
        assertTrue(shown("lr-legend"), "the legend names the lr line");
        int pixels = lrPixels();
        assertTrue(pixels > 50, "the learning rate's line on the chart: " + pixels + " pixels");

        open(engine, "lr=0.4&stopEpochs=60&speed=3");
        click("play");
        awaitStop();
        assertEquals(0, lrPixels(), "a constant rate is not drawn");
        assertFalse(shown("lr-legend"));
    }

    /** Pixels of the chart in the learning rate's colour (#00838f), within a small tolerance. */
    private static int lrPixels() {
        Object n = ((JavascriptExecutor) driver()).executeScript(
                "const c = document.getElementById('chart'); const d = c.getContext('2d')"
                        + ".getImageData(0, 0, c.width, c.height).data; let n = 0;"
                        + "for (let i = 0; i < d.length; i += 4) {"
                        + "  if (d[i + 3] > 200 && Math.abs(d[i] - 0) < 24 && Math.abs(d[i + 1] - 131) < 24"
                        + "      && Math.abs(d[i + 2] - 143) < 24) n++; }"
                        + "return n;");
        return ((Number) n).intValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aRunWhoseLossFreezesSaysItHasStalled(String engine) {
        open(engine, "lr=10");
        assertFalse(driver().findElement(By.id("stalled")).isDisplayed());
        click("play");
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> d.findElement(By.id("stalled")).isDisplayed());
        String said = text("stalled");
        assertTrue(said.startsWith("stalled: the train loss has stayed at 1.4500 since step ")
                && said.contains("reset and try a smaller one"), said);
        assertFalse(driver().findElement(By.id("diverged")).isDisplayed(), "finite all along: not a divergence");
        click("play");
        click("reset");
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("stalled")).isDisplayed());
    }
}
