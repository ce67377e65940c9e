package scratchnet.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import scratchnet.playground.Playground;
import scratchnet.playground.inspect.HealthReport;

/**
 * The "Health" view in both engines: each layer's title, numbers and findings are the JVM's,
 * word for word; the histograms and charts are drawn; dead neurons are marked on the diagram
 * while the view is shown, and only then.
 */
class HealthIT extends PageTest {

    private static List<String> texts(String selector) {
        List<String> all = new ArrayList<>();
        for (WebElement e : driver().findElements(By.cssSelector(selector))) {
            all.add(e.getText());
        }
        return all;
    }

    private static HealthReport jvm(String hash, int steps) {
        Playground p = new Playground(hash);
        for (int k = 0; k < steps; k++) {
            p.step();
        }
        p.inspector().refreshHealth();
        return p.inspector().health();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theStaircaseIsTheJvmsWordForWord(String engine) {
        String hash = "view=health&layers=8,8,8,8,8,8&activation=sigmoid&points=100&lr=0.1";
        open(engine, hash);
        js("document.getElementById('view-health').scrollIntoView({block: 'start'})");
        assertTrue(driver().findElement(By.id("view-health")).isDisplayed(), "the link's view is shown");
        steps(3);
        await("the numbers at step 3", () -> text("health-scope").contains(" at step 3:"));
        HealthReport r = jvm(hash, 3);
        List<String> titles = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int l = 0; l < r.layerCount(); l++) {
            titles.add(r.title(l));
            numbers.add(r.numbers(l));
        }
        assertEquals(titles, texts("#health-layers h4"));
        assertEquals(numbers, texts("#health-layers p"));
        assertEquals(r.findings(), texts("#health-findings li"));
        assertTrue(text("health-findings").contains("The gradient reaching layer 1 is "), text("health-findings"));
        assertEquals(r.scope(), text("health-scope"));
        assertTrue(pixels("health-outputs-0", 0x1a73e8) > 20, "layer 1's outputs are drawn as bars");
        assertTrue(pixels("health-gradients-6", 0xe8710a) > 20, "the output's gradients are drawn as bars");
        assertTrue(pixels("health-norm", 0x1a73e8) > 5, "layer 1's line in the norm chart");
        assertTrue(pixels("health-ratio", 0x5f6368) > 5, "the output layer's line in the ratio chart");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void deadNeuronsAreSaidAndMarkedOnTheDiagram(String engine) {
        String hash = "view=health&layers=8&activation=relu&lr=3";
        open(engine, hash);
        steps(5);
        await("the numbers at step 5", () -> text("health-scope").contains(" at step 5:"));
        HealthReport r = jvm(hash, 5);
        assertEquals(r.findings(), texts("#health-findings li"));
        assertTrue(text("health-findings").contains("Layer 1: 2 of 8 ReLU neurons are dead"), text("health-findings"));
        assertEquals(r.numbers(0), texts("#health-layers p").get(0));
        await("the red ✕ on the diagram", () -> pixels("network", 0xd93025) > 10);
        click("tab-neuron");
        await("no marks outside the health view", () -> pixels("network", 0xd93025) == 0);
        click("tab-health");
        await("the marks again", () -> pixels("network", 0xd93025) > 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aPhoneShowsTheViewWithoutSidewaysScroll(String engine) {
        try {
            browser.viewport(390, 844);
            openFolded(engine, "view=health&layers=8,8,8,8,8,8&activation=sigmoid");
            js("document.getElementById('view-health').scrollIntoView({block: 'start'})");
            awaitDrawn();
            steps(2);
            await("the numbers at step 2", () -> text("health-scope").contains(" at step 2:"));
            js("document.getElementById('health-layers').scrollIntoView({block: 'start'})");
            long wide = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
            assertTrue(wide <= 390, "no sideways scroll at 390 px: the page is " + wide + " px wide");
            double right = ((Number) js("return document.getElementById('tab-health').getBoundingClientRect().right;")).doubleValue();
            assertTrue(right <= 390, "the Health tab is on the screen: its right edge at " + right);
        } finally {
            browser.resetViewport();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void whilePlayingTheChartsGrowAndThePauseBringsTheNumbersUpToDate(String engine) {
        open(engine, "view=health&layers=4,4&initScheme=zero");
        click("play");
        await("some steps", () -> Integer.parseInt(text("step-count")) > 30);
        click("play");
        String step = text("step-count");
        await("the numbers at the paused step", () -> text("health-scope").contains(" at step " + step + ":"));
        assertTrue(text("health-findings").contains("Layer 1's 4 neurons are identical on every point"), text("health-findings"));
        assertTrue(driver().getCurrentUrl().contains("view=health"), driver().getCurrentUrl());
    }
}
