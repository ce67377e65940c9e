package scratchnet.playground.session;

import scratchnet.playground.Playground;
import scratchnet.playground.picture.HeatMap;
import scratchnet.playground.settings.Settings;
import scratchnet.playground.share.ModelFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.nn.Snapshot;
import scratchnet.train.Loss;

/** Two classes, K classes and regressions through the playground: settings, sessions, links, files, pictures. */
class ProblemsTest {
    @Test
    void theLossAndOutputFitTheProblemWithNotesForWhatTheLinkAsked() {
        Settings.Parsed spiral = Settings.fromHash("data=spiral&classes=3&loss=mse");
        assertEquals(Loss.CROSS_ENTROPY, spiral.settings.loss);
        assertEquals(3, spiral.settings.outputs());
        assertEquals(List.of("loss: 3 classes train with softmax cross-entropy over 3 outputs; used ce instead of mse"),
                spiral.notes);
        Settings.Parsed plane = Settings.fromHash("data=plane");
        assertEquals(List.of(), plane.notes, "nothing asked, nothing to say");
        assertEquals("mse", plane.settings.get("loss"));
        assertEquals("linear", plane.settings.get("output"));
        assertEquals(2, Settings.fromHash("data=plane&loss=ce&output=tanh").notes.size());
        // ce for two classes: two logits; moons ignores classes.
        Settings twoLogits = Settings.fromHash("loss=ce&classes=5").settings;
        assertEquals(2, twoLogits.classCount());
        assertEquals(2, twoLogits.outputs());
        // What was settled writes a link that reads back with nothing to say.
        assertEquals(List.of(), Settings.fromHash(spiral.settings.toHash()).notes);
        // A person switching to more classes on the page is told, once.
        Settings s = Settings.fromHash("data=spiral").settings;
        s.set("classes", "4");
        assertEquals(1, s.settle(Set.of("classes")).size());
        assertEquals(List.of(), s.settle(Set.of("classes")));
    }

    @Test
    void aKClassSessionTrainsItsLogitsAndReadsOutArgmaxAccuracy() {
        Session s = new Session(Settings.fromHash("data=spiral&classes=3&points=150&layers=8&optimizer=adam&lr=0.05").settings);
        assertEquals(3, s.classes());
        assertEquals(3, s.model().nout());
        double first = s.readout().trainLoss;
        for (int i = 0; i < 60; i++) {
            s.step();
        }
        Readout r = s.readout();
        assertTrue(r.trainLoss < first, r.trainLoss + " < " + first);
        // Accuracy is the argmax's, counted by hand here.
        Snapshot snap = s.model().snapshot();
        int right = 0;
        for (Point p : s.train().points) {
            right += Snapshot.argmax(snap.predict(p.x, p.y), 0, 3) == p.label ? 1 : 0;
        }
        assertEquals((double) right / s.train().size(), r.trainAccuracy, 1e-12);
        assertTrue(r.trainAccuracyText().endsWith("%"));
    }

    @Test
    void aRegressionHasALossAndNoAccuracy() {
        Session s = new Session(Settings.fromHash("data=bumps&layers=8").settings);
        assertEquals(Dataset.REGRESSION, s.classes());
        for (int i = 0; i < 20; i++) {
            s.step();
        }
        Readout r = s.readout();
        assertTrue(Double.isFinite(r.trainLoss));
        assertEquals("—", r.trainAccuracyText());
        assertEquals("—", r.testAccuracyText());
    }

    @Test
    void handPaintedPointsOfEveryKindRideInTheLink() {
        for (String[] c : new String[][] {{"data=spiral&classes=4", "2"}, {"data=plane", "-0.5"}, {"", "-1"}}) {
            Playground p = new Playground(c[0]);
            p.picture().setTool("add");
            p.picture().setPaintValue(c[1]);
            p.picture().press(40, 40, 400, 400);
            String link = p.link();
            assertTrue(link.matches(".*&add=[^&]*," + java.util.regex.Pattern.quote(c[1]) + "(&.*|$)"), link);
            Playground again = new Playground(link);
            assertEquals(link, again.link());
            assertEquals(List.of(), again.openingNotes().lines);
            assertEquals(p.readout().trainLossText(), again.readout().trainLossText());
        }
    }

    @Test
    void modelFilesOfEveryKindRoundTripAndVersionOneStillReads() throws Exception {
        for (String link : new String[] {"data=spiral&classes=3&features=x,y,sinx&layers=5", "data=plane&layers=3",
            "data=circles&features=x2,y2&layers=0", "loss=ce&layers=2"}) {
            Playground p = new Playground(link);
            for (int i = 0; i < 4; i++) {
                p.step();
            }
            String file = p.keeping().exportFile();
            Playground q = new Playground("");
            q.keeping().importFile(file);
            assertEquals(p.link(), q.link(), link);
            assertEquals(p.readout().trainLossText(), q.readout().trainLossText(), link);
            assertEquals(file, q.keeping().exportFile(), link);
        }
        // A version-1 file (two classes on x and y, no "classes") as the seed wrote them.
        Session s = new Session(Settings.fromHash("layers=2").settings);
        String v3 = ModelFile.write(s);
        String v1 = v3.replace("\"version\":3", "\"version\":1").replace("\"classes\":2,", "")
                .replace("&classes=2", "").replace("&features=x,y", "").replace("\\u0026standardize=0", "");
        assertTrue(v1.contains("\"version\":1") && !v1.contains("standardize"), "a file from before the setting");
        ModelFile.Contents c = ModelFile.read(v1);
        assertEquals(s.settings().toHash(), c.settings.toHash());
        assertEquals(s.model().parameters().get(3).data, c.model.parameters().get(3).data, 0);
    }

    @Test
    void theClassPaletteStaysApartForColourBlindReaders() {
        // Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB; distances in CIE Lab (ΔE 1976).
        double[][][] visions = {
            {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
            {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},
            {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},
            {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}};
        String[] names = {"normal", "protanopia", "deuteranopia", "tritanopia"};
        int[] pal = HeatMap.CLASSES;
        double worst = Double.POSITIVE_INFINITY;
        for (int v = 0; v < visions.length; v++) {
            for (int a = 0; a < pal.length; a++) {
                for (int b = a + 1; b < pal.length; b++) {
                    double d = distance(lab(pal[a], visions[v]), lab(pal[b], visions[v]));
                    worst = Math.min(worst, d);
                    assertTrue(d >= 20, names[v] + ": classes " + a + " and " + b + " are only ΔE " + d + " apart");
                    // The regions too, at the heat map's strongest mix.
                    double r = distance(lab(HeatMap.mixed(pal[a], 1), visions[v]), lab(HeatMap.mixed(pal[b], 1), visions[v]));
                    assertTrue(r >= 12, names[v] + ": the regions of " + a + " and " + b + " are only ΔE " + r + " apart");
                }
            }
        }
        System.out.println("class palette: smallest ΔE between two classes, any vision: " + worst);
    }

    private static double[] lab(int rgb, double[][] m) {
        double[] lin = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = (rgb >> (16 - 8 * i) & 255) / 255.0;
            lin[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        double[] s = new double[3];
        for (int i = 0; i < 3; i++) {
            s[i] = Math.max(0, Math.min(1, m[i][0] * lin[0] + m[i][1] * lin[1] + m[i][2] * lin[2]));
        }
        double x = (0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2]) / 0.95047;
        double y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2];
        double z = (0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2]) / 1.08883;
        return new double[] {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }

    private static double distance(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }
}
