package scratchnet.browser;

import scratchnet.playground.picture.HeatMap;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Hash;
import scratchnet.playground.settings.Settings;
import scratchnet.playground.share.Link;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import scratchnet.io.Format;

/**
 * More than two classes, regressions and input features on the page, in both engines: what the
 * page reads out is what the same seeded session computes on the JVM, the picture paints each
 * class in its colour, and the classic lesson holds (circles on x², y² with no hidden layer).
 */
class ProblemsIT extends PageTest {
    /** The JVM's session for a link, trained {@code n} steps. */
    private static Session jvm(String link, int n) {
        Session s = new Session(new Settings());
        Link.open(Hash.read(link), s);
        for (int i = 0; i < n; i++) {
            s.step();
        }
        return s;
    }

    /** How many pixels of the picture are (nearly) each colour, sampled every 4th pixel. */
    @SuppressWarnings("unchecked")
    private static long near(int rgb) {
        return (Long) ((JavascriptExecutor) driver()).executeScript(
                "const c = document.getElementById('boundary'), d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "const r = arguments[0] >> 16 & 255, g = arguments[0] >> 8 & 255, b = arguments[0] & 255; let n = 0;"
                        + "for (let i = 0; i < d.length; i += 16) {"
                        + "  if (Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 12) n++; }"
                        + "return n;", rgb);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void threeSpiralArmsTrainWithSoftmaxCrossEntropyAndAreEachPaintedInTheirColour(String engine) {
        String link = "data=spiral&classes=3&points=300&noise=0&layers=16,16&optimizer=adam&lr=0.03";
        open(engine, link);
        assertEquals("ce", driver().findElement(By.id("set-loss")).getAttribute("value"), "3 classes train with ce");
        assertEquals("linear", driver().findElement(By.id("set-output")).getAttribute("value"));
        assertEquals(Integer.toString(2 * 16 + 16 + 16 * 16 + 16 + 16 * 3 + 3), text("param-count"), "three logits");
        steps(3);
        Session s = jvm(link, 3);
        assertEquals(Format.fixed(s.readout().trainLoss, 4), text("train-loss"), "as on the JVM");
        assertEquals(Format.percent(s.readout().trainAccuracy), text("train-accuracy"), "argmax accuracy, as on the JVM");
        // The legend names three classes in their colours; the points are drawn in them.
        List<WebElement> swatches = driver().findElements(By.cssSelector("#picture-legend .class-swatch"));
        assertEquals(3, swatches.size());
        assertTrue(text("picture-legend").contains("class 2"), text("picture-legend"));
        for (int c = 0; c < 3; c++) {
            assertTrue(near(HeatMap.CLASSES[c]) > 20, "points of class " + c + " drawn in " + HeatMap.css(HeatMap.CLASSES[c]));
        }
        // The paint picker offers the three classes.
        assertEquals(3, driver().findElements(By.cssSelector("#paint-class option")).size());
        // The clicked point's graph ends in -log p.
        assertTrue(text("graph-summary").contains("softmax p(its class)"), text("graph-summary"));
        // Discretize paints the argmax regions in the classes' colours at full strength.
        click("set-discretize");
        long samples = (Long) ((JavascriptExecutor) driver()).executeScript(
                "const c = document.getElementById('boundary'); return Math.floor(c.width * c.height / 4);");
        await("regions painted in the classes' colours", () ->
                near(mix(HeatMap.CLASSES[0])) + near(mix(HeatMap.CLASSES[1])) + near(mix(HeatMap.CLASSES[2])) > samples / 2);
    }

    /** A class colour mixed from the neutral grey as far as the heat map goes (0.75). */
    private static int mix(int rgb) {
        int n = HeatMap.NEUTRAL;
        int r = (int) Math.round((n >> 16 & 255) + ((rgb >> 16 & 255) - (n >> 16 & 255)) * 0.75);
        int g = (int) Math.round((n >> 8 & 255) + ((rgb >> 8 & 255) - (n >> 8 & 255)) * 0.75);
        int b = (int) Math.round((n & 255) + ((rgb & 255) - (n & 255)) * 0.75);
        return r << 16 | g << 8 | b;
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aLinkAskingForMoreClassesThanItsLossCanTakeGetsCeAndANote(String engine) {
        open(engine, "data=gaussians&classes=4&loss=hinge");
        assertEquals("ce", driver().findElement(By.id("set-loss")).getAttribute("value"));
        assertTrue(text("notes").contains("loss: 4 classes train with softmax cross-entropy over 4 outputs; used ce instead"
                + " of hinge"), text("notes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aRegressionTrainsALinearOutputWithMseAndHasNoAccuracy(String engine) {
        String link = "data=plane&points=200&layers=4&lr=0.1";
        open(engine, link);
        assertEquals("mse", driver().findElement(By.id("set-loss")).getAttribute("value"));
        assertEquals("linear", driver().findElement(By.id("set-output")).getAttribute("value"));
        steps(5);
        Session s = jvm(link, 5);
        assertEquals(Format.fixed(s.readout().trainLoss, 4), text("train-loss"));
        assertEquals("—", text("train-accuracy"));
        assertEquals("—", text("test-accuracy"));
        assertTrue(text("picture-legend").contains("target and prediction"), text("picture-legend"));
        assertTrue(text("graph-summary").contains("target "), text("graph-summary"));
        // Asked for another loss, the link gets mse and says so.
        open(engine, "data=bumps&loss=hinge&output=tanh");
        assertEquals("mse", driver().findElement(By.id("set-loss")).getAttribute("value"));
        assertTrue(text("notes").contains("regression (real-valued targets), which trains with mse"), text("notes"));
        assertTrue(text("notes").contains("output: a regression's output is linear"), text("notes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void circlesNeedNoHiddenLayerOnceXSquaredAndYSquaredAreInputs(String engine) {
        open(engine, "data=circles&features=x2,y2&layers=0&lr=0.3&speed=20");
        assertEquals("3", text("param-count"), "one neuron reading x² and y²: two weights and a bias");
        // The diagram and the toggles name the features.
        List<WebElement> boxes = driver().findElements(By.cssSelector("#set-features input[type=checkbox]"));
        assertEquals(7, boxes.size());
        long on = boxes.stream().filter(WebElement::isSelected).count();
        assertEquals(2, on);
        click("play");
        await("past 95% training accuracy", () -> {
            String a = text("train-accuracy");
            return a.endsWith("%") && Double.parseDouble(a.substring(0, a.length() - 1)) > 95;
        });
        click("play");
        // A toggle adds a feature: one more input, one more weight.
        driver().findElement(By.cssSelector("#set-features input[value=xy]")).click();
        awaitText("param-count", "4");
        assertTrue(driver().getCurrentUrl().contains("features=x2,y2,xy") || driver().getCurrentUrl().contains("features=xy"),
                driver().getCurrentUrl());
    }
}
