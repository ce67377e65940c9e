package scratchnet.playground.session;

import scratchnet.playground.Keeping;
import scratchnet.playground.Notes;
import scratchnet.playground.Playground;
import scratchnet.playground.inspect.ComputationGraph;
import scratchnet.playground.inspect.Diagram;
import scratchnet.playground.settings.Hash;
import scratchnet.playground.settings.Settings;
import scratchnet.playground.share.Link;
import scratchnet.playground.share.ModelFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Point;
import scratchnet.io.CsvSamples;
import scratchnet.nn.Scaling;

/** Inputs standardised: on for imported CSVs, frozen with the model, carried by links and files. */
class StandardizeTest {
    private static double mean(List<Point> points, boolean x) {
        double s = 0;
        for (Point p : points) {
            s += x ? p.x : p.y;
        }
        return s / points.size();
    }

    @Test
    void aCsvInThousandsTrainsWellOnlyStandardised() throws Exception {
        Playground p = new Playground("");
        assertNull(p.picture().scalingText(), "off by default: old links train as before");
        Notes notes = p.keeping().importCsv(CsvSamples.curve(300, 3), "auto");
        assertTrue(notes.lines.toString().contains("standardize: on"), notes.lines.toString());
        assertEquals("1", p.settings().get("standardize"));
        Scaling c = p.session().model().scaling;
        List<Point> train = p.session().train().points;
        assertEquals(mean(train, true), c.meanX, 1e-9);
        assertEquals(mean(train, false), c.meanY, 1e-9);
        assertTrue(c.spreadX > 250 && c.spreadX < 320, c.toString()); // uniform on [0, 1000]: 1000/√12 ≈ 289
        assertEquals("inputs standardised: x' = (x − 490.1) ÷ 285.9, y' = (y − 494.6) ÷ 289.7", p.picture().scalingText());
        for (int k = 0; k < 500; k++) {
            assertTrue(p.step());
        }
        double on = p.readout().trainAccuracy;
        double onTest = p.readout().testAccuracy;
        // The same data, the same default network and training, x and y as they are: tanh saturates.
        p.set("standardize", "0");
        assertNull(p.picture().scalingText());
        for (int k = 0; k < 500; k++) {
            p.step();
        }
        double off = p.readout().trainAccuracy;
        System.out.println("x, y in [0, 1000], 500 steps: accuracy standardised " + on + " (test " + onTest + "), raw " + off);
        assertTrue(on >= 0.95 && onTest >= 0.9, on + " " + onTest);
        assertTrue(off < 0.7, "raw coordinates saturate tanh: " + off);
    }

    @Test
    void theScalingIsFrozenWithTheModelNotMovedByTheBrush() throws Exception {
        Session s = new Session(Settings.fromHash("standardize=1&points=60").settings);
        Scaling made = s.model().scaling;
        assertFalse(made.isNone());
        assertEquals(mean(s.train().points, true), made.meanX, 1e-12);
        s.addPoint(2.5, 2.5, 1);
        s.addPoint(2.4, 2.5, 1);
        assertEquals(made, s.model().scaling, "added points do not move the boundary under the user");
        s.reset();
        assertNotEquals(made, s.model().scaling, "a fresh model takes the points as they are now");
        assertEquals(mean(s.train().points, true), s.model().scaling.meanX, 1e-12);
    }

    @Test
    void aLinkWithWeightsCarriesTheExactScaling() {
        Session s = new Session(Settings.fromHash("standardize=1&points=60&layers=3").settings);
        s.addPoint(2.5, 2.5, 1); // after the model was made: recomputing would differ
        for (int k = 0; k < 20; k++) {
            s.step();
        }
        String link = Link.write(s, true);
        assertTrue(link.contains("&sc="), link);
        Session opened = new Session(new Settings());
        assertEquals(List.of(), Link.open(Hash.read(link), opened));
        assertEquals(s.model().scaling, opened.model().scaling);
        Point q = s.train().points.get(7);
        assertEquals(s.model().snapshot().predict(q.x, q.y)[0], opened.model().snapshot().predict(q.x, q.y)[0], 0);
        assertEquals(s.readout().trainLoss, opened.readout().trainLoss, 0);
        // Without sc (a hand-made link), the training points' own, after the edits.
        Session bare = new Session(new Settings());
        Link.open(Hash.read(link.replaceAll("&sc=[^&]*", "")), bare);
        assertEquals(Scaling.of(bare.train().points), bare.model().scaling);
        Session damaged = new Session(new Settings());
        List<String> notes = Link.open(Hash.read(link.replaceAll("&sc=[^&]*", "&sc=AAAA")), damaged);
        assertEquals(List.of("sc: the link's input scaling is damaged, so the training points' own is used"), notes);
        // A link made from imported points opens generated data: their scaling is not applied to it.
        Playground imported = new Playground("");
        try {
            imported.keeping().importCsv(CsvSamples.curve(50, 1), "auto");
        } catch (Keeping.Refused e) {
            throw new AssertionError(e);
        }
        String fileLink = Link.write(imported.session(), false);
        assertTrue(!fileLink.contains("&sc=") && fileLink.endsWith("&src=file"), fileLink);
        Session fromFile = new Session(new Settings());
        Link.open(Hash.read(fileLink + "&sc=" + link.replaceAll(".*&sc=([^&]*).*", "$1")), fromFile); // even if one is added
        assertEquals(Scaling.of(fromFile.train().points), fromFile.model().scaling);
        assertTrue(fromFile.model().scaling.spreadX < 2, "the moons' own spread, not the CSV's");
        // Standardize off: no sc, and a stray one is not used.
        Session plain = new Session(Settings.fromHash("points=60").settings);
        assertFalse(Link.write(plain, true).contains("sc="));
        Session stray = new Session(new Settings());
        assertEquals(List.of("sc: the link's input scaling is not used, as standardize is off"),
                Link.open(Hash.read(Link.write(plain, true) + "&sc=" + link.replaceAll(".*&sc=([^&]*).*", "$1")), stray));
        assertTrue(stray.model().scaling.isNone());
    }

    @Test
    void modelFileVersion3StoresTheScalingAndOlderFilesReadAsBefore() throws Exception {
        Playground p = new Playground("");
        p.keeping().importCsv(CsvSamples.curve(100, 5), "auto");
        for (int k = 0; k < 10; k++) {
            p.step();
        }
        Session s = p.session();
        String file = ModelFile.write(s);
        assertTrue(file.contains("\"version\":3") || file.contains("\"version\": 3"), file.substring(0, 80));
        assertTrue(file.contains("\"scaling\""));
        ModelFile.Contents read = ModelFile.read(file);
        assertEquals(s.model().scaling, read.model.scaling);
        assertTrue(read.settings.standardize);
        Point q = s.test().points.get(2);
        assertEquals(s.model().snapshot().predict(q.x, q.y)[0], read.model.snapshot().predict(q.x, q.y)[0], 0);

        // Version 2 had no scaling and no standardize setting: x and y as they are.
        Session old = new Session(Settings.fromHash("points=40").settings);
        String v2 = ModelFile.write(old).replaceFirst("\"version\": ?3", "\"version\":2");
        assertTrue(v2.contains("\"version\":2") && !v2.contains("scaling"), v2.substring(0, 80));
        ModelFile.Contents two = ModelFile.read(v2);
        assertTrue(two.model.scaling.isNone());
        assertFalse(two.settings.standardize);
        // A damaged scaling is refused, naming the field.
        String bad = file.replaceFirst("\"spread\": ?\\[[^,\\]]*", "\"spread\":[0");
        ModelFile.InvalidModel e = org.junit.jupiter.api.Assertions.assertThrows(ModelFile.InvalidModel.class,
                () -> ModelFile.read(bad));
        assertEquals("scaling.spread must be positive", e.getMessage());
    }

    @Test
    void theGraphOfAPointShowsTheStandardisingStep() throws Exception {
        Playground p = new Playground("");
        p.keeping().importCsv(CsvSamples.curve(60, 2), "auto");
        Scaling c = p.session().model().scaling;
        Point q = p.session().train().points.get(0);
        ComputationGraph g = ComputationGraph.of(p.session().model(), q, false);
        List<String> labels = new java.util.ArrayList<>();
        for (ComputationGraph.Node n : g.nodes) {
            labels.add(n.label);
        }
        assertTrue(labels.contains("x") && labels.contains("y") && labels.contains("x'") && labels.contains("y'"), labels.toString());
        assertTrue(labels.contains(scratchnet.io.Format.number(-c.meanX)), labels.toString());
        assertTrue(labels.contains(scratchnet.io.Format.number(c.spreadX)), labels.toString());
        for (ComputationGraph.Node n : g.nodes) {
            if (n.label.equals("x'")) {
                assertEquals((q.x - c.meanX) / c.spreadX, n.data, 1e-12);
            }
        }
    }

    @Test
    void theDiagramNamesStandardisedInputsPrimed() throws Exception {
        Playground p = new Playground("#features=x,y,x2");
        assertEquals(List.of("x", "y", "x²"), List.of(p.inspector().diagram().inputs));
        p.keeping().importCsv(CsvSamples.curve(60, 2), "auto");
        Diagram d = p.inspector().diagram();
        assertEquals(List.of("x'", "y'", "x'²"), List.of(d.inputs));
        assertTrue(d.layers.startsWith("x', y', x'² → "), d.layers);
    }
}
