package scratchnet.playground.share;

import scratchnet.playground.session.PointEdits;
import scratchnet.playground.session.Session;
import scratchnet.playground.session.TrainingText;
import scratchnet.playground.settings.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Point;
import scratchnet.nn.Activation;

class ModelFileTest {

    static Session trained(String hash, int steps) {
        Session s = new Session(Settings.fromHash(hash).settings);
        for (int k = 0; k < steps; k++) {
            s.step();
        }
        return s;
    }

    static String export(Session s) {
        return ModelFile.write(s.settings(), new PointEdits(), s.model(), s.train(), s.test(), s.trainer().steps());
    }

    @Test
    void exportThenImportReproducesPredictionsExactly() throws Exception {
        Session s = trained("data=spiral&layers=6,5&activation=relu&output=linear&lr=0.05", 30);
        String text = export(s);
        ModelFile.Contents c = ModelFile.read(text);
        assertEquals(List.of(), c.notes);
        assertEquals(30, c.step);
        assertEquals(s.settings().toHash(), c.settings.toHash());
        assertEquals(Activation.RELU, c.model.layers.get(0).activation());
        assertEquals(Activation.LINEAR, c.model.layers.get(2).activation());
        assertEquals(s.train().points.toString(), c.train.points.toString());
        assertEquals(s.test().points.toString(), c.test.points.toString());
        for (double x = -2; x <= 2; x += 0.37) {
            for (double y = -2; y <= 2; y += 0.41) {
                double[] p = {x, y};
                assertEquals(s.model().snapshot().predict(p)[0], c.model.snapshot().predict(p)[0], 0);
            }
        }
        // And writing it again gives the same text: nothing lost or invented.
        assertEquals(text, ModelFile.write(c.settings, new PointEdits(), c.model, c.train, c.test, c.step));
    }

    @Test
    void eachHiddenLayersActivationRoundTripsAndWinsOverTheLink() throws Exception {
        Session s = trained("layers=4,3,3&activation=gelu,sine,leaky&lr=0.1", 10);
        String text = export(s);
        ModelFile.Contents c = ModelFile.read(text);
        assertEquals(List.of(), c.notes);
        assertEquals("gelu,sine,leaky", c.settings.get("activation"));
        assertEquals(List.of(Activation.GELU, Activation.SINE, Activation.LEAKY_RELU), List.of(c.model.hiddenActivations()));
        double[] p = {0.3, -0.7};
        assertEquals(s.model().snapshot().predict(p)[0], c.model.snapshot().predict(p)[0], 0);
        assertEquals(text, ModelFile.write(c.settings, new PointEdits(), c.model, c.train, c.test, c.step));
        // A file's layers say what each computes; its link's activation only fills in when there is no hidden layer.
        String edited = text.replace("\"activation\":\"sine\"", "\"activation\":\"swish\"");
        ModelFile.Contents e = ModelFile.read(edited);
        assertEquals("gelu,swish,leaky", e.settings.get("activation"));
        assertEquals(Activation.SWISH, e.model.layers.get(1).activation());
        assertEquals(Activation.SWISH, new Session(e.settings).model().layers.get(1).activation(), "the link rebuilds it too");
    }

    @Test
    void olderVersionsStillRead() throws Exception {
        // Version 1 (no "classes") and 2 files, written when every hidden layer had one activation.
        Session s = trained("layers=3,2&activation=relu", 5);
        String text = export(s);
        for (String old : new String[] {text.replaceFirst("\"version\":[0-9]+", "\"version\":1").replace("\"classes\":2,", ""),
                text.replaceFirst("\"version\":[0-9]+", "\"version\":2")}) {
            ModelFile.Contents c = ModelFile.read(old);
            assertEquals("relu", c.settings.get("activation"), old.substring(0, 60));
            assertEquals(List.of(Activation.RELU, Activation.RELU), List.of(c.model.hiddenActivations()));
            assertEquals(s.model().snapshot().predict(0.2, 0.4)[0], c.model.snapshot().predict(0.2, 0.4)[0], 0);
        }
    }

    @Test
    void newTrainingSettingsTravelInTheFileAndOldFilesTrainAsBefore() throws Exception {
        Session s = trained("layers=5&decay=0.01&l2=0.001&l1=0.002&schedule=cosine&every=50&factor=0.1&warmup=3"
                + "&stopLoss=0.02&patience=4&stopEpochs=90", 12);
        ModelFile.Contents c = ModelFile.read(export(s));
        assertEquals(List.of(), c.notes);
        assertEquals(s.settings().toHash(), c.settings.toHash());
        assertEquals("cosine from lr to lr · 0.1 over 50 steps, warm-up over 3 steps", TrainingText.formula(c.settings.learningRateSchedule()));
        assertEquals(0.002, c.settings.l1, 0);
        assertEquals(0.02, c.settings.stopLoss, 0);

        // A file written before these settings existed: its link has none of them.
        Session old = trained("layers=5&decay=0.01&l2=0.001&lr=0.2", 12);
        String text = export(old);
        String stripped = text;
        for (String key : new String[] {"gen", "schedule", "every", "factor", "warmup", "l1", "stopEpochs", "stopLoss", "patience"}) {
            // "&key=value" as the JSON writes it: "\u0026key=value"
            stripped = stripped.replaceFirst("\\\\u0026" + key + "=[^\\\\\"]*", "");
        }
        assertTrue(!stripped.contains("schedule=") && !stripped.contains("l1=") && !stripped.contains("gen="), stripped.substring(0, 300));
        Session imported = new Session(new Settings());
        assertEquals(List.of(), ModelFile.load(ModelFile.read(stripped), imported));
        assertEquals(old.settings().toHash(), imported.settings().toHash(), "absent keys take the old behaviour's values");
        for (int k = 0; k < 20; k++) {
            int step = old.trainer().steps();
            assertEquals(0.2 / (1 + 0.01 * step), imported.trainer().currentLearningRate(), 0, "the old inverse-time decay, bit for bit");
            assertEquals(old.step().loss, imported.step().loss, 0, "step " + k);
        }
    }

    @Test
    void noHiddenLayerRoundTrips() throws Exception {
        Session s = trained("layers=0", 5);
        ModelFile.Contents c = ModelFile.read(export(s));
        assertEquals(1, c.model.layers.size());
        assertEquals(0, c.settings.layers.length);
    }

    static void assertRejected(String text, String expected) {
        ModelFile.InvalidModel e = assertThrows(ModelFile.InvalidModel.class, () -> ModelFile.read(text));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    @Test
    void badFilesAreRejectedWithPreciseMessages() {
        String good = export(trained("layers=3", 1));
        assertRejected("", "the file is empty");
        assertRejected(good.substring(0, good.length() / 2), "not valid JSON: JSON error at character");
        assertRejected("[1,2]", "the file must be a JSON object");
        assertRejected(good.replace("scratchnet-model", "other"), "not a ScratchNet model");
        assertRejected(good.replace("\"version\":3", "\"version\":4"), "version 4 is not supported");
        assertRejected(good.replace("\"classes\":2", "\"classes\":3"), "\"classes\" is 3, but the settings' data (moons) has 2");
        assertRejected(good.replace("\"activation\":\"tanh\"", "\"activation\":\"swoosh\""), "layers[0].activation must be one of tanh, relu, sigmoid, leaky");
        String wrongWidth = good.replaceFirst("\"weights\":\\[\\[([^,\\]]+),", "\"weights\":[[");
        assertRejected(wrongWidth, "layers[0].weights[0] has 1 numbers; it needs 2, one for each of the 2 inputs x and y");
        assertRejected(good.replaceFirst("\"biases\":\\[[^\\]]*\\]", "\"biases\":[1]"),
                "layers[0].biases has 1 numbers; it needs 3");
        assertRejected(good.replaceFirst("\"train\":\\[\\[([^,]+),([^,]+),-?1\\]", "\"train\":[[$1,$2,0]"), "train[0]'s label must be -1 or 1");
        assertRejected(good.replaceFirst("\"train\":\\[\\[[^,]+,", "\"train\":[[1e300,"), "train[0] lies too far out");
        assertRejected(good.replaceFirst("\"layers\":\\[", "\"layers\":[{\"activation\":\"tanh\",\"weights\":[[1,1]],\"biases\":[0]},"),
                "layers[1].weights[0] has 2 numbers; it needs 1");
        assertRejected("{\"format\":\"scratchnet-model\",\"version\":1,\"layers\":[]}", "\"layers\" must hold 1 to 7 layers");
        assertRejected("{\"format\":\"scratchnet-model\",\"version\":1}", "\"layers\" must be a list, and is missing");
        assertRejected("x".repeat(ModelFile.MAX_CHARS + 1), "the file is too large");
    }

    @Test
    void tooWideOrTooManyPointsIsRefused() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            rows.append(i > 0 ? "," : "").append("[0.1,0.2]");
        }
        String wide = "{\"format\":\"scratchnet-model\",\"version\":1,\"layers\":[{\"activation\":\"tanh\",\"weights\":[" + rows
                + "],\"biases\":[" + "0,".repeat(39) + "0]},{\"activation\":\"tanh\",\"weights\":[[" + "1,".repeat(39)
                + "1]],\"biases\":[0]}]}";
        assertRejected(wide, "layers[0] has 40 neurons; a hidden layer has 1 to 32");
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i <= ModelFile.MAX_FILE_POINTS; i++) {
            pts.append(i > 0 ? "," : "").append("[0,0,1]");
        }
        assertRejected("{\"format\":\"scratchnet-model\",\"version\":1,\"layers\":[{\"activation\":\"tanh\",\"weights\":[[1,1]],"
                + "\"biases\":[0]}],\"train\":[" + pts + "]}", "\"train\" has 2001 points, at most 2000");
    }

    @Test
    void pointsKeepTheirExactCoordinates() throws Exception {
        Session s = trained("points=10", 0);
        ModelFile.Contents c = ModelFile.read(export(s));
        Point a = s.train().points.get(3), b = c.train.points.get(3);
        assertEquals(a.x, b.x, 0);
        assertEquals(a.y, b.y, 0);
        assertEquals(a.label, b.label);
    }
}
