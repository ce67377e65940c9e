package scratchnet.playground.inspect;

import scratchnet.playground.Playground;
import scratchnet.playground.picture.View;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.FuzzTest;
import scratchnet.playground.settings.Settings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import scratchnet.data.Rng;
import scratchnet.nn.Neuron;

/** The `lines` setting: each first-layer neuron's line w·x + b = 0, clipped to the picture's view. */
class FirstLayerLinesTest {
    private static final View SQUARE = new View(-2, 2, -2, 2);

    @Test
    void aLineIsClippedToTheView() {
        assertArrayEquals(new double[] {0, -2, 0, 2}, sorted(SQUARE.clip(1, 0, 0)), 1e-12); // x = 0
        assertArrayEquals(new double[] {-2, 1, 2, 1}, sorted(SQUARE.clip(0, 3, -3)), 1e-12); // y = 1
        assertArrayEquals(new double[] {-2, -2, 2, 2}, sorted(SQUARE.clip(1, -1, 0)), 1e-12); // the diagonal
        assertArrayEquals(new double[] {1, 2, 2, 1}, sorted(SQUARE.clip(1, 1, -3)), 1e-12); // the corner cut off
        assertNull(SQUARE.clip(1, 0, -5), "x = 5 misses the view");
        assertNull(SQUARE.clip(1, 1, -5), "x + y = 5 misses it too");
        assertNull(SQUARE.clip(0, 0, 1), "no line");
        assertNull(SQUARE.clip(Double.NaN, 1, 0));
        assertNull(SQUARE.clip(1, Double.POSITIVE_INFINITY, 0));
        // Huge weights: the same line, no overflow.
        assertArrayEquals(new double[] {0, -2, 0, 2}, sorted(SQUARE.clip(1e300, 0, 0)), 1e-12);
        assertArrayEquals(new double[] {-2, -2, 2, 2}, sorted(SQUARE.clip(1e300, -1e300, 0)), 1e-12);
    }

    /** {x0, y0, x1, y1} with the smaller x (then y) first. */
    private static double[] sorted(double[] l) {
        if (l[0] > l[2] || (l[0] == l[2] && l[1] > l[3])) {
            return new double[] {l[2], l[3], l[0], l[1]};
        }
        return l;
    }

    @Test
    void eachFirstLayerNeuronThatCrossesThePictureHasItsLine() {
        Playground p = new Playground("#lines=1");
        Session jvm = new Session(new Settings());
        View v = jvm.view();
        double[] lines = p.picture().firstLayerLines();
        int crossing = 0;
        int at = 0;
        for (Neuron n : jvm.model().layers.get(0).neurons) {
            double w0 = n.w.get(0).data, w1 = n.w.get(1).data, b = n.b.data;
            // A line crosses the view if the sum changes sign between its corners.
            double[] corners = {w0 * v.xMin + w1 * v.yMin + b, w0 * v.xMax + w1 * v.yMin + b,
                w0 * v.xMin + w1 * v.yMax + b, w0 * v.xMax + w1 * v.yMax + b};
            boolean crosses = false;
            for (double c : corners) {
                crosses |= Math.signum(c) != Math.signum(corners[0]);
            }
            if (!crosses) {
                continue;
            }
            crossing++;
            for (int end = 0; end < 2; end++) {
                double x = lines[at + 2 * end], y = lines[at + 2 * end + 1];
                assertEquals(0, w0 * x + w1 * y + b, 1e-12, "on the line");
                double edge = Math.min(Math.min(Math.abs(x - v.xMin), Math.abs(x - v.xMax)),
                        Math.min(Math.abs(y - v.yMin), Math.abs(y - v.yMax)));
                assertEquals(0, edge, 1e-12, "on the view's edge");
            }
            at += 4;
        }
        assertTrue(crossing >= 3, "the default network's first layer crosses the picture: " + crossing);
        assertEquals(4 * crossing, lines.length);

        // Off by default; none for networks that do not read x and y as they are.
        assertEquals(0, new Playground("").picture().firstLayerLines().length);
        assertEquals(0, new Playground("#lines=1&features=x2,y2").picture().firstLayerLines().length);
        assertTrue(new Playground("#lines=1&layers=0").picture().firstLayerLines().length == 4, "no hidden layer: the output's line");
    }

    @Test
    void standardisedInputsDrawTheLineWhereTheNeuronsSumIsZeroInThePlane() {
        Playground p = new Playground("#lines=1&standardize=1&data=circles");
        scratchnet.nn.MLP model = p.session().model();
        assertTrue(!model.scaling.isNone());
        double[] lines = p.picture().firstLayerLines();
        assertTrue(lines.length >= 4, "some line crosses the picture");
        for (int at = 0; at < lines.length; at += 2) {
            double x = lines[at], y = lines[at + 1];
            boolean onSome = false;
            for (Neuron n : model.layers.get(0).neurons) {
                double sum = n.w.get(0).data * model.scaling.x(x) + n.w.get(1).data * model.scaling.y(y) + n.b.data;
                onSome |= Math.abs(sum) < 1e-9;
            }
            assertTrue(onSome, "(" + x + ", " + y + ") is on some first-layer neuron's w·x' + b = 0");
        }
    }

    @Test
    void hostileLinksGiveLinesInsideThePicture() {
        Rng rng = new Rng(13);
        for (int i = 0; i < 500; i++) {
            String hash = FuzzTest.randomHash(rng) + "&lines=1";
            Playground p = new Playground(hash);
            View v = p.picture().view();
            double[] lines = p.picture().firstLayerLines();
            assertEquals(0, lines.length % 4, hash);
            for (int k = 0; k < lines.length; k += 2) {
                double x = lines[k], y = lines[k + 1];
                double slack = 1e-9 * (v.xMax - v.xMin);
                assertTrue(x >= v.xMin - slack && x <= v.xMax + slack && y >= v.yMin - slack && y <= v.yMax + slack,
                        hash + ": " + x + ", " + y);
            }
        }
    }
}
