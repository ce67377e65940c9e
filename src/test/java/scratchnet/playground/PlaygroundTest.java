package scratchnet.playground;

import scratchnet.playground.picture.HeatMap;
import scratchnet.playground.picture.Marks;
import scratchnet.playground.picture.Tool;
import scratchnet.playground.picture.View;
import scratchnet.playground.session.FrameMeter;
import scratchnet.playground.session.LossCurve;
import scratchnet.playground.session.Readout;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.io.Format;

/** The page's door into the core: commands in, numbers and text out, checked against a plain Session. */
class PlaygroundTest {
    @Test
    void opensALinkAndSaysWhatItCouldNotUse() {
        Playground p = new Playground("#data=spiral&lr=99&bogus=1");
        assertEquals(Notes.LINK, p.openingNotes().title);
        assertEquals(2, p.openingNotes().lines.size(), p.openingNotes().lines.toString());
        assertEquals("spiral", p.settings().get("data"));
        assertEquals("10", p.settings().get("lr"));
        assertTrue(p.link().startsWith("#data=spiral&"), p.link());
    }

    @Test
    void aSettingRebuildsWhatItAffectsAndTheChartStartsOver() {
        Playground p = new Playground("");
        p.step();
        p.step();
        p.readout();
        assertEquals(1, p.curve().size());
        assertEquals(List.of(), p.set("lr", "0.1").lines);
        assertEquals(2, p.steps(), "a training setting keeps the weights and the step");
        assertEquals(List.of(), p.set("layers", "4").lines);
        assertEquals(0, p.steps(), "a new network starts at step 0");
        assertEquals(0, p.curve().size());
        Notes said = p.set("points", "5000");
        assertEquals(List.of("points: 5000 is outside 2–1000, used 1000"), said.lines);
        assertEquals("1000", p.settings().get("points"));
    }

    @Test
    void newDataDropsHandEditsWithANote() {
        Playground p = new Playground("");
        p.picture().setTool("add");
        assertEquals("", p.picture().press(10, 10, 100, 100));
        assertEquals("161 training points, 40 test", p.readout().pointsText());
        assertTrue(p.link().contains("&add="), p.link());
        Notes said = p.newData();
        assertEquals(List.of("the points added or removed by hand were dropped: new data settings make new data"),
                said.lines);
        assertFalse(p.link().contains("&add="));
        assertEquals("2", p.settings().get("seed"));
    }

    @Test
    void aPressMeansWhatTheToolSays() {
        Playground p = new Playground("");
        View v = p.picture().view();
        double[] first = p.inspector().selectedPoint();
        // inspect: the nearest training point is selected; the data stays
        Session jvm = new Session(new Settings());
        var target = jvm.train().points.get(7);
        assertEquals("", p.picture().press(v.pixelX(target.x, 400), v.pixelY(target.y, 400), 400, 400));
        assertEquals(target.x, p.inspector().selectedPoint()[0], 1e-12);
        assertFalse(first[0] == target.x && first[1] == target.y);
        assertEquals("160 training points, 40 test", p.readout().pointsText());
        // remove: the nearest point within 12 pixels
        p.picture().setTool("remove");
        assertEquals("", p.picture().press(v.pixelX(target.x, 400), v.pixelY(target.y, 400), 400, 400));
        assertEquals("159 training points, 40 test", p.readout().pointsText());
        assertEquals("No point there to remove.", p.picture().press(0, 0, 400, 400));
        // add: a -1 point where clicked, rounded as the link keeps it
        p.picture().setTool("add");
        p.picture().setPaintValue("-1");
        p.picture().press(200, 200, 400, 400);
        assertEquals("160 training points, 40 test", p.readout().pointsText());
        String x = Format.number(Math.round(v.planeX(200, 400) * 1000) / 1000.0);
        String y = Format.number(Math.round(v.planeY(200, 400) * 1000) / 1000.0);
        assertTrue(p.link().contains("&add=" + x + "," + y + ",-1"), p.link());
        // an unknown tool inspects
        p.picture().setTool("nonsense");
        assertEquals(Tool.INSPECT, p.picture().tool());
    }

    @Test
    void withNoTrainingPointsTheReadoutsSayDash() {
        Playground p = new Playground("");
        p.picture().clearPoints();
        Readout r = p.readout();
        assertEquals("0 training points, 0 test", r.pointsText());
        assertEquals("—", r.testLossText());
        assertEquals("—", r.testAccuracyText());
        assertNull(p.inspector().selectedPoint());
    }

    @Test
    void aFrameTrainsWithinItsBudgetAndStopsAtDivergence() {
        Playground p = new Playground("#speed=50");
        double[] clock = {0};
        // Each step "takes" 5 ms: the 12 ms budget allows three.
        int steps = p.train(() -> clock[0] += 5);
        assertEquals(3, steps);
        assertEquals(3, p.steps());
        // A fast clock: the speed setting is the limit.
        assertEquals(50, p.train(() -> 0));
        assertNull(p.diverged());

        Playground wild = new Playground("#lr=10&layers=8,8&init=3&output=linear&loss=mse");
        int taken = 0;
        while (wild.diverged() == null && taken < 2000) {
            taken += wild.train(() -> 0);
        }
        assertNotNull(wild.diverged(), "lr 10 on a linear output diverges");
        assertTrue(wild.diverged().startsWith("Training diverged (loss is NaN/∞) after step "), wild.diverged());
        wild.reset();
        assertNull(wild.diverged(), "reset clears the alarm");
    }

    /** Plays frames (as the page does: stop when a rule fires) until a stop or {@code max} steps; returns the steps. */
    static int play(Playground p, int max) {
        p.resume();
        int start = p.steps();
        while (p.stopped() == null && p.diverged() == null && p.steps() - start < max) {
            p.train(() -> 0);
        }
        return p.steps();
    }

    @Test
    void aStopRuleEndsPlayAndSaysWhyPlayGoesOnAndResetForgets() {
        Playground p = new Playground("#speed=7&stopLoss=0.05");
        int at = play(p, 5000);
        String why = p.stopped();
        assertNotNull(why, "moons reach a train loss of 0.05");
        Readout r = p.readout();
        assertTrue(r.trainLoss < 0.05, r.trainLoss + "");
        assertEquals("stopped: train loss " + Format.fixed(r.trainLoss, 4) + " fell below 0.05 at step " + at, why);
        // The frame stopped at that very step, not at the end of its seven.
        Playground again = new Playground("#speed=1");
        for (int k = 0; k < at - 1; k++) {
            again.step();
        }
        assertTrue(again.readout().trainLoss >= 0.05, "the step before was still above");
        // Play goes on: the rule has fired and stays quiet while the loss stays below.
        p.resume();
        assertNull(p.stopped(), "play forgets the message");
        for (int k = 0; k < 3; k++) {
            assertTrue(p.step());
        }
        assertNull(p.stopped());
        assertEquals(at + 3, p.steps());
        p.reset();
        assertEquals(at, play(p, 5000), "after reset the same run stops at the same step");

        Playground epochs = new Playground("#speed=9&stopEpochs=25");
        assertEquals(25, play(epochs, 5000), "full batch: an epoch a step");
        assertEquals("stopped: 25 epochs done at step 25", epochs.stopped());
        Playground batches = new Playground("#speed=9&stopEpochs=3&batch=50");
        assertEquals(9, play(batches, 5000), "160 points in batches of 50: three steps an epoch");

        Playground patient = new Playground("#speed=20&patience=5&lr=3&layers=16,16&noise=0.4&points=100");
        play(patient, 20000);
        assertNotNull(patient.stopped(), "a large lr on noisy data stalls the test loss");
        assertTrue(patient.stopped().startsWith("stopped: test loss has not improved on "), patient.stopped());
    }

    @Test
    void patienceWithoutTestPointsIsSaid() {
        Playground p = new Playground("#split=100&patience=3");
        assertEquals(List.of("patience: there are no test points (split 100%), so it never stops training;"
                + " a split below 100 keeps some"), p.openingNotes().lines);
        assertEquals(List.of(), p.set("split", "80").lines);
        assertTrue(p.set("split", "100").lines.get(0).startsWith("patience: there are no test points"));
    }

    @Test
    void theChartRecordsTheScheduledLearningRate() {
        Playground p = new Playground("#schedule=step&every=10&factor=0.5&lr=0.4&speed=1");
        for (int k = 0; k < 30; k++) {
            p.readout();
            p.step();
        }
        LossCurve c = p.curve();
        assertEquals(30, c.size());
        assertTrue(c.learningRateVaries());
        for (int i = 0; i < c.size(); i++) {
            assertEquals(0.4 * Math.pow(0.5, c.step(i) / 10), c.learningRate(i), 0, "point " + i);
        }
        assertEquals(0.4, c.maxLearningRate(), 0);
        assertEquals("lr 0.400", c.maxLearningRateText());
        assertEquals("0.05000", p.readout().learningRateText(), "the readout: step 30's rate, 0.4 · 0.5³");
        Playground constant = new Playground("#speed=1");
        for (int k = 0; k < 5; k++) {
            constant.readout();
            constant.step();
        }
        assertFalse(constant.curve().learningRateVaries(), "a constant rate is not drawn");
    }

    @Test
    void theHiddenLayerToggleRemembersTheLayers() {
        Playground p = new Playground("#layers=5,3");
        assertEquals("Remove hidden layers (straight line)", p.hiddenToggleText());
        p.toggleHidden();
        assertTrue(p.hiddenLayersRemoved());
        assertEquals("0", p.settings().get("layers"));
        assertEquals("Bring back the hidden layers 5,3", p.hiddenToggleText());
        assertEquals(3, p.readout().parameters);
        p.toggleHidden();
        assertEquals("5,3", p.settings().get("layers"));
    }

    @Test
    void eachLayersActivationSurvivesTheToggleAndFollowsTheLayerButtons() {
        Playground p = new Playground("#layers=5,3&activation=gelu,sine");
        p.toggleHidden();
        assertEquals("gelu,sine", p.settings().get("activation"), "kept while there is no hidden layer");
        p.toggleHidden();
        assertEquals("gelu,sine", p.settings().get("activation"));
        assertEquals(scratchnet.nn.Activation.SINE, p.session().model().layers.get(1).activation());
        // "+ layer" on the page: the new layer takes the last one's, and nothing is said.
        Notes said = p.set("layers", "5,3,4");
        assertEquals(List.of(), said.lines);
        assertEquals("gelu,sine,sine", p.settings().get("activation"));
        // One layer's select on the page.
        p.set("activation", "gelu,swish,sine");
        assertEquals(scratchnet.nn.Activation.SWISH, p.session().model().layers.get(1).activation());
    }

    @Test
    void weightsInTheLinkOnlyForSmallModels() {
        Playground p = new Playground("#layers=2");
        p.askForWeights(true);
        assertTrue(p.includeWeights());
        assertTrue(p.link().contains("&w="));
        p.set("layers", "16,16");
        assertFalse(p.weightsFit());
        assertFalse(p.link().contains("&w="));
        assertTrue(p.weightsNote().startsWith("Only for models of at most 300 parameters; this one has 337"),
                p.weightsNote());
    }

    @Test
    void aModelFileRoundTripsAndABadOneChangesNothing() throws Exception {
        Playground p = new Playground("#layers=3&lr=0.1");
        for (int i = 0; i < 7; i++) {
            p.step();
        }
        String file = p.keeping().exportFile();
        assertEquals("scratchnet-model-step7.json", p.keeping().exportName());
        Playground other = new Playground("");
        String before = other.link();
        assertThrows(Keeping.Refused.class, () -> other.keeping().importFile("{\"format\": 1}"));
        assertEquals(before, other.link(), "a bad file changes nothing");
        Notes notes = other.keeping().importFile(file);
        assertEquals(Notes.FILE, notes.title);
        assertEquals(List.of(), notes.lines);
        assertEquals(7, other.steps());
        assertEquals(p.readout().trainLossText(), other.readout().trainLossText());
        assertEquals(p.link(), other.link());
    }

    @Test
    void theHeatMapIsTheSessionsGridColoured() {
        Playground p = new Playground("#discretize=1");
        int side = p.picture().gridSide();
        int[] pixels = new int[side * side];
        p.picture().heatMap(side, pixels);
        double[] grid = new double[side * side];
        Session jvm = new Session(Settings.fromHash("discretize=1").settings);
        jvm.grid(side, side, grid);
        int[] expected = new int[grid.length];
        HeatMap.paint(grid, grid.length, true, true, expected);
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(pixels));
        Marks m = p.picture().trainMarks();
        assertEquals(160, m.size());
        assertNull(p.picture().testMarks(), "test points only when asked for");
        p.set("test", "1");
        assertEquals(40, p.picture().testMarks().size());
    }

    @Test
    void theFooterSaysTheFramesCost() {
        FrameMeter m = new FrameMeter();
        m.frame(true, 1000, 2, 1000.25, 1001.85);
        m.frame(true, 1016.7, 2, 1016.9, 1018.5);
        assertEquals("last frame: 2 steps in 0.2 ms, painting 1.6 ms · 60 fps", m.text());
        m.frame(false, 2000, 0, 2000, 2001);
        assertEquals("last frame: 0 steps in 0.0 ms, painting 1.0 ms", m.text());
    }

    @Test
    void theBrushSpraysDensityPointsPerDabWithinItsRadiusAndTheEraserRemoves() {
        Playground p = new Playground("#brush=40&density=5");
        p.picture().clearPoints();
        View v = p.picture().view();
        p.picture().setTool("brush");
        p.picture().setPaintValue("-1");
        p.picture().press(200, 200, 400, 400);
        assertEquals(5, p.readout().trainPoints);
        p.picture().drag(205, 200, 400, 400); // less than half a radius: no new dab
        assertEquals(5, p.readout().trainPoints);
        p.picture().drag(230, 200, 400, 400);
        assertEquals(10, p.readout().trainPoints);
        p.picture().release();
        p.picture().drag(300, 300, 400, 400); // released: nothing
        assertEquals(10, p.readout().trainPoints);
        double radius = v.planeLength(40, 400) + 0.001; // links keep 3 decimals
        Marks m = p.picture().trainMarks();
        for (int i = 0; i < m.size(); i++) {
            double d = Math.min(Math.hypot(m.x[i] - v.planeX(200, 400), m.y[i] - v.planeY(200, 400)),
                    Math.hypot(m.x[i] - v.planeX(230, 400), m.y[i] - v.planeY(200, 400)));
            assertTrue(d <= radius, "within the brush: " + d + " > " + radius);
            assertEquals(0, m.kind[i], "painted in the chosen class (-1)");
        }
        assertEquals("Undo paint", p.undoText(), "the whole stroke is one step");
        p.picture().setTool("erase");
        p.picture().press(215, 200, 400, 400);
        p.picture().release();
        assertTrue(p.readout().trainPoints < 10);
        p.undo();
        assertEquals(10, p.readout().trainPoints);
        p.undo();
        assertEquals(0, p.readout().trainPoints);
        p.redo();
        assertEquals(10, p.readout().trainPoints);
    }

    @Test
    void undoAndRedoEveryChangeToTheData() throws Exception {
        Playground p = new Playground("");
        String start = p.link();
        assertNull(p.undoText());
        assertFalse(p.undo());
        p.picture().setTool("add");
        p.picture().press(100, 100, 400, 400);
        p.step(); // training goes on between edits; undo leaves the weights alone
        String added = p.link();
        p.picture().clearPoints();
        assertEquals("0 training points, 0 test", p.readout().pointsText());
        assertEquals("Undo clear", p.undoText());
        assertTrue(p.undo());
        assertEquals(added, p.link());
        assertEquals(1, p.steps());
        assertTrue(p.undo());
        assertEquals(start, p.link());
        assertEquals("Redo add a point", p.redoText());
        assertTrue(p.redo());
        assertEquals(added, p.link());
        // new data settings drop hand edits, and undo brings them back
        p.newData();
        assertFalse(p.link().contains("&add="));
        assertTrue(p.undo());
        assertEquals(added, p.link());
        // an import too, with its weights and step
        Playground other = new Playground("#layers=2");
        other.step();
        String before = p.link();
        int stepsBefore = p.steps();
        p.keeping().importFile(other.keeping().exportFile());
        assertEquals(other.link(), p.link());
        assertTrue(p.undo());
        assertEquals(before, p.link());
        assertEquals(stepsBefore, p.steps());
        // a new change clears what could be redone
        p.picture().press(50, 50, 400, 400);
        assertNull(p.redoText());
    }

    @Test
    void withNothingToTrainOnPlayAndStepSaySo() {
        Playground p = new Playground("#points=2&split=10");
        assertNull(p.trainingNote());
        p.picture().clearPoints();
        assertFalse(p.step());
        assertEquals(0, p.train(() -> 0));
        assertEquals(0, p.steps());
        assertEquals("no training points — click the picture to add some", p.trainingNote());
        Readout r = p.readout();
        assertEquals("—", r.trainLossText());
        assertEquals("—", r.trainAccuracyText());
        p.picture().setTool("add");
        p.picture().press(10, 10, 100, 100);
        assertNull(p.trainingNote(), "a point to train on: the note goes");
        assertTrue(p.step());
    }

    @Test
    void aLinkCarriesUpToItsStatedNumberOfHandMadePointsAndSaysSoBeyond() {
        Playground p = new Playground("#brush=40&density=20");
        p.picture().setTool("brush");
        p.picture().press(20, 200, 400, 400);
        for (int i = 0; i < 14; i++) {
            p.picture().drag(20 + 25 * (i + 1), 200, 400, 400); // past half the radius each time: a dab
        }
        p.picture().release();
        assertEquals(300, p.readout().trainPoints - 160, "15 dabs of 20");
        assertNull(p.linkNote());
        String link = p.link();
        assertEquals(p.readout().pointsText(), new Playground(link).readout().pointsText(), "the link reproduces them");
        p.picture().drag(0, 0, 400, 400);
        p.picture().press(300, 300, 400, 400);
        p.picture().release();
        assertTrue(p.linkNote().startsWith("The link carries up to 300 points added by hand; these are 320"), p.linkNote());
        assertTrue(p.link().endsWith("&src=file"), p.link());
        assertTrue(link.length() < 6000, "300 points in " + link.length() + " characters");
    }
}
