package scratchnet.playground.picture;

import scratchnet.playground.Playground;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Point;

/** The picture's axes in the data's units: nice round steps, labels as the step needs. */
class ViewTest {
    @Test
    void stepsAreOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
        assertEquals(250, View.niceStep(230), 0);
        assertEquals(1, View.niceStep(0.84), 0);
        assertEquals(0.5, View.niceStep(0.3), 1e-15);
        assertEquals(2, View.niceStep(2), 0);
        assertEquals(0.025, View.niceStep(0.021), 1e-15);
        assertEquals(1e11, View.niceStep(6e10), 0);
        assertEquals(1, View.niceStep(0), 0);
    }

    @Test
    void dataInTheThousandsIsMarkedEvery250() {
        View v = View.around(List.of(new Point(0, 0, 1), new Point(1000, 1000, -1), new Point(300, 700, 1)));
        View.Axis x = v.xAxis();
        assertEquals(250, x.step, 0);
        assertArrayEquals(new String[] {"0", "250", "500", "750", "1000"}, x.labels);
        assertEquals("x axis: 0, 250, 500, 750, 1000; y axis: 0, 250, 500, 750, 1000", v.axesText());
        // Each mark lies inside the picture, where pixelX puts it.
        for (double t : x.values) {
            double px = v.pixelX(t, 480);
            assertEquals(true, px > 0 && px < 480, t + " at " + px);
        }
    }

    @Test
    void labelsCarryTheDecimalsTheStepNeedsAndNoMinusZero() {
        assertEquals("x axis: -1, 0, 1, 2; y axis: -1, 0, 1, 2", new Playground("").picture().view().axesText(), "the default moons");
        View moons = new View(-1.6, 2.6, -1.7, 2.5);
        assertEquals("x axis: -1, 0, 1, 2; y axis: -1, 0, 1, 2", moons.axesText());
        View small = new View(-0.0012, 0.0112, 0, 0.0124);
        assertArrayEquals(new String[] {"0", "0.0025", "0.0050", "0.0075", "0.0100"}, small.xAxis().labels);
        assertEquals("0.25", View.label(0.25, 0.25));
        assertEquals("-2.5", View.label(-2.5, 2.5));
        assertEquals("0", View.label(-1e-17, 0.1));
        assertEquals("0.3", View.label(3 * 0.1, 0.1), "3 × 0.1 is 0.30000000000000004");
        View huge = new View(0, 1e12, 0, 1e12);
        assertEquals("x axis: 0, 2.00e11, 4.00e11, 6.00e11, 8.00e11, 1.00e12; y axis: 0, 2.00e11, 4.00e11, 6.00e11, 8.00e11, 1.00e12",
                huge.axesText());
    }
}
