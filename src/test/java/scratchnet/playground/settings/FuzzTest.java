package scratchnet.playground.settings;

import scratchnet.playground.Playground;
import scratchnet.playground.session.Comparison;
import scratchnet.playground.session.PointEdits;
import scratchnet.playground.session.Session;
import scratchnet.playground.share.ModelFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Rng;
import scratchnet.engine.Value;

/**
 * Property tests over thousands of generated inputs: share links and model files made of valid
 * parts, garbage, hostile text and mutations of real files. Whatever comes in, the parsers never
 * let an exception other than their own escape, and what they accept is always valid.
 */
public class FuzzTest {
    /** Every key of the settings table (so a new setting is fuzzed as soon as it is declared), and hostile ones. */
    static final String[] KEYS = keys("bogus", "", "constructor", "__proto__", "<script>");

    private static String[] keys(String... hostile) {
        List<String> keys = new java.util.ArrayList<>();
        for (Setting s : Settings.table()) {
            keys.add(s.key);
        }
        keys.addAll(List.of(hostile));
        return keys.toArray(new String[0]);
    }
    static final String[] VALUES = {"moons", "spiral", "relu", "linear", "hinge", "adam", "0", "1", "-1", "2.5", "1e308",
        "-1e999", "NaN", "Infinity", "0x10", "1,2,3", "8,8", "0,0", "33,33,33,33,33,33,33", ",", "", "%", "%zz", "%00",
        "<img src=x onerror=alert(1)>", "javascript:alert(1)", "\u0000", "é", "99999999999999999999", "4.0", "1e-7",
        "+3", "--1", "1e", ".5", "5.", "tanh,relu", "foo,,relu", "gelu,sine,swish,elu,leaky,softplus", "relu,",
        "leaky,leaky,leaky,leaky,leaky,leaky,leaky", "sine,tanh,tanh,tanh,tanh,tanh", "swish",
        "cosine", "micrograd", "step", "exp", "constant", "0.01", "1000001", "2", "zero", "he", "glorot", "normal",
        "pca", "neurons", "weighted", "biased", "activated", "warp", "health"};

    public static String randomHash(Rng rng) {
        StringBuilder s = new StringBuilder(rng.nextInt(3) == 0 ? "#" : "");
        int parts = rng.nextInt(25);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                s.append(rng.nextInt(10) == 0 ? "&&" : "&");
            }
            s.append(KEYS[rng.nextInt(KEYS.length)]);
            if (rng.nextInt(8) != 0) {
                s.append(rng.nextInt(15) == 0 ? "==" : "=");
                s.append(rng.nextInt(6) == 0 ? randomText(rng, 12) : VALUES[rng.nextInt(VALUES.length)]);
            }
        }
        return s.toString();
    }

    static String randomText(Rng rng, int max) {
        StringBuilder s = new StringBuilder();
        int n = rng.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            s.append((char) (rng.nextInt(4) == 0 ? rng.nextInt(0x3000) : 32 + rng.nextInt(95)));
        }
        return s.toString();
    }

    static void assertValid(Settings s) {
        assertTrue(s.data != null && s.activations != null && s.activations.length >= 1 && s.output != null && s.loss != null);
        assertTrue(s.points >= 2 && s.points <= Settings.MAX_POINTS);
        assertTrue(s.noise >= 0 && s.noise <= 1);
        assertTrue(s.split >= 10 && s.split <= 100);
        assertTrue(s.layers.length <= Settings.MAX_LAYERS);
        for (int w : s.layers) {
            assertTrue(w >= 1 && w <= Settings.MAX_NEURONS);
        }
        assertTrue(s.learningRate > 0 && s.learningRate <= 10);
        assertTrue(s.batchSize >= 0 && s.speed >= 1 && s.speed <= Settings.MAX_SPEED);
        assertTrue(List.of("sgd", "momentum", "adam").contains(s.optimizer));
        // Every setting of the table within its declared range or choices.
        for (Setting setting : Settings.table()) {
            String text = s.get(setting.key);
            if (setting.kind == Setting.Kind.INTEGER || setting.kind == Setting.Kind.NUMBER) {
                double v = Double.parseDouble(text);
                assertTrue(v >= setting.min && v <= setting.max, setting.key + "=" + text);
            } else if (setting.kind == Setting.Kind.CHOICE) {
                assertTrue(setting.options.contains(text), setting.key + "=" + text);
            } else if (setting.kind == Setting.Kind.ACTIVATIONS) {
                String[] each = text.split(",", -1);
                assertTrue(each.length == 1 || each.length == s.layers.length || s.layers.length == 0, setting.key + "=" + text);
                for (String a : each) {
                    assertTrue(setting.options.contains(a), setting.key + "=" + text);
                }
            } else if (setting.kind == Setting.Kind.FLAG) {
                assertTrue(text.equals("0") || text.equals("1"), setting.key + "=" + text);
            }
        }
        // What was accepted writes a link that reads back with no complaint.
        Settings.Parsed again = Settings.fromHash(s.toHash());
        assertEquals(List.of(), again.notes);
        assertEquals(s.toHash(), again.settings.toHash());
    }

    @Test
    void thousandsOfHostileLinksAlwaysGiveValidSettings() {
        Rng rng = new Rng(2024);
        int withNotes = 0;
        for (int i = 0; i < 5000; i++) {
            String hash = randomHash(rng);
            Settings.Parsed p;
            try {
                p = Settings.fromHash(hash);
            } catch (RuntimeException e) {
                throw new AssertionError("fromHash threw for " + hash, e);
            }
            assertValid(p.settings);
            Hash read = Hash.read(hash);
            if (!read.has("gen")) { // no version asked for: an old link's 1, or a fresh page's newest
                assertEquals(read.pairs.isEmpty() ? 2 : 1, p.settings.generator, hash);
            }
            for (String note : p.notes) {
                assertTrue(note.length() < 300, "notes stay short: " + note);
            }
            if (!p.notes.isEmpty()) {
                withNotes++;
            }
        }
        System.out.println("links fuzzed: 5000, with notes: " + withNotes);
        assertTrue(withNotes > 1000, "the generator does produce bad links");
    }

    /** Comparison links: {@code compare} and run B's {@code b.}-prefixed rows of every table key, and hostile ones. */
    @Test
    void hostileComparisonLinksGiveTwoValidRunsOfOneShape() {
        List<String> keys = new java.util.ArrayList<>(List.of(KEYS));
        for (String k : KEYS) {
            keys.add("b." + k);
        }
        keys.addAll(List.of("compare", "compare", "compare", "b.", "b.b.lr"));
        String[] values = java.util.Arrays.copyOf(VALUES, VALUES.length + 3);
        values[VALUES.length] = "1";
        values[VALUES.length + 1] = "ce";
        values[VALUES.length + 2] = "momentum";
        Rng rng = new Rng(14);
        int compared = 0;
        int lessons = 0;
        int downhills = 0;
        int warps = 0;
        for (int i = 0; i < 400; i++) {
            StringBuilder hash = new StringBuilder(rng.nextInt(2) == 0 ? "compare=1" : "");
            for (int n = rng.nextInt(12); n >= 0; n--) {
                hash.append(hash.length() > 0 ? "&" : "").append(keys.get(rng.nextInt(keys.size())));
                if (rng.nextInt(8) != 0) {
                    hash.append('=').append(rng.nextInt(6) == 0 ? randomText(rng, 8) : values[rng.nextInt(values.length)]);
                }
            }
            if (i % 5 == 0) { // the lesson's example over whatever else the link says
                hash.append(hash.length() > 0 ? "&" : "").append("lesson=1");
            }
            if (i % 3 == 0) { // the downhill view, each of its maps, any two parameters
                hash.append(hash.length() > 0 ? "&" : "").append("view=downhill&surface=").append(Settings.SURFACES[i % 4])
                        .append("&p1=").append(rng.nextInt(200)).append("&p2=").append(rng.nextInt(7) == 0 ? "x" : rng.nextInt(9999));
            }
            if (i % 3 == 1) { // the warp view: any layer, axes, neurons and stage
                hash.append(hash.length() > 0 ? "&" : "").append("view=warp&warpLayer=").append(rng.nextInt(8))
                        .append("&warpAxes=").append(Settings.WARP_AXES[i % 2]).append("&warpX=").append(rng.nextInt(40))
                        .append("&warpY=").append(rng.nextInt(7) == 0 ? "x" : rng.nextInt(40))
                        .append("&warpStage=").append(new String[] {"weighted", "biased", "activated", "bogus"}[rng.nextInt(4)]);
            }
            Playground p;
            try {
                p = new Playground(hash.toString());
            } catch (RuntimeException e) {
                throw new AssertionError("opening threw for " + hash, e);
            }
            assertValid(p.settings());
            for (String note : p.openingNotes().lines) {
                assertTrue(note.length() < 300, "notes stay short: " + note);
            }
            try { // a step and every view of what opened (the lesson's example, when lesson=1 came up)
                p.step();
                p.readout();
                p.inspector().diagram();
                p.inspector().neuron();
                p.inspector().buildGraph();
                var downhill = p.inspector().downhill();
                var plane = p.inspector().plane();
                plane.kind(scratchnet.playground.inspect.NetworkPlane.Kind.of(p.setting("surface")));
                for (int f = 0; f < 3; f++) {
                    downhill.advance();
                    plane.advance();
                }
                downhill.nextText();
                downhill.axesText();
                plane.text();
                plane.paths();
                downhills += p.setting("view").equals("downhill") ? 1 : 0;
                var warp = p.inspector().warp();
                warp.advance();
                p.step();
                warp.advance();
                warp.axesText();
                if (warp.picture() != null) {
                    double[] xy = warp.point(0);
                    warp.landingText(xy[0], xy[1]);
                    warp.nearest(0.5, 0.5, 0.1);
                    warps++;
                } else {
                    assertTrue(warp.problem() != null, "no picture says why: " + hash);
                }
                p.inspector().refreshHealth();
                p.inspector().health().findings();
            } catch (RuntimeException e) {
                throw new AssertionError("a step or a view threw for " + hash, e);
            }
            lessons += p.lesson() ? 1 : 0;
            if (p.twoRuns().comparing()) {
                compared++;
                Settings b = p.twoRuns().sessionB().settings();
                assertValid(b);
                assertTrue(Comparison.keepsShapes(p.settings(), b), hash.toString());
                assertEquals(p.session().model().parameters().size(), p.twoRuns().sessionB().model().parameters().size());
                Playground again = new Playground(p.link());
                assertEquals(List.of(), again.openingNotes().lines, p.link());
                assertEquals(p.link(), again.link());
            }
        }
        System.out.println("comparison links fuzzed: 400, comparing: " + compared + ", the lesson shown: " + lessons
                + ", downhill shown: " + downhills + ", warps drawn: " + warps);
        assertTrue(downhills > 100, "the generator does open the downhill view");
        assertTrue(warps > 60, "the generator does draw warps: " + warps);
        assertTrue(lessons > 10, "the generator does open the lesson");
        assertTrue(compared > 150, "the generator does make comparisons");
    }

    @Test
    void mutatedModelFilesAreRejectedCleanlyOrValid() {
        Session session = new Session(Settings.fromHash("points=30&layers=3,2&activation=gelu,leaky").settings);
        for (int k = 0; k < 3; k++) {
            session.step();
        }
        String good = ModelFile.write(session.settings(), new PointEdits(), session.model(), session.train(), session.test(), 3);
        Rng rng = new Rng(7);
        int accepted = 0, rejected = 0;
        for (int i = 0; i < 3000; i++) {
            String text = mutate(good, rng);
            try {
                ModelFile.Contents c = ModelFile.read(text);
                accepted++;
                assertValid(c.settings);
                assertEquals(2, c.model.nin());
                int[] sizes = c.model.sizes();
                if (sizes.length > 1) { // the link carries the file's own per-layer activations
                    assertEquals(Setting.formatActivations(c.model.hiddenActivations()), c.settings.get("activation"));
                }
                assertEquals(1, sizes[sizes.length - 1]);
                for (Value p : c.model.parameters()) {
                    assertTrue(Double.isFinite(p.data));
                }
                assertTrue(c.train.size() + c.test.size() <= ModelFile.MAX_FILE_POINTS);
                c.model.snapshot().predict(new double[] {0.5, 0.5});
            } catch (ModelFile.InvalidModel e) {
                rejected++;
                assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            } catch (RuntimeException e) {
                fail("read threw " + e + " for: " + text.substring(0, Math.min(200, text.length())));
            }
        }
        System.out.println("model files fuzzed: 3000, accepted " + accepted + ", rejected " + rejected);
        assertTrue(accepted > 100 && rejected > 1000, accepted + " / " + rejected);
    }

    /** One to three random edits: cut, delete, duplicate or replace a span, or swap a number for junk. */
    static String mutate(String s, Rng rng) {
        int edits = 1 + rng.nextInt(3);
        for (int e = 0; e < edits && !s.isEmpty(); e++) {
            int at = rng.nextInt(s.length());
            int len = 1 + rng.nextInt(Math.min(20, s.length() - at));
            switch (rng.nextInt(6)) {
                case 0: s = s.substring(0, at); break;
                case 1: s = s.substring(0, at) + s.substring(at + len); break;
                case 2: s = s.substring(0, at) + s.substring(at, at + len) + s.substring(at); break;
                case 3: s = s.substring(0, at) + randomText(rng, 5) + s.substring(at + len); break;
                case 4: s = s.substring(0, at) + new String[] {"1e400", "-0", "NaN", "null", "[]", "{}", "\"x\"", "99999", "\"sine\"", "\"elu,relu\""}[rng.nextInt(10)]
                        + s.substring(at); break;
                default: s = s.replaceFirst("-?[0-9]\\.[0-9]+(E-?[0-9]+)?", new String[] {"1e400", "\"1\"", "1e5", "0"}[rng.nextInt(4)]);
            }
        }
        return s;
    }
}
