package scratchnet.playground.session;

import scratchnet.playground.picture.View;
import scratchnet.playground.settings.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SessionTest {

    static String weights(Session s) {
        StringBuilder b = new StringBuilder();
        s.model().parameters().forEach(p -> b.append(p.data).append(','));
        return b.toString();
    }

    @Test
    void sameSettingsSameDataWeightsAndRun() {
        Settings settings = Settings.fromHash("data=spiral&layers=5,3&seed=4&init=9").settings;
        Session a = new Session(settings), b = new Session(settings);
        assertEquals(a.train().points.toString(), b.train().points.toString());
        assertEquals(weights(a), weights(b));
        for (int k = 0; k < 20; k++) {
            assertEquals(a.step().loss, b.step().loss, 0);
        }
        assertEquals(weights(a), weights(b));
    }

    @Test
    void theInitialWeightsFollowTheSchemeAndAnOldLinkKeepsTheSeeds() {
        String old = "data=moons&layers=6,6&init=5";
        Session before = new Session(Settings.fromHash(old).settings);
        assertEquals(weights(before), weights(new Session(Settings.fromHash(old + "&initScheme=uniform").settings)));
        Session zero = new Session(Settings.fromHash(old + "&initScheme=zero").settings);
        assertTrue(zero.model().parameters().stream().allMatch(p -> p.data == 0));
        Session he = new Session(Settings.fromHash(old + "&initScheme=he").settings);
        assertNotEquals(weights(before), weights(he));
        // He: N(0, 2/6) for the second layer, a draw beyond 1/√6 (uniform's bound) among its 36 weights
        assertTrue(he.model().layers.get(1).parameters().stream().anyMatch(p -> Math.abs(p.data) > 1 / Math.sqrt(6)));
        Settings.Parsed bad = Settings.fromHash(old + "&initScheme=xavier");
        assertEquals("uniform", bad.settings.get("initScheme"));
        assertEquals(1, bad.notes.size(), bad.notes.toString());
    }

    @Test
    void defaultsLearnTheMoons() {
        Session s = new Session(new Settings());
        Readout start = s.readout();
        assertEquals(160, s.train().size());
        assertEquals(40, s.test().size());
        assertEquals(2 * 8 + 8 + 8 * 8 + 8 + 8 + 1, start.parameters);
        for (int k = 0; k < 500; k++) {
            s.step();
        }
        Readout end = s.readout();
        assertEquals(500, end.step);
        assertTrue(end.trainAccuracy >= 0.97, "train accuracy " + end.trainAccuracy);
        assertTrue(end.testAccuracy >= 0.9, "test accuracy " + end.testAccuracy);
        assertTrue(end.trainLoss < start.trainLoss / 5);
    }

    @Test
    void applyRebuildsOnlyWhatChanged() {
        Settings settings = new Settings();
        Session s = new Session(settings);
        for (int k = 0; k < 5; k++) {
            s.step();
        }
        String trained = weights(s);
        settings.learningRate = 0.01;
        assertEquals(Settings.Affects.TRAINING, s.apply(settings));
        assertEquals(trained, weights(s));
        assertEquals(5, s.trainer().steps());
        assertEquals(0.01, s.trainer().learningRate);

        settings.speed = 9;
        assertEquals(Settings.Affects.VIEW, s.apply(settings));

        String data = s.train().points.toString();
        settings.layers = new int[] {3};
        assertEquals(Settings.Affects.MODEL, s.apply(settings));
        assertEquals(0, s.trainer().steps());
        assertEquals(data, s.train().points.toString());
        assertEquals(2 * 3 + 3 + 3 + 1, s.model().parameters().size());

        settings.noise = 0.3;
        assertEquals(Settings.Affects.DATA, s.apply(settings));
        assertNotEquals(data, s.train().points.toString());
    }

    @Test
    void resetRestoresTheInitialWeights() {
        Session s = new Session(new Settings());
        String initial = weights(s);
        double loss0 = s.readout().trainLoss;
        for (int k = 0; k < 10; k++) {
            s.step();
        }
        assertNotEquals(initial, weights(s));
        s.reset();
        assertEquals(initial, weights(s));
        assertEquals(0, s.readout().step);
        assertEquals(loss0, s.readout().trainLoss, 0);
    }

    @Test
    void viewFramesEveryPoint() {
        Session s = new Session(new Settings());
        View v = s.view();
        for (var p : s.train().points) {
            assertTrue(v.contains(p.x, p.y));
        }
        assertEquals(v.xMax - v.xMin, v.yMax - v.yMin, 1e-12);
        double[] grid = new double[30 * 20];
        s.grid(30, 20, grid);
        for (double g : grid) {
            assertTrue(g >= -1 && g <= 1);
        }
    }

    @Test
    void bigNetworksGetCoarserHeatMaps() {
        assertEquals(100, new Session(new Settings()).gridSide());
        assertEquals(100, new Session(Settings.fromHash("layers=16,16").settings).gridSide());
        Session largest = new Session(Settings.fromHash("layers=32,32,32,32,32,32").settings);
        assertEquals(Session.MIN_GRID, largest.gridSide());
        int mid = new Session(Settings.fromHash("layers=32,32").settings).gridSide();
        assertTrue(mid > Session.MIN_GRID && mid < 100, "in between: " + mid);
    }
}
