package scratchnet.playground.share;

import scratchnet.playground.Keeping;
import scratchnet.playground.Notes;
import scratchnet.playground.Playground;
import scratchnet.playground.picture.View;
import scratchnet.playground.session.Data;
import scratchnet.playground.settings.Settings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.data.Rng;
import scratchnet.io.Csv;
import scratchnet.io.PointTable;
import scratchnet.nn.Activation;
import scratchnet.train.Loss;
import scratchnet.io.CsvSamples;

/** CSV points in and out of the playground: the kinds, errors, undo, exact round trips, any scale. */
class CsvImportTest {
    private static List<String> legendTexts(Playground p) {
        List<String> texts = new ArrayList<>();
        for (String[] item : p.picture().legend()) {
            texts.add(item[1]);
        }
        return texts;
    }

    /** Every point of the session, training then test. */
    private static List<Point> all(Playground p) {
        List<Point> points = new ArrayList<>(p.session().train().points);
        points.addAll(p.session().test().points);
        return points;
    }

    @Test
    void twoClassesBecomeMinusOneAndPlusOneInTheTablesOrder() throws Exception {
        Playground p = new Playground("");
        String text = "x,y,label\n0.5,0.25,no\n-1,2,yes\n3,1,no\n0,0,yes\n1,1,no\n";
        Keeping.Preview preview = p.keeping().previewCsv(text, "auto");
        assertTrue(preview.ok);
        assertEquals("5 points, 2 classes (no: 3, yes: 2), x in [-1.00, 3.00], y in [0, 2.00]", preview.text);
        Notes notes = p.keeping().importCsv(text, "auto");
        assertEquals(Notes.CSV, notes.title);
        assertEquals("5 points, 2 classes (no: 3, yes: 2), x in [-1.00, 3.00], y in [0, 2.00]: 4 training and 1 test"
                + " points (split 80%, data seed 1)", notes.lines.get(0));
        assertTrue(notes.lines.get(notes.lines.size() - 1).startsWith("a link cannot carry imported points"), notes.lines.toString());
        assertEquals(2, p.session().classes());
        assertEquals("moons", p.settings().get("data"), "the dataset was of the same kind already");
        for (Point q : all(p)) {
            assertEquals(q.x == -1 || q.x == 0 ? 1 : -1, q.label, q.toString()); // yes is class 1: +1
        }
        assertEquals("4 training points, 1 test", p.readout().pointsText());
        assertEquals(List.of("no", "yes"), legendTexts(p));
        assertEquals("no (−1)", p.picture().paintClasses()[0][1]);
        assertTrue(p.link().endsWith("&src=file"), p.link());
        assertEquals(0, p.steps());
        assertTrue(p.step());
    }

    @Test
    void threeNamedClassesMakeACrossEntropyProblemWithThreeOutputs() throws Exception {
        Playground p = new Playground("#data=xor&loss=mse");
        Notes notes = p.keeping().importCsv(CsvSamples.csv(60, new String[] {"cat", "dog", "bird"}, 2, 1), "auto");
        assertTrue(notes.lines.toString().contains("3 classes train with softmax cross-entropy"), notes.lines.toString());
        Settings s = p.settings();
        assertEquals("gaussians", s.get("data"), "the first dataset with a choice of classes");
        assertEquals(3, s.classCount());
        assertEquals(Loss.CROSS_ENTROPY, s.loss);
        assertEquals(Activation.LINEAR, s.output);
        assertEquals(3, p.session().model().nout());
        assertEquals(3, p.session().classes());
        assertEquals(List.of("cat", "dog", "bird"), legendTexts(p));
        assertEquals("bird (wine)", p.picture().paintClasses()[2][1]);
        assertEquals("48 training points, 12 test", p.readout().pointsText());
        assertTrue(p.step());
        assertTrue(Double.isFinite(p.readout().trainLoss));
        // Painting keeps working on imported data, with the imported classes.
        p.picture().setTool("add");
        p.picture().setPaintValue("2");
        assertEquals("", p.picture().press(200, 200, 400, 400));
        assertEquals("49 training points, 12 test", p.readout().pointsText());
        assertTrue(p.keeping().exportCsv().endsWith(",bird\n"), "the painted point is exported by its class's name");
    }

    @Test
    void aRegressionTrainsALinearOutputWithMse() throws Exception {
        Playground p = new Playground("#loss=hinge&output=tanh&split=50");
        String text = CsvSamples.csv(40, null, 3, 2);
        p.keeping().importCsv(text, "auto");
        Settings s = p.settings();
        assertTrue(s.regression());
        assertEquals("plane", s.get("data"));
        assertEquals(Loss.MEAN_SQUARED, s.loss);
        assertEquals(Activation.LINEAR, s.output);
        assertEquals(Dataset.REGRESSION, p.session().classes());
        assertEquals("20 training points, 20 test", p.readout().pointsText());
        PointTable table = Csv.read(text, Csv.Kind.AUTO, 1000);
        List<Double> targets = new ArrayList<>();
        for (PointTable.Row r : table.rows) {
            targets.add(r.target);
        }
        for (Point q : all(p)) {
            assertTrue(targets.contains(q.target), "targets exactly as read: " + q);
        }
        assertTrue(p.step());
        // The same file asked to be classes is refused: its labels are real numbers.
        assertFalse(p.keeping().previewCsv(text, "classes").ok);
    }

    @Test
    void aBadCsvSaysWhereAndChangesNothing() throws Exception {
        Playground p = new Playground("#layers=3");
        p.step();
        String link = p.link();
        String readout = p.readout().trainLossText() + p.readout().pointsText();
        String[][] cases = {
            {"x,y,label\n1,abc,0", "line 2, column 2: 'abc' is not a number"},
            {"x,y,label\n1,2,cat\n3,4,cat\n", "only one class ('cat'): a network learns to tell 2 to 6 classes apart;"
                    + " add points of another, or name the classes in a line such as '# classes: cat,other' before the points"},
            {"", "the file is empty"},
            {"1,2\n", "line 1: 3 fields expected, found 2"},
        };
        for (String[] c : cases) {
            Keeping.Preview preview = p.keeping().previewCsv(c[0], "auto");
            assertFalse(preview.ok, c[0]);
            assertEquals(c[1], preview.text);
            assertEquals(c[1], assertThrows(Keeping.Refused.class, () -> p.keeping().importCsv(c[0], "auto")).getMessage());
            assertEquals(link, p.link(), "nothing changed");
            assertEquals(readout, p.readout().trainLossText() + p.readout().pointsText());
            assertEquals(1, p.steps());
        }
        assertEquals(null, p.undoText(), "nothing to undo");
    }

    @Test
    void tooManyPointsAreRefusedWithTheLimitStated() throws Exception {
        Playground p = new Playground("");
        String text = CsvSamples.csv(Settings.MAX_POINTS + 1, new String[] {"a", "b"}, 1, 3);
        Keeping.Preview preview = p.keeping().previewCsv(text, "auto");
        assertFalse(preview.ok);
        // "# classes:" is line 1, the header line 2: point 1001 is on line 1003.
        assertEquals("line 1003: more than 1000 points, the most that can be read", preview.text);
        assertTrue(Keeping.CSV_FORMAT.contains("At most 1000 points (training and test together"), Keeping.CSV_FORMAT);
        assertTrue(p.keeping().previewCsv(CsvSamples.csv(Settings.MAX_POINTS, new String[] {"a", "b"}, 1, 3), "auto").ok);
    }

    @Test
    void undoRestoresTheSessionBeforeAndRedoTheImportWithItsNames() throws Exception {
        Playground p = new Playground("#layers=4");
        p.step();
        String link = p.link();
        String loss = p.readout().trainLossText();
        String text = CsvSamples.csv(30, new String[] {"red", "green", "blue"}, 1, 4);
        p.keeping().importCsv(text, "auto");
        String imported = p.link();
        assertEquals("Undo import points", p.undoText());
        assertTrue(p.undo());
        assertEquals(link, p.link());
        assertEquals(loss, p.readout().trainLossText());
        assertEquals(1, p.steps());
        assertEquals(List.of("−1", "+1"), legendTexts(p));
        assertTrue(p.redo());
        assertEquals(imported, p.link());
        assertEquals(List.of("red", "green", "blue"), legendTexts(p), "the names travel in the session's model file");
        // And survive the browser's autosave, and a model file exported and imported.
        Playground later = new Playground("");
        later.keeping().restore(p.keeping().saveText());
        assertEquals(List.of("red", "green", "blue"), legendTexts(later));
        Playground other = new Playground("");
        other.keeping().importFile(p.keeping().exportFile());
        assertEquals(List.of("red", "green", "blue"), legendTexts(other));
        assertEquals(p.readout().trainLossText(), other.readout().trainLossText());
    }

    @Test
    void aModelFilesClassNamesAreChecked() throws Exception {
        Playground p = new Playground("");
        p.keeping().importCsv(CsvSamples.csv(20, new String[] {"cat", "dog", "bird"}, 1, 9), "auto");
        String file = p.keeping().exportFile();
        assertTrue(file.contains("\"names\":[\"cat\",\"dog\",\"bird\"]"), file);
        String[][] bad = {
            {"[\"cat\",\"dog\"]", "\"names\" has 2 names; the data has 3 classes"},
            {"[\"cat\",\"dog\",\"cat\"]", "\"names\": class names must be distinct and not empty: [cat, dog, cat]"},
            {"[\"cat\",\"dog\",\"\"]", "\"names\": class names must be distinct and not empty: [cat, dog, ]"},
            {"[\"cat\",\"dog\",1]", "\"names\" must be a list of strings"},
            {"[\"cat\",\"dog\",\"a\\u0000b\"]", "\"names\": class name 'a\u0000b': line 1: not text (a NUL byte at character 2)"},
        };
        for (String[] c : bad) {
            String text = file.replace("[\"cat\",\"dog\",\"bird\"]", c[0]);
            assertEquals(c[1], assertThrows(ModelFile.InvalidModel.class, () -> ModelFile.read(text)).getMessage());
        }
        // Names only where there are classes.
        Playground r = new Playground("");
        r.keeping().importCsv(CsvSamples.csv(20, null, 1, 9), "auto");
        String regression = r.keeping().exportFile().replace("\"classes\":0,", "\"classes\":0,\"names\":[\"a\"],");
        assertEquals("\"names\" has 1 names; the data has no classes (a regression)",
                assertThrows(ModelFile.InvalidModel.class, () -> ModelFile.read(regression)).getMessage());
    }

    @Test
    void exportThenImportRoundTripsExactly() throws Exception {
        // Awkward numbers: shortest texts, 17 digits, tiny and huge, -0; names that need quoting.
        List<PointTable.Row> rows = new ArrayList<>();
        Rng rng = new Rng(5);
        double[] odd = {0.1, 1.0 / 3, -0.0, 1e-300, 123456.789e3, -2.5e11, 6.0282600563365873E-2, 7};
        for (int i = 0; i < 50; i++) {
            rows.add(PointTable.Row.ofClass(odd[i % odd.length], rng.nextGaussian(), i % 4));
        }
        String text = Csv.write(rows, Csv.Kind.CLASSES, List.of("a, b", "say \"hi\"", " c", "3"));
        Playground p = new Playground("");
        p.keeping().importCsv(text, "auto");
        assertEquals(text, p.keeping().exportCsv(), "the same text back");
        Playground q = new Playground("");
        q.keeping().importCsv(p.keeping().exportCsv(), "auto");
        assertTrue(Data.same(p.session().train(), q.session().train()));
        assertTrue(Data.same(p.session().test(), q.session().test()));
        assertEquals(text, q.keeping().exportCsv());
        // Regression targets too.
        String targets = CsvSamples.csv(25, null, 1000, 6);
        p.keeping().importCsv(targets, "regression");
        assertEquals(targets, p.keeping().exportCsv());
        // Generated data exports with the usual names, and reads back as the same points.
        Playground g = new Playground("#data=spiral&classes=3&points=30");
        String spiral = g.keeping().exportCsv();
        assertTrue(spiral.startsWith("# classes: 0,1,2\nx,y,label\n"), spiral);
        Playground h = new Playground("");
        h.keeping().importCsv(spiral, "auto");
        assertEquals(List.of("class 0", "class 1", "class 2"), legendTexts(h), "the usual names are not kept");
        assertEquals(spiral, h.keeping().exportCsv());
        assertTrue(new Playground("").keeping().exportCsv().startsWith("# classes: -1,+1\nx,y,label\n"));
    }

    @Test
    void aClassNamedLikeAFormulaIsExportedDefused() throws Exception {
        Playground p = new Playground("");
        String formula = "=cmd|' /C calc'!A0";
        p.keeping().importCsv("x,y,label\n0,0,\"" + formula + "\"\n1,1,ok\n", "auto");
        assertEquals(List.of(formula, "ok"), legendTexts(p));
        String out = p.keeping().exportCsv();
        assertTrue(out.startsWith("# classes: \"'" + formula + "\",ok\n"), out);
        assertTrue(out.contains(",\"'" + formula + "\"\n"), out);
        Playground q = new Playground("");
        q.keeping().importCsv(out, "auto");
        assertEquals(List.of(formula, "ok"), legendTexts(q), "and reads back as it was");
    }

    @Test
    void dataFromZeroToAThousandImportsTrainsPaintsAndTravelsInAModelFile() throws Exception {
        Playground p = new Playground("");
        p.keeping().importCsv(CsvSamples.csv(200, new String[] {"low", "high"}, 1000, 7), "auto");
        View v = p.picture().view();
        for (Point q : all(p)) {
            assertTrue(v.contains(q.x, q.y), q + " in the picture");
        }
        assertTrue(v.xMax - v.xMin > 1000 && v.xMax - v.xMin < 1200, "the view fits the data: " + v.xMin + ".." + v.xMax);
        int side = p.picture().gridSide();
        int[] pixels = new int[side * side];
        p.picture().heatMap(side, pixels);
        for (int i = 0; i < 20; i++) {
            p.step(); // may diverge on unscaled inputs, which says so; never throws
        }
        p.readout();
        // Painting where the picture shows 900, 900: the point is kept as it is (no link to fit).
        p.picture().setTool("add");
        double px = v.pixelX(900.123456, 400), py = v.pixelY(900.654321, 400);
        assertEquals("", p.picture().press(px, py, 400, 400));
        Point added = p.session().train().points.get(p.session().train().size() - 1);
        assertEquals(900.123456, added.x, 1e-9);
        assertEquals(900.654321, added.y, 1e-9);
        // A model file keeps it all, and reads back.
        Playground other = new Playground("");
        other.keeping().importFile(p.keeping().exportFile());
        assertEquals(p.readout().pointsText(), other.readout().pointsText());
        assertTrue(Data.same(p.session().train(), other.session().train()));
        assertTrue(Data.same(p.session().test(), other.session().test()));
        assertEquals(p.readout().trainLossText(), other.readout().trainLossText());
    }

    @Test
    void theViewFitsDataOfAnyScale() throws Exception {
        for (double scale : new double[] {0.01, 1, 1000, 1e9}) {
            Playground p = new Playground("");
            p.keeping().importCsv(CsvSamples.csv(50, new String[] {"a", "b"}, scale, 8), "auto");
            View v = p.picture().view();
            double width = v.xMax - v.xMin;
            assertTrue(width > scale && width < 2.1 * scale, scale + ": " + width);
            for (Point q : all(p)) {
                assertTrue(v.contains(q.x, q.y), q + " in the picture at scale " + scale);
            }
            p.step();
        }
        // One point, at the origin: still a picture.
        assertEquals(2, View.around(List.of(new Point(0, 0, 1))).xMax - View.around(List.of(new Point(0, 0, 1))).xMin);
    }

    @Test
    void theKindCanBeAsked() throws Exception {
        Playground p = new Playground("");
        String text = "x,y,label\n0,0,0\n1,1,1\n2,2,2\n";
        p.keeping().importCsv(text, "regression");
        assertTrue(p.settings().regression());
        assertArrayEquals(new double[] {0, 1, 2}, sortedTargets(p));
        p.keeping().importCsv(text, "classes");
        assertEquals(3, p.session().classes());
        assertEquals("# classes: 0,1,2\n" + text, p.keeping().exportCsv(), "in the file's order, with its classes line");
    }

    private static double[] sortedTargets(Playground p) {
        return all(p).stream().mapToDouble(q -> q.target).sorted().toArray();
    }
}
