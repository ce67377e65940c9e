package scratchnet.browser;

import scratchnet.playground.Playground;
import scratchnet.playground.inspect.Diagram;
import scratchnet.playground.picture.Thumbnails;
import scratchnet.playground.picture.View;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.Interactive;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import scratchnet.data.Point;

/**
 * The network diagram's thumbnails and the neuron previewed on the picture, in both engines: the
 * thumbnails' pixels against the JVM's colours, hover and keyboard focus painting a neuron's map
 * on the picture with its caption, and leaving, Escape and blur bringing the output back.
 */
class ThumbnailsIT extends PageTest {
    private static final int[] WIDTHS = {2, 8, 8, 1};

    /** Red, green, blue of canvas {@code id}'s pixels at the given canvas coordinates (x0, y0, x1, y1, ...). */
    @SuppressWarnings("unchecked")
    private static long[] pixels(String id, List<Double> at) {
        List<Long> rgb = (List<Long>) ((JavascriptExecutor) driver()).executeScript(
                "const c = document.getElementById(arguments[0]), g = c.getContext('2d'), at = arguments[1], out = [];"
                        + "for (let i = 0; i < at.length; i += 2) {"
                        + "  const d = g.getImageData(Math.floor(at[i]), Math.floor(at[i + 1]), 1, 1).data;"
                        + "  out.push(d[0], d[1], d[2]); }"
                        + "return out;", id, at);
        long[] out = new long[rgb.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rgb.get(i);
        }
        return out;
    }

    private static double number(String script, Object... args) {
        return ((Number) ((JavascriptExecutor) driver()).executeScript(script, args)).doubleValue();
    }

    /** Largest channel difference between canvas pixels and expected 0xRRGGBB colours. */
    private static long worst(long[] got, int[] expected) {
        long worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(got[3 * i] - (expected[i] >> 16 & 0xFF)));
            worst = Math.max(worst, Math.abs(got[3 * i + 1] - (expected[i] >> 8 & 0xFF)));
            worst = Math.max(worst, Math.abs(got[3 * i + 2] - (expected[i] & 0xFF)));
        }
        return worst;
    }

    /** 0xAABBGGRR (a canvas pixel) as 0xRRGGBB. */
    private static int rgb(int abgr) {
        return (abgr & 0xFF) << 16 | abgr & 0xFF00 | abgr >> 16 & 0xFF;
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void everyNeuronShowsItsOwnMapInTheJvmsColours(String engine) {
        open(engine, "");
        WebElement network = driver().findElement(By.id("network"));
        ((JavascriptExecutor) driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", network);
        Playground jvm = new Playground("");
        jvm.inspector().frame(false, false);
        Diagram d = jvm.inspector().diagram();
        Thumbnails t = d.thumbnails;
        awaitButtons();

        double w = number("return arguments[0].clientWidth", network);
        double h = number("return arguments[0].clientHeight", network);
        double ratio = number("return window.devicePixelRatio");
        double radius = Math.max(3, Math.min(14, (h - 16) / 8 * 0.4));
        int side = t.side;
        int cells = side * side;
        // Cells around each hidden and output neuron's centre, away from the marked point.
        int[][] samples = {{side / 4, side / 2}, {side / 2, side / 4}, {side / 2, 3 * side / 4}, {3 * side / 4, side / 2},
                {side / 3, side / 3}, {2 * side / 3, 2 * side / 3}};
        String previous = null;
        int distinct = 0;
        long largest = 0;
        for (int c = 1; c < WIDTHS.length; c++) {
            for (int o = 0; o < WIDTHS[c]; o++) {
                double cx = radius + 3 + (w - 2 * radius - 53) * c / (WIDTHS.length - 1.0); // NetworkDiagram.x
                double cy = 8 + (h - 16) / WIDTHS[c] * (o + 0.5);
                List<Double> at = new ArrayList<>();
                List<Integer> expected = new ArrayList<>();
                for (int[] s : samples) {
                    double fx = (s[1] + 0.5) / side;
                    double fy = (s[0] + 0.5) / side;
                    if (Math.hypot(fx - d.marker[0], fy - d.marker[1]) * 2 * radius < 5) {
                        continue; // under the selected point's mark
                    }
                    at.add((cx - radius + 2 * radius * fx) * ratio);
                    at.add((cy - radius + 2 * radius * fy) * ratio);
                    expected.add(rgb(t.pixels[t.index(c, o) * cells + s[0] * side + s[1]]));
                }
                long[] got = pixels("network", at);
                int[] want = expected.stream().mapToInt(Integer::intValue).toArray();
                // Each cell is about a CSS pixel, smoothed into its neighbours: close, not exact.
                long error = worst(got, want);
                assertTrue(error <= 12, engine + ": neuron " + c + "/" + o + " off by " + error);
                largest = Math.max(largest, error);
                String seen = Arrays.toString(got);
                if (!seen.equals(previous)) {
                    distinct++;
                }
                previous = seen;
            }
        }
        System.out.println(engine + ": thumbnails vs the JVM's colours, largest channel difference " + largest
                + "; " + distinct + " of 17 neurons' samples differ from the previous neuron's");
        assertTrue(distinct >= 12, "the 17 neurons' thumbnails differ: " + distinct);
    }

    private static void awaitButtons() {
        await("the neurons' buttons", () -> driver().findElements(By.cssSelector("#network-neurons button")).size() == 19);
    }

    private static WebElement neuron(int column, int row) {
        return driver().findElement(By.cssSelector("#network-neurons button[data-column='" + column + "'][data-row='" + row + "']"));
    }

    /** Canvas coordinates of picture cells clear of points, rings, the axes and the caption, and the cells' indices. */
    private static List<int[]> clearCells(Session session, int side, double size) {
        List<Point> points = session.train().points;
        View v = session.view();
        List<int[]> cells = new ArrayList<>();
        for (int r = side / 5; r < side; r += 7) {
            for (int k = 3; k < side; k += 7) {
                double px = (k + 0.5) / side * size;
                double py = (r + 0.5) / side * size;
                // The axes' ticks and labels cover strips along the left and bottom edges.
                boolean clear = px > size * 0.12 && py < size * 0.92;
                for (Point p : points) {
                    if (Math.hypot(v.pixelX(p.x, size) - px, v.pixelY(p.y, size) - py) < size / 25) {
                        clear = false;
                        break;
                    }
                }
                if (clear) {
                    cells.add(new int[] {r, k});
                }
            }
        }
        return cells;
    }

    /** The picture's colours at those cells (0xRRGGBB), as the JVM paints them. */
    private static long pictureError(List<int[]> cells, int side, double size, int[] abgr) {
        List<Double> at = new ArrayList<>();
        int[] want = new int[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            int[] c = cells.get(i);
            at.add((c[1] + 0.5) / side * size);
            at.add((c[0] + 0.5) / side * size);
            want[i] = rgb(abgr[c[0] * side + c[1]]);
        }
        return worst(pixels("boundary", at), want);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void hoverAndFocusShowANeuronOnThePicture(String engine) {
        open(engine, "");
        awaitButtons();
        Playground jvm = new Playground("");
        int side = jvm.picture().gridSide();
        int[] output = new int[side * side];
        jvm.picture().heatMap(side, output);
        jvm.inspector().preview(0, 3);
        int[] neuron3 = new int[side * side];
        jvm.picture().heatMap(side, neuron3);
        jvm.inspector().preview(1, 5);
        int[] neuron15 = new int[side * side];
        jvm.picture().heatMap(side, neuron15);
        double size = number("return document.getElementById('boundary').width");
        List<int[]> cells = clearCells(new Session(new Settings()), side, size);
        assertTrue(cells.size() >= 30, "cells to compare: " + cells.size());
        // The test can fail: the neuron's map is not the output's.
        assertTrue(pictureErrorOf(cells, side, output, neuron3) > 40);

        assertTrue(pictureError(cells, side, size, output) <= 3, "the output first");
        assertTrue(driver().findElement(By.id("picture-caption")).getAttribute("hidden") != null);

        // Hover.
        WebElement b = neuron(1, 3);
        ((JavascriptExecutor) driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", b);
        assertEquals("layer 0, neuron 3: tanh(w·x + b)", b.getAttribute("aria-label"));
        new Actions(driver()).moveToElement(b).perform();
        awaitText("picture-caption", "layer 0, neuron 3: tanh(w·x + b)");
        await("neuron 3's map on the picture", () -> pictureError(cells, side, size, neuron3) <= 3);
        // Leaving it: the output again.
        new Actions(driver()).moveToElement(driver().findElement(By.id("diagram-title"))).perform();
        await("the caption gone", () -> driver().findElement(By.id("picture-caption")).getAttribute("hidden") != null);
        await("the output's map back", () -> pictureError(cells, side, size, output) <= 3);

        // Keyboard: one tab stop; arrows move, focus shows, Escape and blur end it.
        assertEquals(1, driver().findElements(By.cssSelector("#network-neurons button[tabindex='0']")).size());
        ((JavascriptExecutor) driver()).executeScript("arguments[0].focus()", neuron(2, 4));
        awaitText("picture-caption", "layer 1, neuron 4: tanh(w·x + b)");
        driver().switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        awaitText("picture-caption", "layer 1, neuron 5: tanh(w·x + b)");
        await("neuron 1/5's map on the picture", () -> pictureError(cells, side, size, neuron15) <= 3);
        assertEquals("0", neuron(2, 5).getAttribute("tabindex"));
        assertEquals("-1", neuron(2, 4).getAttribute("tabindex"));
        driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        await("Escape: the caption gone", () -> driver().findElement(By.id("picture-caption")).getAttribute("hidden") != null);
        await("Escape: the output's map back", () -> pictureError(cells, side, size, output) <= 3);
        driver().switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        awaitText("picture-caption", "layer 0, neuron 5: tanh(w·x + b)");
        driver().switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        awaitText("picture-caption", "input y");
        ((JavascriptExecutor) driver()).executeScript("document.activeElement.blur()");
        await("blur: the caption gone", () -> driver().findElement(By.id("picture-caption")).getAttribute("hidden") != null);
        await("blur: the output's map back", () -> pictureError(cells, side, size, output) <= 3);

        // Enter on a neuron selects it, as a click does.
        ((JavascriptExecutor) driver()).executeScript("arguments[0].focus()", neuron(1, 2));
        driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        awaitText("neuron-title", "layer 0, neuron 2");
    }

    /** Largest channel difference between two JVM pictures at those cells. */
    private static long pictureErrorOf(List<int[]> cells, int side, int[] a, int[] b) {
        long worst = 0;
        for (int[] c : cells) {
            int x = rgb(a[c[0] * side + c[1]]);
            int y = rgb(b[c[0] * side + c[1]]);
            for (int shift = 0; shift <= 16; shift += 8) {
                worst = Math.max(worst, Math.abs((x >> shift & 0xFF) - (y >> shift & 0xFF)));
            }
        }
        return worst;
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theFirstLayersLinesAreDrawnWhenAsked(String engine) {
        open(engine, "");
        Session session = new Session(new Settings());
        View v = session.view();
        double[] lines = new Playground("#lines=1").picture().firstLayerLines();
        double size = number("return document.getElementById('boundary').width");
        // The middle of each line clear of the training points.
        List<Double> at = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 4) {
            double px = v.pixelX((lines[i] + lines[i + 2]) / 2, size);
            double py = v.pixelY((lines[i + 1] + lines[i + 3]) / 2, size);
            boolean clear = py > size / 8; // not under the caption's corner either
            for (Point p : session.train().points) {
                clear &= Math.hypot(v.pixelX(p.x, size) - px, v.pixelY(p.y, size) - py) > size / 40;
            }
            if (clear) {
                at.add(px);
                at.add(py);
            }
        }
        assertTrue(at.size() >= 4, "lines to look at: " + at.size() / 2);
        assertTrue(every(pixels("boundary", at), 150, 256), "no line before it is asked for");
        click("set-lines");
        await("the lines drawn", () -> every(pixels("boundary", at), 0, 80));
        assertTrue(driver().getCurrentUrl().contains("lines=1"), driver().getCurrentUrl());
        click("set-lines");
        await("the lines gone", () -> every(pixels("boundary", at), 150, 256));
    }

    /** True if every pixel's brightest channel lies in [low, high): all light, or all dark. */
    private static boolean every(long[] rgb, long low, long high) {
        for (int i = 0; i < rgb.length; i += 3) {
            long top = Math.max(rgb[i], Math.max(rgb[i + 1], rgb[i + 2]));
            if (top < low || top >= high) {
                return false;
            }
        }
        return true;
    }

    /** A tap on a touch screen previews a neuron; a second tap on it brings the output back. */
    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aTapTogglesANeuronsPreview(String engine) {
        open(engine, "");
        awaitButtons();
        WebElement b = neuron(1, 6);
        ((JavascriptExecutor) driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", b);
        tap(b);
        awaitText("picture-caption", "layer 0, neuron 6: tanh(w·x + b)");
        awaitText("neuron-title", "layer 0, neuron 6"); // the tap is a click too: the neuron is selected
        tap(b);
        await("a second tap: the caption gone", () -> driver().findElement(By.id("picture-caption")).getAttribute("hidden") != null);
        tap(b);
        awaitText("picture-caption", "layer 0, neuron 6: tanh(w·x + b)");
    }

    private static void tap(WebElement e) {
        PointerInput finger =
                new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence tap = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO,
                        PointerInput.Origin.fromElement(e), 0, 0))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        ((Interactive) driver()).perform(List.of(tap));
    }
}
