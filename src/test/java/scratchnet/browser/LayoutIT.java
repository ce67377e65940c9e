package scratchnet.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The one screen (issue 19): at 1280×800 the toolbar, the picture (at least 400 px), the network
 * diagram (at least 300 px), the readouts and the chart lie wholly in the first screen with no
 * scrolling; on a phone (390×844) Play and the whole picture do, the network comes next and nothing
 * scrolls sideways. The diagram is where the network is shaped: the datasets chosen by their
 * pictures, the features toggled beside its inputs, +/− over its columns, a click on a neuron or on
 * a weight's line opening it in the view below; the settings that are not everyday fold into
 * groups that open in place.
 */
class LayoutIT extends PageTest {
    @AfterEach
    void windowAgain() {
        browser.resetViewport();
    }

    /** {left, top, right, bottom, width, height} of {@code #id} in CSS pixels of the viewport. */
    @SuppressWarnings("unchecked")
    private static double[] rect(String id) {
        Map<String, Object> r = (Map<String, Object>) js(
                "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                        + "return {l: r.left, t: r.top, r: r.right, b: r.bottom, w: r.width, h: r.height};", id);
        return new double[] {num(r.get("l")), num(r.get("t")), num(r.get("r")), num(r.get("b")), num(r.get("w")),
                num(r.get("h"))};
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static void assertOnScreen(String id, int width, int height) {
        double[] r = rect(id);
        assertTrue(r[0] >= 0 && r[1] >= 0 && r[2] <= width && r[3] <= height && r[4] > 0 && r[5] > 0,
                "#" + id + " wholly in the first " + width + "×" + height + " screen: " + java.util.Arrays.toString(r));
    }

    private static void assertNoSidewaysScroll(int width) {
        long scroll = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
        assertTrue(scroll <= width, "no sideways scroll at " + width + " px: the page is " + scroll + " px wide");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aLaptopScreenHoldsTheLessonWithoutScrolling(String engine) {
        browser.viewport(1280, 800);
        openFolded(engine, "");
        awaitDrawn();
        for (String id : new String[] {"reset", "play", "step", "step-count", "set-speed", "set-lr", "set-loss",
                "set-l2", "set-activation", "dataset-pictures", "set-classes", "set-noise", "boundary", "network",
                "layers-editor", "set-features", "readouts", "train-loss", "test-accuracy", "chart"}) {
            assertOnScreen(id, 1280, 800);
        }
        assertTrue(rect("boundary")[4] >= 400, "the picture is at least 400 px: " + rect("boundary")[4]);
        assertTrue(rect("network")[4] >= 300 && rect("network")[5] >= 300,
                "the diagram is at least 300 px: " + java.util.Arrays.toString(rect("network")));
        assertNoSidewaysScroll(1280);
        assertEquals(0L, ((Number) js("return window.scrollY;")).longValue());
        // The place for one more view, under the diagram, starts on the first screen too.
        assertOnScreen("tab-neuron", 1280, 800);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theLessonsExampleFillsTheFirstScreenAndAPhonesWidth(String engine) {
        browser.viewport(1280, 800);
        openFolded(engine, "lesson=1");
        awaitDrawn();
        for (String id : new String[] {"play", "step", "step-count", "set-lesson", "network", "lesson-examples",
                "lesson-example-3", "train-loss", "chart", "tab-nudge"}) {
            assertOnScreen(id, 1280, 800);
        }
        assertTrue(rect("network")[4] >= 300, "the diagram keeps its width without the features column: "
                + java.util.Arrays.toString(rect("network")));
        assertNoSidewaysScroll(1280);
        browser.viewport(390, 844);
        openFolded(engine, "lesson=1");
        assertOnScreen("play", 390, 844);
        assertOnScreen("lesson-example-3", 390, 844);
        assertNoSidewaysScroll(390);
        double[] table = rect("lesson-rows");
        assertTrue(table[2] <= 390, "the examples' table fits a phone: " + java.util.Arrays.toString(table));
        // The tour walks through the data's network and picture: it leaves the lesson.
        click("tour-open");
        awaitText("param-count", "105");
        assertFalse(driver().findElement(By.id("lesson-examples")).isDisplayed());
        click("tour-close");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theToursPanelAndButtonsStayOnScreenBesideWhatItPointsAt(String engine) {
        for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
            int w = size[0];
            int h = size[1];
            browser.viewport(w, h);
            openFolded(engine, "");
            click("tour-open");
            for (int step = 1; step <= 5; step++) {
                awaitText("tour-progress", "step " + step + " of 5");
                for (String id : new String[] {"tour-next", "tour-back", "tour-close", "tour-title"}) {
                    assertOnScreen(id, w, h);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> target = (Map<String, Object>) js("const t = document.querySelector('.tour-target');"
                        + "if (!t) return null; const r = t.getBoundingClientRect();"
                        + "return {id: t.id, t: r.top, b: r.bottom, l: r.left, r: r.right};");
                assertTrue(target != null, "step " + step + " outlines something");
                double top = num(target.get("t"));
                double bottom = num(target.get("b"));
                assertTrue(bottom > 0 && top < h && num(target.get("r")) > 0 && num(target.get("l")) < w,
                        w + "×" + h + ", step " + step + ": #" + target.get("id") + " is in view beside the tour (" + top + ".." + bottom + ")");
                if (step == 4) {
                    await("backward leads to where the gradients are: the phase walk, lit",
                            () -> driver().findElement(By.id("phase-backward")).getAttribute("class").contains("lit"));
                }
                if (step < 5) {
                    click("tour-next");
                }
            }
            click("tour-close");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aPhoneShowsPlayAndTheWholePictureFirstThenTheNetwork(String engine) {
        browser.viewport(390, 844);
        openFolded(engine, "");
        assertOnScreen("play", 390, 844);
        assertOnScreen("boundary", 390, 844);
        assertNoSidewaysScroll(390);
        double[] picture = rect("boundary");
        double[] network = rect("network");
        double[] data = rect("dataset-pictures");
        assertFalse("1".equals(js("return document.documentElement.dataset.drawn;")),
                "below a phone's fold, the diagram and the datasets' pictures wait to be scrolled near");
        js("document.getElementById('network').scrollIntoView();");
        awaitDrawn();
        js("window.scrollTo(0, 0);");
        assertTrue(network[1] > picture[3] && network[1] < data[1],
                "the network comes after the picture and before the data: " + picture[3] + " < " + network[1] + " < " + data[1]);
        // Touch still draws points: a tap in "add" mode adds one.
        new Select(driver().findElement(By.id("click-mode"))).selectByValue("add");
        String before = text("data-counts");
        WebElement canvas = driver().findElement(By.id("boundary"));
        js("const c = arguments[0], r = c.getBoundingClientRect();"
                + "for (const type of ['pointerdown', 'pointerup']) c.dispatchEvent(new PointerEvent(type, {bubbles: true,"
                + " pointerType: 'touch', clientX: r.left + 10, clientY: r.top + 10}));", canvas);
        awaitText("data-counts", before.replaceFirst("^\\d+", String.valueOf(Integer.parseInt(before.split(" ")[0]) + 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theDatasetsAreChosenByTheirPictures(String engine) {
        openFolded(engine, "");
        awaitDrawn();
        List<WebElement> pictures = driver().findElements(By.cssSelector("#dataset-pictures button[data-dataset]"));
        assertEquals(9, pictures.size(), "eight datasets and 'your points'");
        WebElement spiral = driver().findElement(By.cssSelector("#dataset-pictures button[data-dataset='spiral']"));
        assertEquals("false", spiral.getAttribute("aria-pressed"));
        // Each picture is drawn: its canvas is not one flat colour.
        long colours = ((Number) js("const c = arguments[0].querySelector('canvas'), d = c.getContext('2d')"
                + ".getImageData(0, 0, c.width, c.height).data, seen = new Set();"
                + "for (let i = 0; i < d.length; i += 4) seen.add(d[i] << 16 | d[i + 1] << 8 | d[i + 2]); return seen.size;",
                spiral)).longValue();
        assertTrue(colours >= 3, "the spiral's picture has its ground and two classes' dots: " + colours + " colours");
        spiral.click();
        await("the spiral chosen", () -> new Select(driver().findElement(By.id("set-data")))
                .getFirstSelectedOption().getAttribute("value").equals("spiral"));
        assertEquals("true", spiral.getAttribute("aria-pressed"));
        assertTrue(driver().getCurrentUrl().contains("data=spiral"), driver().getCurrentUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theNetworkIsShapedOnItsDiagram(String engine) {
        openFolded(engine, "");
        awaitDrawn();
        awaitText("param-count", "105"); // 2·8+8 + 8·8+8 + 8·1+1
        // A feature toggled beside the inputs: x² adds a weight to each of the first layer's 8 neurons.
        driver().findElement(By.cssSelector("#set-features input[value='x2']")).click();
        awaitText("param-count", "113");
        // + over the first layer's column: a ninth neuron there (3 + 1 weights in, 8 out).
        WebElement first = driver().findElement(By.cssSelector("#layers-editor [data-layer='0']"));
        first.findElement(By.cssSelector("button[aria-label^='more neurons']")).click();
        awaitText("param-count", "125");
        // Each layer's controls stand over its column of neurons.
        WebElement neuron = driver().findElement(By.cssSelector("#network-neurons [data-column='1'][data-row='0']"));
        double column = num(js("const r = arguments[0].getBoundingClientRect(); return r.left + r.width / 2;", neuron));
        double box = num(js("const r = arguments[0].getBoundingClientRect(); return r.left + r.width / 2;",
                driver().findElement(By.cssSelector("#layers-editor [data-layer='0']"))));
        assertTrue(Math.abs(column - box) < 3, "layer 1's controls over its column: " + box + " vs " + column);
        // − layers on the diagram.
        driver().findElement(By.id("remove-layer")).click();
        awaitText("hidden-count", "1 hidden layer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aNeuronOrAWeightLineOpensInTheViewBelow(String engine) {
        openFolded(engine, "");
        awaitDrawn();
        click("tab-phases");
        assertFalse(driver().findElement(By.id("view-neuron")).isDisplayed());
        driver().findElement(By.cssSelector("#network-neurons [data-column='1'][data-row='2']")).click();
        assertTrue(driver().findElement(By.id("view-neuron")).isDisplayed());
        awaitText("neuron-title", "layer 0, neuron 2");
        // The line from input y to layer 1's neuron 0: its middle lies on no other line's end.
        WebElement y = driver().findElement(By.cssSelector("#network-neurons [data-column='0'][data-row='1']"));
        WebElement to = driver().findElement(By.cssSelector("#network-neurons [data-column='1'][data-row='0']"));
        js("const a = arguments[0].getBoundingClientRect(), b = arguments[1].getBoundingClientRect(),"
                + " c = document.getElementById('network'), r = c.getBoundingClientRect();"
                + "const x = (a.left + a.right + b.left + b.right) / 4, y = (a.top + a.bottom + b.top + b.bottom) / 4;"
                + "c.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: x, clientY: y}));", y, to);
        awaitText("neuron-title", "layer 0, neuron 0");
        WebElement chosen = driver().findElement(By.cssSelector("#neuron-weights tr.chosen th"));
        assertEquals("w[0][0][1]", chosen.getText());
        // The tabs follow the keyboard, as tabs do.
        driver().findElement(By.id("tab-neuron")).sendKeys(Keys.ARROW_RIGHT);
        assertEquals("true", driver().findElement(By.id("tab-phases")).getAttribute("aria-selected"));
        assertTrue(driver().findElement(By.id("phase-next")).isDisplayed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theRestOfTheSettingsFoldIntoGroupsThatOpenInPlace(String engine) {
        openFolded(engine, "");
        awaitDrawn();
        for (String id : new String[] {"set-schedule", "set-stopLoss", "set-optimizer", "set-batch", "set-seed",
                "set-init", "set-standardize", "set-l1"}) {
            assertFalse(driver().findElement(By.id(id)).isDisplayed(), "#" + id + " is folded away at first");
        }
        driver().findElement(By.cssSelector("#group-schedule > summary")).click();
        WebElement schedule = driver().findElement(By.id("set-schedule"));
        assertTrue(schedule.isDisplayed());
        new Select(schedule).selectByValue("cosine");
        await("the schedule in the link", () -> driver().getCurrentUrl().contains("schedule=cosine"));
        // The computation graph and the parameter table lie below, built when first opened.
        assertFalse(driver().findElement(By.id("graph")).isDisplayed());
        assertEquals("", text("graph-nodes"), "no graph is built while its panel is closed");
        click("open-graph");
        await("the graph built once opened", () -> !driver().findElement(By.id("graph-nodes")).getText().isEmpty());
    }

    /** Darkest channel of the boundary canvas's pixels over a rectangle (canvas pixels): low where text or a tick is drawn. */
    private static long darkest(int x0, int y0, int x1, int y1) {
        return ((Number) js("const g = document.getElementById('boundary').getContext('2d'),"
                + " d = g.getImageData(arguments[0], arguments[1], arguments[2] - arguments[0], arguments[3] - arguments[1]).data;"
                + "let low = 255; for (let i = 0; i < d.length; i += 4) low = Math.min(low, d[i], d[i + 1], d[i + 2]); return low;",
                x0, y0, x1, y1)).longValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theYAxisLabelsStandAboveTheirTicksNotAfterThem(String engine) {
        openFolded(engine, "");
        scratchnet.playground.picture.View view = new scratchnet.playground.Playground("").picture().view();
        int size = ((Number) js("return document.getElementById('boundary').width;")).intValue();
        int font = (int) Math.max(10, Math.round(size / 40.0));
        int tick = font / 2;
        int checked = 0;
        scratchnet.playground.picture.View.Axis y = view.yAxis();
        for (int i = 0; i < y.values.length; i++) {
            int py = (int) Math.floor(view.pixelY(y.values[i], size));
            if (py < font + 3 || py > size - 2.5 * font) {
                continue; // the top edge's label goes below its tick; the bottom strip is the x labels'
            }
            assertTrue(darkest(0, py, tick, py + 1) < 80, "the tick of y = " + y.labels[i] + " is drawn");
            // Right of the tick, on its row: no label, so no dash before a digit.
            assertTrue(darkest(tick + 2, py, tick + 3 * font, py + 1) > 150,
                    "nothing after the tick of y = " + y.labels[i] + " on its row");
            // Above it: the label.
            assertTrue(darkest(2, py - font, 2 + font, py - 1) < 80, "the label " + y.labels[i] + " above its tick");
            checked++;
        }
        assertTrue(checked >= 2, "at least two labels checked: " + checked);
    }
}
