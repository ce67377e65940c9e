package scratchnet.playground.settings;

import scratchnet.playground.session.TrainingText;
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
        assertEquals("data=moons&classes=2&points=200&noise=0.1&gen=2&split=80&seed=1&init=1&initScheme=uniform&features=x,y&standardize=0&layers=8,8&activation=tanh"
                + "&output=tanh&loss=mse&optimizer=sgd&lr=0.3&decay=0&schedule=constant&every=100&factor=0.5&warmup=0&l1=0&l2=0&dropout=0"
                + "&batch=0&stopEpochs=0&stopLoss=0&patience=0&speed=2&discretize=0&test=0&lines=0&brush=20&density=4&embed=0&lesson=0"
                + "&view=neuron&surface=pair&p1=0&p2=1&warpLayer=1&warpAxes=pca&warpX=1&warpY=2&warpStage=activated",
                s.toHash());
        Settings.Parsed p = Settings.fromHash("#" + s.toHash());
        assertEquals(List.of(), p.notes);
        assertEquals(s.toHash(), p.settings.toHash());
    }

    @Test
    void aLinkWithoutTheGeneratorVersionIsOldAndReadsAsVersionOne() {
        assertEquals(2, new Settings().generator, "a fresh page: the newest");
        assertEquals(2, Settings.fromHash("").settings.generator, "no link at all");
        assertEquals(2, Settings.fromHash("#").settings.generator);
        for (String old : new String[] {"data=spiral", "#data=spiral&noise=0.1", "embed=1", "w=AAAA", "bogus", "gen"}) {
            Settings.Parsed p = Settings.read(Hash.read(old), key -> key.equals("w"));
            assertEquals(old.equals("gen") ? 2 : 1, p.settings.generator, old);
            assertTrue(p.notes.stream().noneMatch(n -> n.contains("gen") && !old.equals("gen")), old + ": " + p.notes);
        }
        assertEquals(List.of("gen: no value given, kept 2"), Settings.fromHash("gen").notes, "asked, but for nothing");
        for (String v : new String[] {"1", "2"}) {
            Settings.Parsed p = Settings.fromHash("data=spiral&gen=" + v);
            assertEquals(List.of(), p.notes);
            assertEquals(Integer.parseInt(v), p.settings.generator);
            assertEquals(p.settings.toHash(), Settings.fromHash(p.settings.toHash()).settings.toHash());
            assertTrue(p.settings.toHash().contains("&noise=0.1&gen=" + v + "&"), p.settings.toHash());
        }
        // A version the link asks for but that does not exist: said, and the newest (not an old link's 1).
        Settings.Parsed bad = Settings.fromHash("data=spiral&gen=3");
        assertEquals(List.of("gen: '3' is not one of 1, 2, kept 2"), bad.notes);
        assertEquals(2, bad.settings.generator);
        // The version is data: changing it makes new data.
        Settings one = Settings.fromHash("gen=1").settings;
        assertEquals(Settings.Affects.DATA, one.difference(new Settings()));
        assertEquals(Setting.Kind.CHOICE, Settings.find("gen").kind);
        assertEquals(List.of("1", "2"), Settings.find("gen").options);
    }

    @Test
    void everyChangedSettingSurvivesTheRoundTrip() {
        Settings s = new Settings();
        s.data = Shape.SPIRAL;
        s.points = 321;
        s.noise = 0.25;
        s.generator = 1;
        s.split = 55;
        s.dataSeed = 12345;
        s.weightSeed = 777;
        s.layers = new int[] {3, 1, 32};
        s.activations = new Activation[] {Activation.RELU, Activation.GELU, Activation.SINE};
        s.output = Activation.LINEAR;
        s.loss = Loss.HINGE;
        s.optimizer = "adam";
        s.learningRate = 0.0123;
        s.decay = 0.001;
        s.l2 = 1e-4;
        s.l1 = 2e-3;
        s.schedule = scratchnet.train.Schedule.Kind.COSINE;
        s.every = 250;
        s.factor = 0.05;
        s.warmup = 10;
        s.stopEpochs = 40;
        s.stopLoss = 0.015;
        s.patience = 7;
        s.batchSize = 16;
        s.speed = 7;
        s.discretize = true;
        s.showTest = true;
        Settings.Parsed p = Settings.fromHash(s.toHash());
        assertEquals(List.of(), p.notes);
        Settings t = p.settings;
        assertEquals(s.toHash(), t.toHash());
        assertEquals(Shape.SPIRAL, t.data);
        assertEquals(1, t.generator);
        assertArrayEquals(new int[] {3, 1, 32}, t.layers);
        assertArrayEquals(new Activation[] {Activation.RELU, Activation.GELU, Activation.SINE}, t.activations);
        assertEquals(0.0123, t.learningRate, 0);
        assertEquals(1e-4, t.l2, 0);
        assertEquals(2e-3, t.l1, 0);
        assertEquals("cosine from lr to lr · 0.05 over 250 steps, warm-up over 10 steps", TrainingText.formula(t.learningRateSchedule()));
        assertEquals(40, t.stopEpochs);
        assertEquals(0.015, t.stopLoss, 0);
        assertEquals(7, t.patience);
        assertTrue(t.discretize && t.showTest);
        // No hidden layer at all.
        s.layers = new int[0];
        assertArrayEquals(new int[0], Settings.fromHash(s.toHash()).settings.layers);
    }

    @Test
    void activationIsOnePerHiddenLayerAndASingleNameMeansAll() {
        // An old link: one name for every hidden layer, written back as it was.
        Settings.Parsed old = Settings.fromHash("layers=8,8&activation=relu");
        assertEquals(List.of(), old.notes);
        assertArrayEquals(new Activation[] {Activation.RELU, Activation.RELU}, old.settings.hiddenActivations());
        assertTrue(old.settings.toHash().contains("&activation=relu&"), old.settings.toHash());
        // A list, in either order of the keys.
        for (String hash : new String[] {"layers=4,4,4&activation=tanh,gelu,swish", "activation=tanh,gelu,swish&layers=4,4,4"}) {
            Settings.Parsed p = Settings.fromHash(hash);
            assertEquals(List.of(), p.notes, hash);
            assertEquals("tanh,gelu,swish", p.settings.get("activation"));
        }
        // The wrong length is fitted: the last repeated, or the extra dropped; and said.
        Settings.Parsed shortList = Settings.fromHash("layers=4,4,4&activation=tanh,elu");
        assertEquals("tanh,elu,elu", shortList.settings.get("activation"));
        assertEquals(List.of("activation: 2 activations for 3 hidden layers, used tanh,elu,elu"), shortList.notes);
        Settings.Parsed longList = Settings.fromHash("layers=2&activation=sine,elu,leaky");
        assertEquals("sine", longList.settings.get("activation"));
        assertEquals(List.of("activation: 3 activations for 1 hidden layers, used sine"), longList.notes);
        Settings.Parsed tooMany = Settings.fromHash("layers=2,2,2,2,2,2&activation=elu,elu,elu,elu,elu,gelu,relu");
        assertEquals("elu,elu,elu,elu,elu,gelu", tooMany.settings.get("activation"));
        assertEquals(List.of("activation: more than 6 activations, kept the first 6"), tooMany.notes);
        // Junk anywhere in the list: the default, and a note naming the bad part.
        Settings.Parsed junk = Settings.fromHash("activation=foo,,relu");
        assertEquals("tanh", junk.settings.get("activation"));
        assertTrue(junk.notes.get(0).startsWith("activation: 'foo' is not one of tanh, relu,"), junk.notes.toString());
        assertTrue(junk.notes.get(0).endsWith(", kept tanh"), junk.notes.toString());
    }

    @Test
    void theActivationListFollowsTheLayers() {
        Settings s = Settings.fromHash("layers=4,4&activation=relu,softplus").settings;
        // A layer added on the page takes the last layer's activation, silently.
        assertEquals(null, s.set("layers", "4,4,2"));
        assertEquals(List.of(), s.settle(List.of("layers")));
        assertEquals("relu,softplus,softplus", s.get("activation"));
        assertEquals(null, s.set("layers", "4"));
        assertEquals(List.of(), s.settle(List.of("layers")));
        assertEquals("relu", s.get("activation"));
        // No hidden layer keeps the list for when layers come back (the page's hidden-layer toggle).
        s = Settings.fromHash("layers=4,4&activation=relu,softplus").settings;
        s.set("layers", "0");
        s.settle(List.of("layers"));
        assertEquals("relu,softplus", s.get("activation"));
        assertEquals(List.of(), Settings.fromHash(s.toHash()).notes);
        s.set("layers", "4,4");
        s.settle(List.of("layers"));
        assertEquals("relu,softplus", s.get("activation"));
        // "All layers" from the page: one name.
        s.set("activation", "elu");
        assertEquals(List.of(), s.settle(List.of("activation")));
        assertArrayEquals(new Activation[] {Activation.ELU, Activation.ELU}, s.hiddenActivations());
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
        assertArrayEquals(new Activation[] {Activation.TANH, Activation.TANH}, s.activations);
        assertEquals(2, s.speed);
        assertEquals(Settings.MAX_SEED, s.dataSeed);
        assertEquals(50, s.split);
        String notes = String.join("\n", p.notes);
        assertTrue(notes.contains("points: -5 is outside 2–1000, used 2"), notes);
        assertTrue(notes.contains("noise: 'NaN' is not a number, kept 0.1"), notes);
        assertTrue(notes.contains("unknown setting 'bogus' ignored"), notes);
        assertTrue(notes.contains("activation: '<img src=x>' is not one of tanh, relu, sigmoid, leaky, elu, gelu, softplus, sine, swish, linear, kept tanh"), notes);
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
    void linkNumbersAreReadExactly() {
        // Decimal.parse: the same bits in the browser, where TeaVM's Double.parseDouble is a unit off for some.
        for (String text : new String[] {"0.060282600563365873", "-6.5302797480330534", "4.9E-324", "9007199254740993", ".5", "5.", "+2", "1E+2"}) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(Settings.parseNumber(text)), text);
        }
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Settings.parseNumber("-0")));
        assertEquals(Double.MAX_VALUE, Settings.parseNumber("1e999"), "too large: the largest double, for the range check to clamp");
        assertEquals(-Double.MAX_VALUE, Settings.parseNumber("-1e999"));
        for (String bad : new String[] {"", "NaN", "Infinity", "0x10", "1e", "e5", ".", "1.2.3", "--1", " 1", "1d", "1".repeat(41)}) {
            assertTrue(Double.isNaN(Settings.parseNumber(bad)), bad);
        }
        assertTrue(Double.isNaN(Settings.parseNumber(null)));
    }

    @Test
    void extraKeysArePassedThroughRaw() {
        Hash hash = Hash.read("lr=0.5&pts=1.5,2,1;-1,0,-1");
        Settings.Parsed p = Settings.read(hash, "pts"::equals);
        assertEquals("1.5,2,1;-1,0,-1", hash.get("pts"));
        assertEquals(0.5, p.settings.learningRate);
        assertEquals(List.of(), p.notes);
    }

    @Test
    void decodingNeverThrows() {
        assertEquals("%zz%", Hash.decode("%zz%"));
        assertEquals("a b", Hash.decode("a+b"));
        assertEquals("é", Hash.decode("%C3%A9"));
        Settings.fromHash("%%%&=&==&&a=%E0%A4");
    }
}
