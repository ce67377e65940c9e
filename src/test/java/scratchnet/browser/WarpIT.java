package scratchnet.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import scratchnet.playground.Playground;
import scratchnet.playground.inspect.WarpMap;
import scratchnet.playground.inspect.WarpPicture;

/**
 * The "Warp" view in both engines: its words and a point's landing in every layer are the JVM's;
 * the cells are drawn in both classes' colours and every layer's small picture is drawn; hovering
 * a point says where it lands; its settings are in the link; the lesson says why there is no plane.
 */
class WarpIT extends PageTest {

    /** Pixels of canvas {@code id} clearly orange (red well above blue) or clearly blue. */
    private static long tinted(String id, boolean orange) {
        return (Long) js("var c = document.getElementById(arguments[0]);"
                + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; var n = 0;"
                + "for (var i = 0; i < d.length; i += 4) { var t = d[i] - d[i + 2];"
                + " if (arguments[1] ? t > 50 : t < -50) n++; } return n;", id, orange);
    }

    /** The page's run on the JVM: the view remade at the start and after each step, as the page paints it (the axes fitted at the first). */
    private static Playground jvm(String hash, int steps) {
        Playground p = new Playground(hash);
        p.inspector().warp().advance();
        for (int k = 0; k < steps; k++) {
            p.step();
            p.inspector().warp().advance();
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theWordsAndTheLandingAreTheJvmsAndThePicturesAreDrawn(String engine) {
        String hash = "view=warp&layers=8,2&warpLayer=2&warpAxes=neurons";
        open(engine, hash);
        js("document.getElementById('view-warp').scrollIntoView({block: 'start'})");
        assertTrue(driver().findElement(By.id("view-warp")).isDisplayed(), "the link's view is shown");
        steps(3);
        Playground p = jvm(hash, 3);
        WarpMap w = p.inspector().warp();
        double[] selected = p.inspector().selectedPoint();
        String landing = "The selected point " + w.landingText(selected[0], selected[1]);
        await("the landing after 3 steps", () -> text("warp-landing").equals(landing));
        assertEquals(w.axesText(), text("warp-axes"));
        assertTrue(text("warp-axes").startsWith("layer 2 (2 tanh neurons) at act(w·x + b), neuron 1 across, neuron 2 up"),
                text("warp-axes"));
        assertTrue(driver().findElements(By.cssSelector("#warp-layers canvas")).size() == 2, "a small picture per hidden layer");
        for (String id : new String[] {"warp-layer-0", "warp-layer-1"}) {
            assertTrue(pixels(id, 0x202124) > 0 || pixels(id, 0x0877BD) > 0, id + " is drawn");
        }
        // hover a training point: its landing, in the JVM's words
        int i = 5;
        WarpPicture pic = w.picture();
        WebElement map = driver().findElement(By.id("warp-map"));
        double side = ((Number) js("return document.getElementById('warp-map').clientWidth;")).doubleValue();
        int dx = (int) Math.round((pic.fx(pic.points[2 * i]) - 0.5) * side);
        int dy = (int) Math.round((pic.fy(pic.points[2 * i + 1]) - 0.5) * side);
        new Actions(driver()).moveToElement(map, dx, dy).perform();
        await("the hovered point's landing", () -> text("warp-landing").startsWith("The hovered point "));
        String said = text("warp-landing");
        boolean found = false; // the page's pointer is at whole pixels: any point drawn within its reach may be the one
        for (int j = 0; j < pic.points.length / 2 && !found; j++) {
            double ex = (pic.fx(pic.points[2 * j]) - 0.5) * side - dx;
            double ey = (pic.fy(pic.points[2 * j + 1]) - 0.5) * side - dy;
            double[] xy = w.point(j);
            found = ex * ex + ey * ey <= 100 && said.equals("The hovered point " + w.landingText(xy[0], xy[1]));
        }
        assertTrue(found, "the landing of a point under the pointer, in the JVM's words: " + said);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theSettingsAreInTheLinkAndTheAxesAreFittedAgainOnAsk(String engine) {
        open(engine, "view=warp&layers=8,8");
        steps(2);
        new Select(driver().findElement(By.id("set-warpStage"))).selectByVisibleText("w·x");
        await("the link", () -> driver().getCurrentUrl().contains("warpStage=weighted"));
        await("the words", () -> text("warp-axes").startsWith("layer 1 (8 tanh neurons) at w·x, on its first two principal components"));
        assertTrue(text("warp-axes").endsWith("axes fixed since step 2"), text("warp-axes"));
        click("step");
        awaitText("step-count", "3");
        click("warp-fit");
        await("fitted again", () -> text("warp-axes").contains("axes fixed since step 3"));
        assertTrue(!driver().findElement(By.id("warp-neurons")).isDisplayed(), "no neuron fields with principal axes");
        new Select(driver().findElement(By.id("set-warpAxes"))).selectByVisibleText("two neurons");
        await("the link", () -> driver().getCurrentUrl().contains("warpAxes=neurons"));
        assertTrue(driver().findElement(By.id("warp-neurons")).isDisplayed(), "the neuron fields with neuron axes");
        new Select(driver().findElement(By.id("set-warpAxes"))).selectByVisibleText("principal components");
        new Select(driver().findElement(By.id("set-warpStage"))).selectByVisibleText("act(w·x + b)");
        // trained a while, the cells take both classes' colours
        click("play");
        await("150 steps more", () -> Integer.parseInt(text("step-count")) > 153);
        click("play");
        frames(3);
        assertTrue(tinted("warp-map", true) > 500, "orange cells: " + tinted("warp-map", true));
        assertTrue(tinted("warp-map", false) > 500, "blue cells: " + tinted("warp-map", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theLessonHasNoPlaneAndSaysSo(String engine) {
        open(engine, "view=warp&lesson=1");
        await("the reason", () -> driver().findElement(By.id("warp-problem")).isDisplayed());
        assertTrue(text("warp-problem").startsWith("The lesson's network reads three raw inputs"), text("warp-problem"));
    }
}
