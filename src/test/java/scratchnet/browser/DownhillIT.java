package scratchnet.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import scratchnet.io.Format;
import scratchnet.playground.Playground;
import scratchnet.playground.inspect.Downhill;

/**
 * The "Downhill" view in both engines: its forecast is the train loss the next step shows, digit
 * for digit, and the JVM's; the map is drawn; the pair and the map are in the link; a diverged run
 * says so in the view; the network's planes say what they are.
 */
class DownhillIT extends PageTest {

    /** The view's text once it is mapped for the weights as they are now (it is remade after each step). */
    private static String forecast() {
        await("the downhill forecast for this step", () -> text("downhill-next").matches("-?\\d+\\.\\d{4}: .* at step "
                + text("step-count") + "(;.*)?"));
        return text("downhill-next");
    }

    /** The map's pixel at fractions (fx, fy) of the canvas, as {r, g, b}. */
    @SuppressWarnings("unchecked")
    private static List<Long> pixel(double fx, double fy) {
        return (List<Long>) js("var c = document.getElementById('downhill-map');"
                + "var d = c.getContext('2d').getImageData(Math.floor(c.width * arguments[0]), Math.floor(c.height * arguments[1]), 1, 1).data;"
                + "return [d[0], d[1], d[2]];", fx, fy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theForecastIsTheTrainLossTheNextStepShows(String engine) {
        open(engine, "view=downhill");
        js("document.getElementById('view-downhill').scrollIntoView({block: 'center'})");
        assertTrue(driver().findElement(By.id("view-downhill")).isDisplayed(), "the link's view is shown");
        Playground jvm = new Playground("");
        for (int k = 0; k < 4; k++) {
            String said = forecast();
            String number = said.substring(0, said.indexOf(':'));
            Downhill d = jvm.inspector().downhill();
            d.finish();
            assertEquals(Format.fixed(d.nextLoss(), 4), number, "the JVM's forecast, to the digit");
            assertTrue(said.contains("the train loss after the next step") && said.contains("from " + text("train-loss") + " at step " + k), said);
            click("step");
            jvm.step();
            awaitText("step-count", Integer.toString(k + 1));
            awaitText("train-loss", number);
        }
        // the map is drawn: not the pending grey, and not one colour
        List<Long> middle = pixel(0.5, 0.3);
        List<Long> corner = pixel(0.05, 0.95);
        assertNotEquals(List.of(238L, 238L, 238L), middle);
        assertNotEquals(middle, corner, "a landscape, not a flat fill");
        assertTrue(text("downhill-axes").startsWith("w[0][0][0] across, "), text("downhill-axes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void thePairAndTheMapAreInTheLinkAndTheLessonIsMappedToo(String engine) {
        open(engine, "view=downhill&p1=5&p2=9");
        assertEquals("b[0][1]", new Select(driver().findElement(By.id("set-p1"))).getFirstSelectedOption().getText());
        assertEquals("w[0][3][0]", new Select(driver().findElement(By.id("set-p2"))).getFirstSelectedOption().getText());
        await("the axes", () -> text("downhill-axes").startsWith("b[0][1] across, "));
        new Select(driver().findElement(By.id("set-p2"))).selectByVisibleText("b[2][0]");
        await("the link", () -> driver().getCurrentUrl().contains("p2=104"));
        await("the axes", () -> text("downhill-axes").contains("; b[2][0] up, "));
        click("tab-neuron");
        await("the link", () -> driver().getCurrentUrl().contains("view=neuron"));
        click("tab-downhill");
        await("the link", () -> driver().getCurrentUrl().contains("view=downhill"));

        open(engine, "lesson=1&view=downhill");
        String said = forecast();
        String number = said.substring(0, said.indexOf(':'));
        Playground jvm = new Playground("#lesson=1");
        Downhill d = jvm.inspector().downhill();
        d.finish();
        assertEquals(Format.fixed(d.nextLoss(), 4), number, "the lesson's forecast, as the JVM's");
        click("step");
        awaitText("train-loss", number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aDivergedRunSaysSoInTheView(String engine) {
        open(engine, "output=linear&loss=sse&lr=10&view=downhill");
        click("play");
        await("the run to diverge", () -> driver().findElement(By.id("diverged")).isDisplayed());
        await("the view's message", () -> driver().findElement(By.id("downhill-problem")).isDisplayed());
        assertTrue(text("downhill-problem").contains("not finite") && text("downhill-problem").contains("reset or lower the learning rate"),
                text("downhill-problem"));
        assertTrue(text("downhill-next").startsWith("— "), text("downhill-next"));
        assertEquals(List.of(238L, 238L, 238L), pixel(0.5, 0.5), "no broken picture: the blank map under the message");
        click("diverged-reset");
        await("the map again", () -> !driver().findElement(By.id("downhill-problem")).isDisplayed());
        assertFalse(text("downhill-next").startsWith("—"), text("downhill-next"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theNetworksPlanesSayWhatTheyAre(String engine) {
        open(engine, "view=downhill&surface=random");
        await("the random plane", () -> text("downhill-axes").startsWith("Two random directions, each neuron's weights rescaled"));
        assertFalse(driver().findElement(By.id("set-p1")).isDisplayed(), "no pair to choose on a plane");
        assertNotEquals(List.of(238L, 238L, 238L), pixel(0.5, 0.5), "the plane is drawn");
        new Select(driver().findElement(By.id("set-surface"))).selectByValue("path");
        await("the link", () -> driver().getCurrentUrl().contains("surface=path"));
        await("too short a path", () -> text("downhill-problem").equals("the path has fewer than three steps: train a little first"));
        for (int k = 1; k <= 4; k++) {
            click("step");
            awaitText("step-count", Integer.toString(k));
        }
        await("the path's plane", () -> text("downhill-axes").startsWith("The path's own plane: its two principal directions explain "));
        assertTrue(text("downhill-axes").contains("A path's own plane makes even a random walk look smooth."), text("downhill-axes"));
        assertTrue(text("downhill-axes").contains("off this plane"), text("downhill-axes"));
        new Select(driver().findElement(By.id("set-surface"))).selectByValue("runs");
        await("no second run", () -> text("downhill-problem").equals("compare two runs to see their plane"));

        open(engine, "compare=1&b.lr=0.05&view=downhill&surface=runs");
        for (int k = 1; k <= 3; k++) {
            click("step");
            awaitText("step-count", Integer.toString(k));
        }
        await("the runs' plane", () -> text("downhill-axes").startsWith("The plane through both runs' start and their weights now; both lie in it exactly."));
        assertTrue(text("downhill-axes").contains("run B's at most"), text("downhill-axes"));
    }
}
