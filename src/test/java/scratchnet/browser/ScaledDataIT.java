package scratchnet.browser;

import scratchnet.playground.Playground;
import scratchnet.playground.picture.View;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import scratchnet.io.CsvSamples;

/**
 * Data in real-world units on the page, in both engines: a CSV with x and y in [0, 1000] is
 * standardised on import (the page says how), the picture's axes are marked in its units (as text
 * and as pixels), and it trains to high accuracy, where the same network on the raw coordinates
 * does not.
 */
class ScaledDataIT extends PageTest {
    private static final Duration TRAINING = Duration.ofSeconds(90);

    private static JavascriptExecutor js() {
        return (JavascriptExecutor) driver();
    }

    private static int steps() {
        return Integer.parseInt(text("step-count"));
    }

    /** Plays until at least {@code n} steps, pauses, and returns the training accuracy shown (a fraction). */
    private static double trainFor(int n) {
        click("play");
        new WebDriverWait(driver(), TRAINING).until(d -> steps() >= n);
        click("play");
        String percent = text("train-accuracy");
        return Double.parseDouble(percent.replace("%", "")) / 100;
    }

    /** The canvas pixel (r, g, b) at (x, y) of its own pixels. */
    private static long[] pixel(double x, double y) {
        @SuppressWarnings("unchecked")
        java.util.List<Long> rgb = (java.util.List<Long>) js().executeScript(
                "const c = document.getElementById('boundary'); const d = c.getContext('2d')"
                        + ".getImageData(Math.round(arguments[0]), Math.round(arguments[1]), 1, 1).data;"
                        + " return [d[0], d[1], d[2]];", x, y);
        return new long[] {rgb.get(0), rgb.get(1), rgb.get(2)};
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void pointsInTheThousandsAreStandardisedMarkedInTheirUnitsAndTrain(String engine) throws Exception {
        open(engine, "speed=25");
        assertEquals("x axis: -1, 0, 1, 2; y axis: -1, 0, 1, 2",
                driver().findElement(By.id("picture-axes")).getAttribute("textContent"), "moons, before");
        assertTrue(!driver().findElement(By.id("scaling-note")).isDisplayed(), "off for generated data");
        String points = CsvSamples.curve(300, 3);
        Playground jvm = new Playground("#speed=25");
        jvm.keeping().importCsv(points, "auto");
        js().executeScript("const box = document.getElementById('csv-text'); box.value = arguments[0];"
                + " box.dispatchEvent(new Event('input'));", points);
        click("csv-preview");
        new WebDriverWait(driver(), Duration.ofSeconds(20)).until(d -> driver().findElement(By.id("csv-import")).isEnabled());
        click("csv-import");
        awaitText("data-counts", "240 training points, 60 test");
        awaitText("scaling-note", jvm.picture().scalingText());
        assertEquals("inputs standardised: x' = (x − 490.1) ÷ 285.9, y' = (y − 494.6) ÷ 289.7", text("scaling-note"));
        assertTrue(driver().findElement(By.id("set-standardize")).isSelected());
        View view = jvm.picture().view();
        assertEquals("x axis: 0, 250, 500, 750, 1000; y axis: 0, 250, 500, 750, 1000", view.axesText());
        assertEquals(view.axesText(), driver().findElement(By.id("picture-axes")).getAttribute("textContent"));
        // The marks are drawn: each x tick dark at the bottom edge, the map's colour between ticks.
        double size = ((Number) js().executeScript("return document.getElementById('boundary').width")).doubleValue();
        for (double t : view.xAxis().values) {
            long[] tick = pixel(Math.floor(view.pixelX(t, size)), size - 2);
            assertTrue(tick[0] < 90 && tick[1] < 90 && tick[2] < 90, "tick " + t + ": " + java.util.Arrays.toString(tick));
        }
        long[] between = pixel(view.pixelX(375, size), size - 2);
        assertTrue(between[0] + between[1] + between[2] > 270, "no mark between ticks: " + java.util.Arrays.toString(between));

        double standardised = trainFor(500);
        assertTrue(standardised >= 0.95, "standardised: " + standardised);
        // The same network on the raw coordinates: tanh saturates.
        driver().findElement(By.id("set-standardize")).click();
        awaitText("step-count", "0");
        assertTrue(!driver().findElement(By.id("scaling-note")).isDisplayed());
        double raw = trainFor(500);
        assertTrue(raw < 0.7, "raw coordinates: " + raw);
        System.out.println(engine + ": x, y in [0, 1000], accuracy after 500+ steps: standardised " + standardised
                + ", raw " + raw);
    }
}
