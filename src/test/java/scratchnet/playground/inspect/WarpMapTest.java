package scratchnet.playground.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import scratchnet.data.Point;
import scratchnet.io.Format;
import scratchnet.nn.Snapshot;
import scratchnet.playground.Playground;
import scratchnet.playground.picture.View;
import scratchnet.train.Trainer;

/** The Warp view's pictures: the grid as a layer sees it, held still, coloured by the decision. */
class WarpMapTest {
    private static final View VIEW = new View(-2, 3, -1.5, 2);

    private static WarpMap map(Playground p) {
        Trainer t = p.inspector().trainer();
        return new WarpMap(() -> t, () -> VIEW);
    }

    @Test
    void theGridOfATwoNeuronLayerIsSnapshotsValues() {
        Playground p = new Playground("layers=2,4");
        for (int k = 0; k < 10; k++) {
            p.step();
        }
        WarpMap w = map(p);
        w.choose(1, "neurons", 1, 2, "activated");
        assertTrue(w.advance());
        WarpPicture pic = w.picture();
        Snapshot net = p.inspector().model().snapshot();
        for (int k = 0; k < WarpPicture.LINES; k++) {
            for (int j = 0; j < WarpPicture.SAMPLES; j++) {
                double x = -2 + 5.0 * j / (WarpPicture.SAMPLES - 1);
                double y = 2 - 3.5 * k / (WarpPicture.LINES - 1);
                net.predict(x, y);
                double[] a = net.activity(0);
                assertEquals(a[0], pic.lines[k][2 * j], 0.0, "across: neuron 1's output, to the bit");
                assertEquals(a[1], pic.lines[k][2 * j + 1], 0.0, "up: neuron 2's");
            }
        }
        Trainer t = p.inspector().trainer();
        for (int i = 0; i < t.size(); i++) {
            Point pt = t.data().points.get(i);
            net.predict(pt.x, pt.y);
            assertEquals(net.activity(0)[0], pic.points[2 * i], 0.0);
            assertEquals(net.activity(0)[1], pic.points[2 * i + 1], 0.0);
        }
        assertArrayEquals(new double[] {-1.05, 1.05, -1.05, 1.05}, pic.frame, "tanh's whole range: a frame no step leaves");
        assertEquals(w.picture().fx(0), 0.5, 1e-12);
    }

    @Test
    void theCellsAreTheNetworksDecisionAtTheirCentres() {
        Playground p = new Playground("layers=8,8");
        for (int k = 0; k < 30; k++) {
            p.step();
        }
        WarpMap w = map(p);
        w.advance();
        WarpPicture pic = w.picture();
        Snapshot net = p.inspector().model().snapshot();
        int r = 5;
        int c = 17;
        double x = -2 + 5.0 * (c + 0.5) / WarpPicture.CELLS;
        double y = 2 - 3.5 * (r + 0.5) / WarpPicture.CELLS;
        assertEquals(WarpPicture.decision(net.predict(x, y), true), pic.cells[r * WarpPicture.CELLS + c]);
        assertEquals((WarpPicture.CELLS + 1) * (WarpPicture.CELLS + 1) * 2, pic.corners.length);
        assertEquals(2, w.small().length, "a small picture per hidden layer");
        assertTrue(w.axesText().startsWith("layer 1 (8 tanh neurons) at act(w·x + b), on its first two principal components"),
                w.axesText());
    }

    @Test
    void theAxesAndFrameHoldStillWhileTrainingUntilFittedAgain() {
        Playground p = new Playground("layers=8,8");
        WarpMap w = map(p);
        w.advance();
        double[] frame = w.picture().frame.clone();
        double[] before = w.picture().points.clone();
        for (int k = 0; k < 20; k++) {
            p.step();
        }
        assertTrue(w.advance(), "the weights moved: a new picture");
        double[] now = w.picture().frame;
        assertTrue(now[0] <= frame[0] && now[1] >= frame[1] && now[2] <= frame[2] && now[3] >= frame[3],
                "the frame holds still or widens, never shrinks");
        assertFalse(java.util.Arrays.equals(before, w.picture().points), "the points moved in it");
        assertTrue(w.axesText().contains("axes fixed since step 0"), w.axesText());
        for (int i = 0; i < w.picture().points.length / 2; i++) {
            double fx = w.picture().fx(w.picture().points[2 * i]);
            double fy = w.picture().fy(w.picture().points[2 * i + 1]);
            assertTrue(fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1, "every point inside the frame");
        }
        assertFalse(w.advance(), "nothing changed: nothing to redo");
        w.refit();
        assertTrue(w.advance());
        assertTrue(w.axesText().endsWith("axes fixed since step 20"), w.axesText());
        w.choose(2, "pca", 1, 2, "weighted");
        assertTrue(w.advance(), "another layer and stage: fitted afresh");
        assertTrue(w.axesText().startsWith("layer 2 (8 tanh neurons) at w·x, "), w.axesText());
    }

    @Test
    void aFrameWidensToHoldWhatLeftItAndOnlyThen() {
        double[] frame = {-1, 1, -1, 1};
        assertTrue(WarpPicture.grown(frame, new double[] {0.5, -0.5}, new double[][] {{0, 0, 0.9, 0.9}}) == frame, "inside: the same");
        double[] wider = WarpPicture.grown(frame, new double[] {3, 0}, new double[0][]);
        assertEquals(wider[1] - wider[0], wider[3] - wider[2], 1e-12, "square");
        assertTrue(wider[0] < -1 && wider[1] > 3 && wider[2] < -1 && wider[3] > 1, java.util.Arrays.toString(wider));
        assertTrue(WarpPicture.grown(frame, new double[] {Double.NaN, 7}, new double[0][]) == frame, "NaN is not a place");
    }

    @Test
    void aLayerPastTheNetworksLastIsItsLastSaidSo() {
        Playground p = new Playground("layers=8,8");
        WarpMap w = map(p);
        w.choose(5, "neurons", 3, 3, "biased");
        w.advance();
        assertEquals(1, w.layer());
        assertTrue(w.axesText().contains("neuron 3 across, neuron 4 up"), w.axesText());
        assertTrue(w.axesText().contains("layer 5 was asked for, the network has 2"), w.axesText());
    }

    @Test
    void aPointIsFoundByItsPlaceAndItsLandingIsSaid() {
        Playground p = new Playground("layers=8,8");
        WarpMap w = map(p);
        w.advance();
        WarpPicture pic = w.picture();
        int i = 7;
        assertEquals(i, w.nearest(pic.fx(pic.points[2 * i]), pic.fy(pic.points[2 * i + 1]), 1e-9));
        double[] xy = w.point(i);
        double[][] at = w.landing(xy[0], xy[1]);
        assertEquals(pic.points[2 * i], at[0][0], 0.0, "in the chosen picture where it is drawn");
        assertEquals(pic.points[2 * i + 1], at[0][1], 0.0);
        assertEquals(w.small()[1].points[2 * i], at[2][0], 0.0, "and in layer 2's small picture");
        String said = w.landingText(xy[0], xy[1]);
        double out = p.inspector().model().snapshot().predict(xy[0], xy[1])[0];
        assertTrue(said.endsWith(" → output " + Format.significant(out, 4)), said);
        assertTrue(said.contains(" → layer 1 at (") && said.contains(" → layer 2 at ("), said);
    }

    @Test
    void withoutAPlaneOrAHiddenLayerItSaysWhy() {
        Playground lesson = new Playground("lesson=1");
        WarpMap w = lesson.inspector().warp();
        w.advance();
        assertNull(w.picture());
        assertTrue(w.problem().startsWith("The lesson's network reads three raw inputs"), w.problem());
        Playground none = new Playground("layers=");
        WarpMap v = map(none);
        v.advance();
        assertNotNull(v.problem(), "no hidden layer");
        assertTrue(v.problem().contains("no hidden layer"), v.problem());
    }
}
