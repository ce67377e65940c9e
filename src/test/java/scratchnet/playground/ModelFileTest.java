package scratchnet.playground;

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
        assertRejected(good.replace("\"activation\":\"tanh\"", "\"activation\":\"swish\""), "layers[0].activation must be one of");
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
