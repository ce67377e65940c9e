package scratchnet.playground.picture;

import scratchnet.playground.Playground;
import scratchnet.playground.inspect.Diagram;
import scratchnet.playground.inspect.Inspector;
import scratchnet.playground.inspect.ThumbnailPolicy;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import scratchnet.engine.Value;
import scratchnet.nn.Activation;
import scratchnet.nn.MLP;
import scratchnet.nn.Snapshot;

/**
 * The network diagram's thumbnails and the neuron shown large on the picture: every neuron's
 * numbers against {@link Snapshot#predict} at the cells' centres, their colours, the grid's budget,
 * when they are remade, and the picture and caption while a neuron is previewed.
 */
class ThumbnailsTest {
    /** Each thumbnail is predict's activity of its neuron (its feature, for an input) at the cells' centres. */
    @Test
    void eachThumbnailIsItsNeuronsOutputAtTheCellCentres() {
        double worst = 0;
        for (String hash : new String[] {"", "layers=5,3&activation=relu", "features=x,y,x2,y2,xy,sinx,siny&layers=4",
                "data=spiral&classes=3&layers=6", "layers=3&activation=sigmoid&output=linear&loss=mse"}) {
            Session session = new Session(Settings.fromHash(hash).settings);
            MLP model = session.model();
            // Trained a little, so the weights are not the initial ones.
            for (int i = 0; i < 5; i++) {
                session.step();
            }
            View view = session.view();
            Thumbnails t = new Thumbnails(model, view);
            int side = t.side;
            assertEquals(Thumbnails.MAX_SIDE, side, hash + ": a small network gets the finest thumbnails");
            Snapshot s = model.snapshot();
            int[] block = new int[side * side];
            for (int c = 0; c < t.widths.length; c++) {
                for (int o = 0; o < t.widths[c]; o++) {
                    for (int r = 0; r < side; r++) {
                        for (int k = 0; k < side; k++) {
                            double x = view.xMin + (k + 0.5) * (view.xMax - view.xMin) / side;
                            double y = view.yMax - (r + 0.5) * (view.yMax - view.yMin) / side;
                            s.predict(x, y);
                            double exact;
                            if (c == 0) {
                                double[] in = new double[model.nin()];
                                model.features.map(x, y, in);
                                exact = in[o];
                            } else {
                                exact = s.activity(c - 1)[o];
                            }
                            double got = t.values[c][o * side * side + r * side + k];
                            double error = Math.abs(got - exact);
                            assertTrue(error < 1e-7, hash + ": column " + c + " neuron " + o + " at " + x + ", " + y
                                    + ": " + got + " vs " + exact);
                            worst = Math.max(worst, error);
                        }
                    }
                    // Its pixels: the picture's colour scale (tanh neurons as they are, others squashed).
                    boolean bounded = c > 0 && model.layers.get(c - 1).neurons.get(o).activation == Activation.TANH;
                    double[] one = new double[side * side];
                    System.arraycopy(t.values[c], o * side * side, one, 0, one.length);
                    HeatMap.paint(one, one.length, bounded, false, block);
                    int[] blitted = new int[block.length];
                    System.arraycopy(t.pixels, t.index(c, o) * side * side, blitted, 0, blitted.length);
                    assertArrayEquals(block, blitted, hash + ": column " + c + " neuron " + o);
                }
            }
            assertEquals(t.count() * side * side, t.pixels.length);
        }
        System.out.printf("thumbnails vs predict: largest difference %.3g%n", worst);
    }

    @Test
    void neuronsDifferFromEachOther() {
        Thumbnails t = new Thumbnails(new Session(new Settings()).model(), new Session(new Settings()).view());
        int cells = t.side * t.side;
        int[] a = new int[cells];
        int[] b = new int[cells];
        System.arraycopy(t.pixels, t.index(1, 0) * cells, a, 0, cells);
        System.arraycopy(t.pixels, t.index(1, 1) * cells, b, 0, cells);
        assertFalse(Arrays.equals(a, b));
        assertEquals(2 + 8 + 8 + 1, t.count());
        assertEquals(2 + 8 + 3, t.index(2, 3));
    }

    @Test
    void bigNetworksGetCoarserThumbnailsWithinTheBudget() {
        assertEquals(Thumbnails.MAX_SIDE, Thumbnails.side(new int[] {2, 8, 8, 1}));
        int big = Thumbnails.side(new int[] {7, 32, 32, 32, 32, 32, 32, 1});
        assertEquals(Thumbnails.MIN_SIDE, big, "the largest network offered");
        int middle = Thumbnails.side(new int[] {2, 32, 32, 32, 1});
        assertTrue(middle > Thumbnails.MIN_SIDE && middle < Thumbnails.MAX_SIDE, "" + middle);
        assertTrue(middle * middle * (2 * 32 + 32 * 32 * 2 + 32) <= Thumbnails.BUDGET);
    }

    @Test
    void thumbnailsAreRemadeWhenWhatTheyShowChanged() {
        Session session = new Session(new Settings());
        MLP model = session.model();
        ThumbnailPolicy policy = new ThumbnailPolicy();
        assertTrue(policy.stale(model, session.view(), false), "never made");
        policy.made(model, session.view());
        assertFalse(policy.stale(model, session.view(), false));
        assertFalse(policy.stale(model, session.view(), true));

        // A small move: remade when paused, kept while playing.
        Value w = model.parameters().get(3);
        w.data += ThumbnailPolicy.MOVE / 2;
        assertTrue(policy.stale(model, session.view(), false));
        assertFalse(policy.stale(model, session.view(), true));
        // A big one: remade either way.
        w.data += ThumbnailPolicy.MOVE;
        assertTrue(policy.stale(model, session.view(), true));
        policy.made(model, session.view());
        assertFalse(policy.stale(model, session.view(), true));
        // A NaN that stays NaN is no change; another view or model is.
        w.data = Double.NaN;
        assertTrue(policy.stale(model, session.view(), true));
        policy.made(model, session.view());
        assertFalse(policy.stale(model, session.view(), false));
        assertTrue(policy.stale(model, new View(-2, 2, -2, 2), false));
        assertTrue(policy.stale(new Session(new Settings()).model(), session.view(), false));
    }

    @Test
    void theInspectorReusesThumbnailsWhileTheyAreFresh() {
        Playground p = new Playground("");
        Inspector in = p.inspector();
        in.frame(false, false);
        Thumbnails first = in.diagram().thumbnails;
        assertSame(first, in.diagram().thumbnails, "nothing moved");
        p.step();
        in.frame(false, false);
        assertNotEquals(first, in.diagram().thumbnails, "paused after a step: remade");
    }

    /** A previewed neuron's map on the picture, its caption, and the output back after. */
    @Test
    void aPreviewedNeuronIsPaintedLargeWithItsCaption() {
        Playground p = new Playground("");
        int side = p.picture().gridSide();
        int[] output = new int[side * side];
        p.picture().heatMap(side, output);
        assertEquals("", p.picture().caption());

        Inspector in = p.inspector();
        in.preview(0, 3);
        assertEquals("layer 0, neuron 3: tanh(w·x + b)", p.picture().caption());
        int[] neuron = new int[side * side];
        p.picture().heatMap(side, neuron);
        Session jvm = new Session(new Settings());
        double[] grid = new double[side * side];
        View v = jvm.view();
        jvm.model().snapshot().grid(0, 3, v.xMin, v.xMax, v.yMin, v.yMax, side, side, grid);
        int[] expected = new int[side * side];
        HeatMap.paint(grid, grid.length, true, false, expected);
        assertArrayEquals(expected, neuron);
        assertFalse(Arrays.equals(output, neuron));

        in.preview(-1, 1);
        assertEquals("input y", p.picture().caption());
        in.preview(2, 0);
        assertEquals("the output neuron (layer 2): tanh(w·x + b)", p.picture().caption());

        in.endPreview();
        assertEquals("", p.picture().caption());
        int[] back = new int[side * side];
        p.picture().heatMap(side, back);
        assertArrayEquals(output, back);

        // A neuron no longer in the network: the picture shows the output.
        in.preview(1, 7);
        p.set("layers", "4");
        assertNull(in.previewed());
        assertEquals("", p.picture().caption());
    }

    @Test
    void namesSayWhatEachNeuronComputes() {
        MLP k = new Session(Settings.fromHash("data=spiral&classes=3&layers=4&activation=relu").settings).model();
        assertEquals("layer 0, neuron 2: relu(w·x + b)", Diagram.name(k, 0, 2));
        assertEquals("output 1 of 3 (layer 1): w·x + b", Diagram.name(k, 1, 1));
        MLP f = new Session(Settings.fromHash("features=x2,y2&layers=0").settings).model();
        assertEquals("input x²", Diagram.name(f, -1, 0));
        assertEquals("the output neuron (layer 0): tanh(w·x + b)", Diagram.name(f, 0, 0));
    }
}
