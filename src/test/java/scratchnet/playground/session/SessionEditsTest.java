package scratchnet.playground.session;

import scratchnet.playground.picture.View;
import scratchnet.playground.settings.Hash;
import scratchnet.playground.settings.Settings;
import scratchnet.playground.share.Link;
import scratchnet.playground.share.ModelFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.nn.Snapshot;

/** Points by hand, the link's extra keys and model files, through Session. */
class SessionEditsTest {

    private static Session trained(String hash, int steps) {
        Session s = new Session(Settings.fromHash(hash).settings);
        for (int i = 0; i < steps; i++) {
            s.step();
        }
        return s;
    }

    /** A session as a page opening {@code link} (settings plus extra keys) makes it. */
    private static Session opened(String link) {
        Session s = new Session(new Settings());
        List<String> notes = Link.open(Hash.read(link), s);
        assertEquals(List.of(), notes, link);
        return s;
    }

    private static String link(Session s, boolean withWeights) {
        return Link.write(s, withWeights);
    }

    @Test
    void anAddedPointTrainsWithoutResettingTheModel() {
        Session s = trained("", 5);
        String weights = SessionTest.weights(s);
        List<Point> test = s.test().points;
        int before = s.train().size();
        s.addPoint(0.12345, 0.5, 1);
        assertEquals(before + 1, s.train().size());
        assertEquals(test, s.test().points);
        Point added = s.train().points.get(before);
        assertEquals(0.123, added.x, 0);
        assertEquals(1, added.label);
        assertEquals(weights, SessionTest.weights(s), "the model is not reset");
        assertEquals(5, s.trainer().steps());
        assertTrue(s.trainer().data() == s.train(), "the trainer trains on the edited data");
        s.step();
        assertEquals(6, s.trainer().steps());
    }

    @Test
    void removingAPointKeepsEveryOtherPointOnItsSide() {
        Session s = new Session(new Settings());
        Point victim = s.train().points.get(17);
        assertTrue(s.removeNearest(victim.x + 0.001, victim.y, 0.01, false));
        List<Point> expected = new ArrayList<>(new Session(new Settings()).train().points);
        assertEquals(159, s.train().size());
        assertFalse(s.train().points.contains(victim));
        assertEquals(new Session(new Settings()).test().points.toString(), s.test().points.toString());
        expected.remove(17);
        assertEquals(expected.toString(), s.train().points.toString());
        assertFalse(s.removeNearest(100, 100, 0.1, true), "nothing that close");
        // A test point is only found when test points are included.
        Point testPoint = s.test().points.get(0);
        int trainSize = s.train().size();
        if (!s.removeNearest(testPoint.x, testPoint.y, 1e-9, false)) {
            assertTrue(s.removeNearest(testPoint.x, testPoint.y, 1e-9, true));
            assertEquals(39, s.test().size());
            assertEquals(trainSize, s.train().size());
        }
        // Removing an added point takes it out of the edits.
        s.addPoint(2, 1.4, -1);
        assertTrue(s.removeNearest(2, 1.4, 0.01, false));
        assertEquals("", s.edits().addedText());
    }

    @Test
    void theLinkReproducesTheEditedData() {
        Session s = new Session(Settings.fromHash("data=xor&points=60&seed=3").settings);
        s.addPoint(0.5, -0.25, -1);
        s.addPoint(-1, 1, 1);
        Point gone = s.train().points.get(3);
        s.removeNearest(gone.x, gone.y, 1e-9, false);
        String link = link(s, false);
        assertTrue(link.contains("&add=0.5,-0.25,-1;-1,1,1&del="), link);
        Session back = opened(link);
        assertEquals(s.train().points.toString(), back.train().points.toString());
        assertEquals(s.test().points.toString(), back.test().points.toString());
        assertEquals(link, link(back, false));
    }

    @Test
    void clearRemovesEverythingAndTheLinkStaysShort() {
        Session s = new Session(new Settings());
        s.addPoint(1, 1, 1);
        s.clearPoints();
        assertEquals(0, s.train().size());
        assertEquals(0, s.test().size());
        assertEquals(s.settings().toHash() + "&del=0-199", Link.write(s, false));
        s.addPoint(-1, 0.5, -1);
        s.addPoint(1, 0.5, 1);
        assertEquals(2, s.train().size());
        for (int i = 0; i < 50; i++) {
            s.step(); // trains on a set of two
        }
        Session back = opened(link(s, false));
        assertEquals(s.train().points.toString(), back.train().points.toString());
        assertEquals(0, back.test().size());
    }

    @Test
    void editsSurviveTrainingAndModelChangesButNotDataChanges() {
        Settings settings = new Settings();
        Session s = new Session(settings);
        s.addPoint(0, 0, 1);
        settings.learningRate = 0.05;
        assertEquals(Settings.Affects.TRAINING, s.apply(settings));
        assertEquals(161, s.train().size());
        settings.layers = new int[0];
        assertFalse(s.changesData(settings));
        assertEquals(Settings.Affects.MODEL, s.apply(settings));
        assertEquals(161, s.train().size());
        assertTrue(s.trainer().data() == s.train());
        s.reset();
        assertEquals(161, s.train().size());
        settings.dataSeed = 2;
        assertTrue(s.changesData(settings));
        assertEquals(Settings.Affects.DATA, s.apply(settings));
        assertTrue(s.edits().isEmpty());
        assertEquals(160, s.train().size());
    }

    @Test
    void weightsInTheLinkReproduceTheModelExactly() {
        Session s = trained("layers=6&points=80", 40);
        String link = link(s, true);
        assertTrue(link.contains("&w="), link);
        Session back = opened(link);
        assertEquals(SessionTest.weights(s), SessionTest.weights(back));
        assertEquals(s.readout().trainLoss, back.readout().trainLoss, 0);
        // Too big a model: no weights in the link.
        assertFalse(link(trained("layers=16,16", 0), true).contains("&w="));
        // Weights for another network leave the model alone, with a note.
        String other = link.replace("layers=6", "layers=5");
        Session fresh = new Session(Settings.fromHash(other).settings);
        String initial = SessionTest.weights(fresh);
        List<String> notes = Link.open(Hash.read(other), fresh);
        assertEquals(1, notes.size(), notes.toString());
        assertEquals(initial, SessionTest.weights(fresh));
    }

    @Test
    void aBadLinkNeverThrows() {
        Session s = new Session(new Settings());
        List<String> notes = Link.open(Hash.read("add=1,1,7;x&del=5-2,9999,3&w=%%%&src=file"), s);
        assertEquals(4, notes.size(), notes.toString());
        assertEquals(199, s.train().size() + s.test().size(), "only del=3 was used");
    }

    @Test
    void aModelFileLoadsExactlyAndItsLinkReproducesIt() throws ModelFile.InvalidModel {
        Session s = trained("data=circle&layers=4,3&lr=0.1&decay=0.01", 30);
        s.addPoint(0.25, 0.25, -1);
        Point gone = s.test().points.get(0);
        s.removeNearest(gone.x, gone.y, 1e-9, true);
        for (int i = 0; i < 5; i++) {
            s.step();
        }
        String file = ModelFile.write(s);

        Session imported = new Session(new Settings());
        List<String> notes = ModelFile.load(ModelFile.read(file), imported);
        assertEquals(List.of(), notes);
        assertFalse(imported.fromFile());
        assertEquals(SessionTest.weights(s), SessionTest.weights(imported));
        assertEquals(s.train().points.toString(), imported.train().points.toString());
        assertEquals(s.test().points.toString(), imported.test().points.toString());
        assertEquals(35, imported.readout().step);
        assertEquals(s.readout().trainLoss, imported.readout().trainLoss, 0);
        assertEquals(s.trainer().currentLearningRate(), imported.trainer().currentLearningRate(), 0);
        assertEquals(link(s, true), link(imported, true));
        double[] a = new double[100], b = new double[100];
        s.grid(10, 10, a);
        imported.grid(10, 10, b);
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
    }

    @Test
    void foreignDataIsKeptAndTheLinkSaysItIsOnlyInTheFile() throws ModelFile.InvalidModel {
        Session s = trained("layers=3", 10);
        Dataset mine = new Dataset(List.of(new Point(0.1, 0.2, 1), new Point(-0.3, 0.4, -1), new Point(3, 3, 1)));
        String file = ModelFile.write(s.settings(), new PointEdits(), s.model(), mine, new Dataset(List.of()), 10);
        Session imported = new Session(new Settings());
        List<String> notes = ModelFile.load(ModelFile.read(file), imported);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(imported.fromFile());
        assertEquals(mine.points.toString(), imported.train().points.toString());
        assertEquals(imported.settings().toHash() + "&src=file", Link.write(imported, false));
        View v = imported.view();
        assertTrue(v.xMax > 3 && v.yMax > 3, "the view frames the file's points");
        Snapshot a = s.model().snapshot(), b = imported.model().snapshot();
        assertEquals(a.predict(new double[] {0.3, -0.7})[0], b.predict(new double[] {0.3, -0.7})[0], 0);
        // Points can be edited on the file's data too; new data settings go back to generated data.
        imported.addPoint(1, 1, -1);
        assertEquals(4, imported.train().size());
        Settings next = imported.settings();
        next.dataSeed = 5;
        imported.apply(next);
        assertFalse(imported.fromFile());
        assertNotEquals(4, imported.train().size());
    }
}
