package scratchnet.playground.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import scratchnet.playground.session.Runs;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;
import scratchnet.train.Landscape;
import scratchnet.train.PlaneGrid;
import scratchnet.train.Trainer;

/** The whole network's plane, each kind on real sessions: cells, paths, problems. */
class NetworkPlaneTest {
    static double[] weights(Trainer t) {
        return t.model.parameters().stream().mapToDouble(p -> p.data).toArray();
    }

    /** Trains {@code steps} steps, recording after each. */
    static void train(Session s, NetworkPlane plane, int steps) {
        for (int k = 0; k < steps; k++) {
            s.step();
            plane.afterStep();
        }
    }

    /** Every fourth cell against a fresh landscape's loss at θ_now + a·d1 + b·d2; returns the largest difference. */
    static double checkCells(NetworkPlane plane, Trainer t, String name) {
        PlaneGrid g = plane.grid();
        Landscape fresh = Landscape.of(t);
        double[] now = weights(t);
        double[] d1 = g.first();
        double[] d2 = g.second();
        double worst = 0;
        for (int row = 0; row < plane.side(); row += 4) {
            for (int col = 0; col < plane.side(); col += 3) {
                double[] theta = now.clone();
                for (int p = 0; p < theta.length; p++) {
                    theta[p] += g.a(col) * d1[p] + g.b(row) * d2[p];
                }
                double l = fresh.lossAt(theta);
                assertEquals(l, plane.cell(row, col), 1e-12 * Math.max(1, Math.abs(l)), name + " cell " + row + "," + col);
                worst = Math.max(worst, Math.abs(l - plane.cell(row, col)));
            }
        }
        return worst;
    }

    static void assertPathEndsAtTheDot(NetworkPlane plane, int path) {
        double[] xy = plane.paths()[path];
        assertArrayEquals(plane.dot(), new double[] {xy[xy.length - 2], xy[xy.length - 1]}, 1e-12, "the path ends at the dot");
    }

    @Test
    void randomDirectionsAndThePathsOwnPlane() {
        for (String hash : new String[] {"", "data=spiral&classes=3&loss=ce&l2=0.01", "layers=4&optimizer=adam"}) {
            Session s = new Session(Settings.fromHash(hash).settings);
            NetworkPlane plane = new NetworkPlane(s::trainer, null, 21);
            plane.kind(NetworkPlane.Kind.PATH);
            plane.finish();
            assertEquals("the path has fewer than three steps: train a little first", plane.problem(), hash);
            assertEquals("", plane.text());
            assertEquals(0, plane.paths().length);
            assertTrue(Double.isNaN(plane.cell(0, 0)));
            train(s, plane, 30);
            for (NetworkPlane.Kind kind : NetworkPlane.Kind.values()) {
                plane.kind(kind);
                plane.finish();
                assertTrue(plane.done());
                if (kind == NetworkPlane.Kind.RUNS) {
                    assertEquals("compare two runs to see their plane", plane.problem());
                    continue;
                }
                assertNull(plane.problem(), hash + " " + kind.label);
                double worst = checkCells(plane, s.trainer(), hash + " " + kind.label);
                assertEquals(1, plane.paths().length);
                assertEquals(2 * 31, plane.paths()[0].length, "steps 0 to 30");
                assertPathEndsAtTheDot(plane, 0);
                assertTrue(plane.offPlaneText().startsWith("the path lies at most "), plane.offPlaneText());
                assertEquals(plane.levels().logScale, plane.logScale());
                System.out.printf("%s %s: cells against lossAt, largest difference %.1e; %s; %s%n",
                        hash.isEmpty() ? "defaults" : hash, kind.label, worst, plane.text(), plane.offPlaneText());
            }
            plane.kind(NetworkPlane.Kind.RANDOM);
            plane.finish();
            assertTrue(plane.text().startsWith("two random directions, each neuron's weights rescaled to that neuron's norm"
                    + " (filter-normalised, Li et al. 2018); biases held fixed; a "), plane.text());
            assertEquals(0, plane.grid().second()[2], 0, "a bias's direction is 0");
            plane.kind(NetworkPlane.Kind.PATH);
            plane.finish();
            assertTrue(plane.text().matches("the path's own plane: its two principal directions explain [0-9.]+% and [0-9.]+%"
                    + " of how far the path strayed from the weights now\\. A path's own plane makes even a random walk look smooth\\."),
                    plane.text());
            assertTrue(Double.isFinite(plane.offPlane()[0]));
        }
    }

    @Test
    void theDefaultRandomMapIsPlusMinusOneAroundTheWeightsNow() {
        Session s = new Session(new Settings());
        NetworkPlane plane = new NetworkPlane(s::trainer, () -> null);
        train(s, plane, 3);
        plane.finish();
        PlaneGrid g = plane.grid();
        assertEquals(NetworkPlane.SIDE, plane.side());
        assertEquals(NetworkPlane.SIDE, g.size);
        assertArrayEquals(new double[] {-1, 1, -1, 1}, new double[] {g.aLow, g.aHigh, g.bLow, g.bHigh}, 0, "the path fits in ±1");
        assertArrayEquals(new double[] {0.5, 0.5}, plane.dot(), 1e-15, "the origin in the middle");
        assertTrue(plane.text().endsWith("; a and b from −1 to 1"), plane.text());
        assertEquals(plane.rowsDone(), NetworkPlane.SIDE);
        assertFalse(plane.advance(), "nothing new without a step");
        assertTrue(plane.grid() == g);
        s.step();
        assertFalse(plane.done());
        assertTrue(plane.advance(), "a step: mapped anew");
        assertTrue(plane.grid() == g, "the whole map stays shown while the next is under way");
        assertEquals(NetworkPlane.SIDE, plane.rowsDone());
        plane.finish();
        assertTrue(plane.grid() != g, "then the new one");
    }

    @Test
    void theComparisonPlaneContainsBothRunsWeights() {
        Runs runs = new Runs(new Session(new Settings()));
        for (int k = 0; k < 5; k++) {
            runs.step();
        }
        Settings b = runs.a.session.settings();
        b.learningRate = 0.05;
        runs.fork(b);
        NetworkPlane plane = new NetworkPlane(() -> runs.a.session.trainer(), () -> runs.b() == null ? null : runs.b().session.trainer(), 21);
        plane.kind(NetworkPlane.Kind.RUNS);
        plane.afterStep();
        double[] start = weights(runs.a.session.trainer());
        plane.finish();
        assertEquals("both runs are still at their start: train a little first", plane.problem());
        for (int k = 0; k < 20; k++) {
            runs.step();
            plane.afterStep();
        }
        plane.finish();
        assertNull(plane.problem());
        assertEquals("the plane through both runs' start (step 5) and their weights now; both lie in it exactly", plane.text());
        PlaneGrid g = plane.grid();
        double[] a = weights(runs.a.session.trainer());
        double[] bw = weights(runs.b().session.trainer());
        double worst = 0;
        for (double[] theta : new double[][] {start, a, bw}) {
            double distance = distance(theta, a, g.first(), g.second());
            assertTrue(distance < 1e-12, distance + " off the plane");
            worst = Math.max(worst, distance);
        }
        assertEquals(2, plane.paths().length);
        assertEquals(2, plane.offPlane().length);
        assertPathEndsAtTheDot(plane, 0);
        assertEquals(plane.paths()[0][0], plane.paths()[1][0], 1e-12, "both paths start at the shared start");
        assertEquals(plane.paths()[0][1], plane.paths()[1][1], 1e-12);
        assertTrue(plane.offPlaneText().startsWith("run A's path lies at most "), plane.offPlaneText());
        double cells = checkCells(plane, runs.a.session.trainer(), "runs");
        System.out.printf("runs plane: start and both runs' weights at most %.1e off it; cells against lossAt %.1e; %s%n",
                worst, cells, plane.offPlaneText());

        Session small = new Session(Settings.fromHash("layers=3").settings);
        NetworkPlane different = new NetworkPlane(() -> runs.a.session.trainer(), small::trainer, 5);
        different.kind(NetworkPlane.Kind.RUNS);
        runs.step();
        small.step();
        different.finish();
        assertTrue(different.problem().startsWith("the two networks have different numbers of parameters (105 and "),
                different.problem());
        assertNull(different.dot());
    }

    @Test
    void runsFromDifferentStartsUseAsStartAndSaySo() {
        Session a = new Session(new Settings());
        Session b = new Session(Settings.fromHash("init=2").settings);
        NetworkPlane plane = new NetworkPlane(a::trainer, b::trainer, 11);
        plane.kind(NetworkPlane.Kind.RUNS);
        plane.afterStep();
        double[] start = weights(a.trainer());
        for (int k = 0; k < 10; k++) {
            a.step();
            b.step();
            plane.afterStep();
        }
        plane.finish();
        assertEquals("the plane through run A's start and both runs' weights now, which lie in it exactly;"
                + " the runs started from different weights", plane.text());
        double[] now = weights(a.trainer());
        PlaneGrid g = plane.grid();
        for (double[] theta : new double[][] {start, now, weights(b.trainer())}) {
            assertTrue(distance(theta, now, g.first(), g.second()) < 1e-12);
        }

        NetworkPlane late = new NetworkPlane(a::trainer, b::trainer, 11); // made while both are under way
        late.kind(NetworkPlane.Kind.RUNS);
        late.afterStep();
        a.step();
        b.step();
        late.finish();
        assertEquals("the plane through run A's start (as first seen, step 10) and both runs' weights now, which lie in it"
                + " exactly; the runs' shared start was not seen", late.text());
    }

    /** θ's distance from the plane through {@code origin} along d1 and d2 (least squares). */
    static double distance(double[] theta, double[] origin, double[] d1, double[] d2) {
        double g11 = 0;
        double g12 = 0;
        double g22 = 0;
        double r1 = 0;
        double r2 = 0;
        for (int p = 0; p < theta.length; p++) {
            double x = theta[p] - origin[p];
            g11 += d1[p] * d1[p];
            g12 += d1[p] * d2[p];
            g22 += d2[p] * d2[p];
            r1 += x * d1[p];
            r2 += x * d2[p];
        }
        double det = g11 * g22 - g12 * g12;
        double a = (g22 * r1 - g12 * r2) / det;
        double b = (g11 * r2 - g12 * r1) / det;
        double s = 0;
        for (int p = 0; p < theta.length; p++) {
            double r = theta[p] - origin[p] - a * d1[p] - b * d2[p];
            s += r * r;
        }
        return Math.sqrt(s);
    }

    @Test
    void aDivergedRunGivesItsProblemNotAnException() {
        for (NetworkPlane.Kind kind : NetworkPlane.Kind.values()) {
            Session s = new Session(new Settings());
            Session other = new Session(new Settings());
            NetworkPlane plane = new NetworkPlane(s::trainer, other::trainer, 11);
            plane.kind(kind);
            train(s, plane, 4);
            s.trainer().model.parameters().get(3).data = Double.NaN;
            plane.finish();
            assertEquals("a parameter is not finite (NaN): reset or lower the learning rate", plane.problem(), kind.label);
            assertFalse(plane.advance(), "no remapping every frame");
            assertTrue(Double.isNaN(plane.cell(0, 0)));
            assertEquals(0, plane.levels().levels.length);
            assertNull(plane.dot());
            assertEquals("", plane.offPlaneText());
        }
        Session wild = new Session(Settings.fromHash("data=spiral&lr=10").settings);
        NetworkPlane plane = new NetworkPlane(wild::trainer, null, 11);
        for (NetworkPlane.Kind kind : NetworkPlane.Kind.values()) {
            plane.kind(kind);
            for (int k = 0; k < 40; k++) {
                wild.step();
                plane.advance();
            }
            plane.finish();
            System.out.printf("spiral at lr 10, %s: %s%n", kind.label, plane.problem() != null ? plane.problem() : plane.text());
        }
    }

    @Test
    void aResetStartsThePathAfresh() {
        Session s = new Session(new Settings());
        NetworkPlane plane = new NetworkPlane(s::trainer, null, 7);
        plane.kind(NetworkPlane.Kind.PATH);
        train(s, plane, 10);
        plane.finish();
        assertNull(plane.problem());
        assertEquals(20, plane.paths()[0].length, "steps 1 to 10");
        s.reset();
        plane.finish();
        assertEquals("the path has fewer than three steps: train a little first", plane.problem(), "a new trainer: a new path");
        train(s, plane, 2);
        plane.finish();
        assertNull(plane.problem());
        assertEquals(6, plane.paths()[0].length, "steps 0 to 2");
    }
}
