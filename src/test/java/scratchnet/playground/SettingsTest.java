package scratchnet.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Shape;
import scratchnet.nn.Activation;
import scratchnet.train.Loss;

class SettingsTest {

    @Test
    void defaultsRoundTripThroughTheHash() {
        Settings s = new Settings();
        assertEquals("data=moons&classes=2&points=200&noise=0.1&split=80&seed=1&init=1&features=x,y&layers=8,8&activation=tanh"
                + "&output=tanh&loss=mse&optimizer=sgd&lr=0.3&decay=0&l2=0&batch=0&speed=2&discretize=0&test=0&lines=0&brush=20&density=4&embed=0",
                s.toHash());
        Settings.Parsed p = Settings.fromHash("#" + s.toHash());
        assertEquals(List.of(), p.notes);
        assertEquals(s.toHash(), p.settings.toHash());
    }

    @Test
    void everyChangedSettingSurvivesTheRoundTrip() {
        Settings s = new Settings();
        s.data = Shape.SPIRAL;
        s.points = 321;
        s.noise = 0.25;
        s.split = 55;
        s.dataSeed = 12345;
        s.weightSeed = 777;
        s.layers = new int[] {3, 1, 32};
        s.activation = Activation.RELU;
        s.output = Activation.LINEAR;
        s.loss = Loss.HINGE;
        s.optimizer = "adam";
        s.learningRate = 0.0123;
        s.decay = 0.001;
        s.l2 = 1e-4;
        s.batchSize = 16;
        s.speed = 7;
        s.discretize = true;
        s.showTest = true;
        Settings.Parsed p = Settings.fromHash(s.toHash());
        assertEquals(List.of(), p.notes);
        Settings t = p.settings;
        assertEquals(s.toHash(), t.toHash());
        assertEquals(Shape.SPIRAL, t.data);
        assertArrayEquals(new int[] {3, 1, 32}, t.layers);
        assertEquals(0.0123, t.learningRate, 0);
        assertEquals(1e-4, t.l2, 0);
        assertTrue(t.discretize && t.showTest);
        // No hidden layer at all.
        s.layers = new int[0];
        assertArrayEquals(new int[0], Settings.fromHash(s.toHash()).settings.layers);
    }

    @Test
    void hostileLinksKeepTheValidPartAndSayWhatWasIgnored() {
        Settings.Parsed p = Settings.fromHash("#data=circles&points=-5&noise=NaN&lr=1e999&bogus=1"
                + "&layers=4,<script>&activation=%3Cimg%20src%3Dx%3E&speed=3.5&test&seed=99999999999999&split=50");
        Settings s = p.settings;
        assertEquals(Shape.CIRCLES, s.data);
        assertEquals(2, s.points);
        assertEquals(0.1, s.noise);
        assertEquals(10, s.learningRate);
        assertArrayEquals(new int[] {8, 8}, s.layers);
        assertEquals(Activation.TANH, s.activation);
        assertEquals(2, s.speed);
        assertEquals(Settings.MAX_SEED, s.dataSeed);
        assertEquals(50, s.split);
        String notes = String.join("\n", p.notes);
        assertTrue(notes.contains("points: -5 is outside 2–1000, used 2"), notes);
        assertTrue(notes.contains("noise: 'NaN' is not a number, kept 0.1"), notes);
        assertTrue(notes.contains("unknown setting 'bogus' ignored"), notes);
        assertTrue(notes.contains("activation: '<img src=x>' is not one of tanh, relu, sigmoid, linear, kept tanh"), notes);
        assertTrue(notes.contains("speed: '3.5' is not a whole number, kept 2"), notes);
        assertTrue(notes.contains("test: no value given"), notes);
        assertEquals(9, p.notes.size(), notes);
    }

    @Test
    void layersAreClampedToTheLargestNetworkOffered() {
        Settings.Parsed p = Settings.fromHash("layers=100,0,5,5,5,5,5,5");
        assertArrayEquals(new int[] {32, 1, 5, 5, 5, 5}, p.settings.layers);
        assertEquals(1, p.notes.size());
        assertTrue(p.notes.get(0).contains("kept the first 6") && p.notes.get(0).contains("100 neurons"), p.notes.get(0));
    }

    @Test
    void setReportsClampingLikeALink() {
        Settings s = new Settings();
        assertNull(s.set("noise", "0.3"));
        assertEquals("0.3", s.get("noise"));
        assertEquals("points: 5000 is outside 2–1000, used 1000", s.set("points", "5000"));
        assertEquals("unknown setting 'x' ignored", s.set("x", "1"));
    }

    @Test
    void extraKeysArePassedThroughRaw() {
        Settings.Parsed p = Settings.fromHash("lr=0.5&pts=1.5,2,1;-1,0,-1", "pts");
        assertEquals("1.5,2,1;-1,0,-1", p.extra.get("pts"));
        assertEquals(0.5, p.settings.learningRate);
        assertEquals(List.of(), p.notes);
    }

    @Test
    void decodingNeverThrows() {
        assertEquals("%zz%", Settings.decode("%zz%"));
        assertEquals("a b", Settings.decode("a+b"));
        assertEquals("é", Settings.decode("%C3%A9"));
        Settings.fromHash("%%%&=&==&&a=%E0%A4");
    }
}
