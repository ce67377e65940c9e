package scratchnet.playground.session;

import scratchnet.playground.Notes;
import scratchnet.playground.Playground;
import scratchnet.playground.settings.Settings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.engine.Value;
import scratchnet.train.Trainer;

/** Two runs racing from the same start: identical settings stay identical, different ones match separate runs. */
class ComparisonTest {
    static double[] weights(Session s) {
        List<Value> p = s.model().parameters();
        double[] w = new double[p.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = p.get(i).data;
        }
        return w;
    }

    @Test
    void identicalSettingsStayBitIdentical() {
        // Mini-batches and momentum: the batch draws and the optimiser state must match too.
        Playground p = new Playground("#optimizer=momentum&batch=10");
        for (int i = 0; i < 7; i++) {
            p.step(); // A trains alone first: the fork starts from A's weights then
        }
        p.twoRuns().compare(true);
        assertArrayEquals(weights(p.session()), weights(p.twoRuns().sessionB()));
        for (int i = 0; i < 50; i++) {
            assertTrue(p.step());
        }
        assertArrayEquals(weights(p.session()), weights(p.twoRuns().sessionB()));
        Readout a = p.readout();
        Readout b = p.twoRuns().readoutB();
        assertEquals(57, a.step);
        assertEquals(a.step, b.step);
        assertEquals(a.trainLoss, b.trainLoss, 0.0);
        assertEquals(a.testLoss, b.testLoss, 0.0);
        assertEquals("B: the same settings as A (the runs stay identical)", p.twoRuns().comparisonSummary());
    }

    @Test
    void runBTakesAsFrozenScalingNotOneOfThePointsAddedSince() {
        // A's scaling is frozen with its weights; points added by hand later must not move B's.
        Playground p = new Playground("#standardize=1&lr=0.1");
        String frozen = p.session().model().scaling.toString();
        p.picture().setTool("add");
        for (int i = 0; i < 5; i++) {
            p.picture().press(5 + 3 * i, 7, 100, 100); // far in a corner: the training points' mean moves
        }
        assertNotEquals(frozen, scratchnet.nn.Scaling.of(p.session().train().points).toString(), "the points moved");
        p.step();
        p.twoRuns().compare(true);
        assertEquals(frozen, p.twoRuns().sessionB().model().scaling.toString());
        for (int i = 0; i < 20; i++) {
            assertTrue(p.step());
        }
        assertArrayEquals(weights(p.session()), weights(p.twoRuns().sessionB()));
    }

    @Test
    void eachRunMatchesTheSameRunMadeAloneStepForStep() {
        Playground p = new Playground("#batch=16&compare=1&b.lr=0.05&b.optimizer=adam");
        assertTrue(p.openingNotes().lines.isEmpty(), p.openingNotes().lines.toString());
        assertTrue(p.twoRuns().comparing());
        Session aloneA = new Session(p.settings());
        Settings b = p.settings();
        b.set("lr", "0.05");
        b.set("optimizer", "adam");
        Session aloneB = new Session(b);
        assertEquals(b.toHash(), p.twoRuns().sessionB().settings().toHash());
        for (int i = 0; i < 40; i++) {
            Trainer.Result ra = aloneA.step();
            Trainer.Result rb = aloneB.step();
            assertTrue(p.step());
            assertArrayEquals(weights(aloneA), weights(p.session()), "A at step " + ra.step);
            assertArrayEquals(weights(aloneB), weights(p.twoRuns().sessionB()), "B at step " + rb.step);
        }
        assertEquals(aloneA.readout().trainLoss, p.readout().trainLoss, 0.0);
        assertEquals(aloneB.readout().trainLoss, p.twoRuns().readoutB().trainLoss, 0.0);
        assertNotEquals(p.readout().trainLoss, p.twoRuns().readoutB().trainLoss);
        assertEquals("B: optimizer adam (A sgd); lr 0.05 (A 0.3)", p.twoRuns().comparisonSummary());
    }

    @Test
    void theFrameTrainsBothAlikeAndEachHasItsCurve() {
        Playground p = new Playground("#speed=5&compare=1&b.lr=0.1");
        double[] clock = {0};
        assertEquals(5, p.train(() -> clock[0]));
        p.readout();
        p.twoRuns().readoutB();
        assertEquals(5, p.session().trainer().steps());
        assertEquals(5, p.twoRuns().sessionB().trainer().steps());
        assertEquals(1, p.curve().size());
        assertEquals(1, p.twoRuns().curveB().size());
        assertNotEquals(p.curve().trainLoss(0), p.twoRuns().curveB().trainLoss(0));
    }

    @Test
    void theLinkCarriesTheComparisonAndReopensIt() {
        Playground p = new Playground("");
        p.twoRuns().compare(true);
        p.twoRuns().editB(true);
        assertEquals(List.of(), p.set("lr", "0.1").lines);
        assertEquals(List.of(), p.set("activation", "relu").lines);
        assertEquals("0.3", p.settings().get("lr"), "A keeps its own");
        assertEquals("0.1", p.twoRuns().shownSettings().get("lr"));
        assertEquals(List.of("activation", "lr"), p.twoRuns().differing());
        String link = p.link();
        assertTrue(link.endsWith("&compare=1&b.activation=relu&b.lr=0.1"), link);
        Playground q = new Playground(link);
        assertTrue(q.openingNotes().lines.isEmpty(), q.openingNotes().lines.toString());
        assertEquals(link, q.link());
        assertEquals(p.twoRuns().comparisonSummary(), q.twoRuns().comparisonSummary());
        // An old link (no compare) opens one run as before.
        Playground old = new Playground("#lr=0.1");
        assertFalse(old.twoRuns().comparing());
        assertFalse(old.link().contains("compare"));
    }

    @Test
    void mangledPartsOfBAreNotes() {
        Playground p = new Playground("#compare=1&b.lr=abc&b.data=spiral&b.zz=1&b.loss=ce&b.batch=99999&b.&b.lr=0.2");
        List<String> notes = p.openingNotes().lines;
        assertTrue(p.twoRuns().comparing());
        assertTrue(notes.contains("run B: lr: 'abc' is not a number, kept 0.3"), notes.toString());
        assertTrue(notes.contains("b.lr: given twice, the first kept"), notes.toString());
        assertTrue(notes.contains("run B: data is the same for both runs (only training settings and the activation may differ)"),
                notes.toString());
        assertTrue(notes.contains("run B: unknown setting 'zz' ignored"), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("run B: loss ce would change the network's outputs")),
                notes.toString());
        assertTrue(notes.contains("run B: batch: 99999 is outside 0–1000, used 1000"), notes.toString());
        assertEquals("B: batch 1000 (A 0)", p.twoRuns().comparisonSummary());
        assertEquals("moons", p.twoRuns().sessionB().settings().get("data"));
        Playground q = new Playground("#b.lr=0.1&compare=2");
        assertFalse(q.twoRuns().comparing());
        assertEquals(2, q.openingNotes().lines.size(), q.openingNotes().lines.toString());
    }

    @Test
    void aDataOrModelChangeAppliesToBothAndRestartsBothFromTheSameWeights() {
        Playground p = new Playground("#compare=1&b.lr=0.1");
        for (int i = 0; i < 5; i++) {
            p.step();
        }
        p.twoRuns().editB(true);
        assertEquals(List.of(), p.set("seed", "7").lines); // a data row: for both, whichever run the controls edit
        assertEquals("7", p.settings().get("seed"));
        assertEquals("7", p.twoRuns().sessionB().settings().get("seed"));
        assertEquals("0.1", p.twoRuns().sessionB().settings().get("lr"), "B keeps what it may differ in");
        assertEquals(0, p.steps());
        assertEquals(0, p.twoRuns().sessionB().trainer().steps());
        assertArrayEquals(weights(new Session(p.settings())), weights(p.session()));
        assertArrayEquals(weights(p.session()), weights(p.twoRuns().sessionB()));
        assertEquals(p.session().train(), p.twoRuns().sessionB().train());
        p.twoRuns().editB(false);
        p.set("layers", "3");
        assertArrayEquals(weights(p.session()), weights(p.twoRuns().sessionB()));
        assertEquals(3 * 3 + 4, weights(p.twoRuns().sessionB()).length);
    }

    @Test
    void resetReturnsBothToTheStartAndHandEditsReachB() {
        Playground p = new Playground("#compare=1&b.lr=0.1");
        double[] start = weights(p.session());
        for (int i = 0; i < 5; i++) {
            p.step();
        }
        p.reset();
        assertArrayEquals(start, weights(p.session()));
        assertArrayEquals(start, weights(p.twoRuns().sessionB()));
        p.picture().setTool("add");
        p.picture().press(10, 10, 100, 100);
        p.step();
        assertEquals(161, p.twoRuns().sessionB().trainer().data().size(), "B trains on the added point too");
        assertEquals(161, p.twoRuns().readoutB().trainPoints);
    }

    @Test
    void autosaveKeepsTheComparison() {
        Playground p = new Playground("#compare=1&b.lr=0.1&b.optimizer=adam");
        for (int i = 0; i < 12; i++) {
            p.step();
        }
        String saved = p.keeping().saveText();
        Playground q = new Playground("");
        q.keeping().restore(saved);
        assertTrue(q.twoRuns().comparing());
        assertEquals(p.link(), q.link());
        assertArrayEquals(weights(p.session()), weights(q.session()));
        assertArrayEquals(weights(p.twoRuns().sessionB()), weights(q.twoRuns().sessionB()));
        assertEquals(12, q.twoRuns().sessionB().trainer().steps());
        assertEquals(p.twoRuns().readoutB().trainLoss, q.twoRuns().readoutB().trainLoss, 0.0);
        // Restored runs train on alike: same settings as the originals after their own restore.
        q.step();
        assertEquals(13, q.steps());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDamagedRunBCostsNothingOfRunA() throws Exception {
        Playground p = new Playground("#compare=1&b.lr=0.1");
        for (int i = 0; i < 8; i++) {
            p.step();
        }
        java.util.Map<String, Object> saved = new java.util.LinkedHashMap<>(
                (java.util.Map<String, Object>) scratchnet.io.Json.parse(p.keeping().saveText()));
        saved.put("b", "{\"format\": \"scratchnet-model\", \"version\": 3"); // cut short
        Playground q = new Playground("");
        Notes notes = q.keeping().restore(scratchnet.io.Json.write(saved));
        assertTrue(q.twoRuns().comparing());
        assertArrayEquals(weights(p.session()), weights(q.session()), "run A as it was");
        assertArrayEquals(weights(q.session()), weights(q.twoRuns().sessionB()), "run B from A's weights");
        assertTrue(notes.lines.stream().anyMatch(l -> l.startsWith("run B could not be read (")), notes.lines.toString());
    }

    @Test
    void anImportThatDropsOneOfBsSettingsSaysSo() throws Exception {
        Playground p = new Playground("#compare=1&b.loss=hinge&b.lr=0.1");
        assertEquals("hinge", p.twoRuns().sessionB().settings().get("loss"));
        Notes notes = p.keeping().importCsv(scratchnet.io.CsvSamples.csv(60, new String[] {"a", "b", "c"}, 2, 3), "auto");
        assertTrue(p.twoRuns().comparing());
        assertEquals("ce", p.twoRuns().sessionB().settings().get("loss"), "3 classes train with ce in both runs");
        assertEquals("0.1", p.twoRuns().sessionB().settings().get("lr"), "what still fits is kept");
        assertTrue(notes.lines.stream().anyMatch(l -> l.startsWith("run B: loss hinge no longer fits")), notes.lines.toString());
    }

    @Test
    void stoppingKeepsAOrB() {
        Playground p = new Playground("#compare=1&b.lr=0.1&b.activation=relu");
        p.step();
        p.step();
        double[] b = weights(p.twoRuns().sessionB());
        p.twoRuns().keepB();
        assertFalse(p.twoRuns().comparing());
        assertEquals("0.1", p.settings().get("lr"));
        assertEquals("relu", p.settings().get("activation"));
        assertArrayEquals(b, weights(p.session()));
        assertEquals(2, p.steps());
        assertFalse(p.link().contains("compare"));
        assertEquals("Undo keep run B", p.undoText());
        assertTrue(p.undo());
        assertEquals("0.3", p.settings().get("lr"), "run A is back");
        assertEquals("tanh", p.settings().get("activation"));
        Playground q = new Playground("#compare=1&b.lr=0.1");
        q.twoRuns().compare(false);
        assertFalse(q.twoRuns().comparing());
        assertEquals("0.3", q.settings().get("lr"));
        assertNull(q.twoRuns().curveB());
        assertEquals("", q.twoRuns().comparisonSummary());
    }

    @Test
    void aDivergingBStopsTheFrameAndSaysWhichRun() {
        Playground p = new Playground("#layers=8,8&init=3&output=linear&loss=mse&lr=0.01&compare=1&b.lr=10");
        for (int i = 0; i < 2000 && p.diverged() == null; i++) {
            p.step();
        }
        String why = p.diverged();
        assertTrue(why != null && why.startsWith("Run B: Training diverged"), String.valueOf(why));
        assertEquals(p.steps(), p.twoRuns().sessionB().trainer().steps() + 1, "A took the step B could not");
    }
}
