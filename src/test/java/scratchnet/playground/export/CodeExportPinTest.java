package scratchnet.playground.export;

import scratchnet.playground.Playground;
import scratchnet.playground.session.Session;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Rng;
import scratchnet.data.Shape;
import scratchnet.engine.Value;
import scratchnet.nn.Activation;
import scratchnet.nn.Features;
import scratchnet.nn.MLP;
import scratchnet.playground.inspect.ClassicExample;
import scratchnet.train.Loss;

/**
 * Pins the exported programs, byte for byte on the JVM, for sessions of every kind and for the
 * lesson's classic example of raw inputs: the SHA-256 of
 * each file as the exporter wrote it before its slots were filled by {@link CodeExport#fill}. A
 * change of the text changes a hash; if the change is meant, put the new hash here and say in the
 * commit what changed in the files.
 */
class CodeExportPinTest {
    /** Each case's name, then its Python's hash and its Java's. */
    private static final String[][] PINNED = {
        {"default moons", "ced3e62c307ab17f0d041e0e2797aea3148ba40d1c6eb54ebff7a3a3a997ea40", "7de0f92132b24a4bfc9559414b29d0ac75c9883511738d9e0a1855fcd3a227d8"},
        {"relu sse", "97d247ba8efc76523b5871e3f454341fa9de823f49012835ec9236774999339a", "8c5d3d207ca73a2d1961a8443f6207137117e9a65bc2d5ae45e09cb9e7f7829e"},
        {"three classes ce", "5b4f61fc33c13c73d9b8f7ca6e8cb20a78a4374aef975dee33016a336736c5d1", "080d182de379e94ca5d85f48807a09f159a6cc6b3a43c638950d069bdd3fde97"},
        {"hinge l1 l2 step warm-up", "5172cd048be6119ea3361fa5cbf185df30f9d1715b40086f3eb73cdfb59667db", "55a974bd19932bba6178cf284438dc6c122274206cc967948edabbc9b9dd91ac"},
        {"cosine decay", "6be17263cab7b3e5d806ff38dab7dc9bdc0260d2220ff6de8ef3d2006d2288d8", "b3001ba74db373b925ad97d700935163feffac23b877104667ec3ee57a914ae3"},
        {"exp momentum", "e8889bd4a8849a0ee30f796117c694f555e1d9f0df19f2193398588f31c47605", "a93125176625ca836e4a3c0c7b995bda5abc6c95fdbddcfe255f8e4ca79dd9dd"},
        {"micrograd schedule", "3fc3034fd785f9a7858f0f6f4715886cea75a0d1393c42c6187d3911c5040fa2", "574a89f726fc31df9c64cf0d0e1d20da9c1731969215ea85d11ec61a0731d978"},
        {"adam mini-batches", "b2d53b0dd418471837702f50b433f45306c83786f5e0d7367f03c27ab44fa1a1", "e56e0b7387c149d651bc779b4f773f5fb908fcdef4c6adafb390bd7d0b135a75"},
        {"hand edits", "08796e39e0af659604b6a6b7d512e66ab347c1a784820c9943b7435a20991503", "3f894c6391976849b86ddb25a9ca475afc81cc4e332ea13a41a753b83ac56ed9"},
        {"standardised csv", "6f8f978370e531986d8ab6281c0abd4a5b14fbb75fef929537a53d4a8cb04801", "fec725ed83418045e32d0f289f4a780997f4989dc0dc64c39f18296fedfe2c8d"},
        {"odd weights", "3540b583e06e07914bf332cf70423448086b718c949a2260b718e6ce301cbc12", "566414e7580210f32bb051427f5d7781ff4811ebe89b7f937126f92a4f752601"},
        {"every feature, six gaussians", "f55c95154e8643d73b6f36635f87ce3e14adf44b15bff072469ac00b78716665", "034e5f05934483fb82bd99176cc3337838ff73dfd127c85301dd2f40a146b82a"},
        {"two logits", "11ca7c93c8440cb4e75ee7e6eee36a251b064cd3131412e1886248c66b4e76e8", "87e5c02bb2150eb2fe397c26c469b527dc5949f8bd434c29455a62fa1ca49da5"},
        {"regression mse", "5666974cdcb7eaf2131fd8178a86c211cd34fda28637168f0b0bd1c45910c450", "93a33bf6948adcefe7787e6944f0d69c0e6b2cb3a2f37c9e731cfc3e95a324ad"},
        {"regression sse", "73af0d19c8d5a61797fc81a34aefa422e6383b9ed98c166ded472adaf2a3c660", "56274792ff06f515fbbcfb1527e5a98ee0fd66171f184d91a2a237c980e04af3"},
        {"no points", "bd4953bf00d12bf18d73fa3889518da9ebda7d361b534779995a48e658895de3", "60f765a5d0994697b98e9a58cd2237f85469475ca28193f2288ffcf0201431b7"},
    };

    /** The classic example ({@link RawExamples}) at step 0: its Python's hash and its Java's. */
    private static final String[] CLASSIC = {"d0ebd6e54536c5580cd613b848578b0a05ae55b74bb2785d49ea1262e3c975ea",
        "f156481caf54a13eecf37673545e2f21d6a0d0f6d4bd57890bbc9ac17bf9c06c"};

    /** -Dpin.dump=DIR also writes each case's files under DIR, to diff the text when a hash changes. */
    private static final String DUMP = System.getProperty("pin.dump");

    @Test
    void everyExportIsAsPinned() throws Exception {
        List<String> seen = new ArrayList<>();
        for (Map.Entry<String, Callable<CodeExport.Parts>> c : cases().entrySet()) {
            CodeExport.Parts p = c.getValue().call();
            if (DUMP != null) { // to see what changed: the files before and after, side by side
                Path dir = Files.createDirectories(Path.of(DUMP, c.getKey().replaceAll("[^a-z0-9]+", "-")));
                Files.writeString(dir.resolve(CodeExport.PYTHON_NAME), CodeExport.python(p));
                Files.writeString(dir.resolve(CodeExport.JAVA_NAME), CodeExport.java(p));
            }
            seen.add("{\"" + c.getKey() + "\", \"" + sha256(CodeExport.python(p)) + "\", \"" + sha256(CodeExport.java(p)) + "\"},");
        }
        List<String> pinned = new ArrayList<>();
        for (String[] row : PINNED) {
            pinned.add("{\"" + row[0] + "\", \"" + row[1] + "\", \"" + row[2] + "\"},");
        }
        assertEquals(String.join("\n", pinned), String.join("\n", seen));
    }

    @Test
    void theClassicExampleIsAsPinned() throws Exception {
        RawExamples r = new RawExamples(new MLP(3, new int[] {4, 4, 1}), ClassicExample.XS, ClassicExample.YS,
                Loss.SUM_SQUARED, ClassicExample.LEARNING_RATE, 0, new ClassicExample().loss(), "the classic example, micrograd's");
        if (DUMP != null) {
            Path dir = Files.createDirectories(Path.of(DUMP, "classic-example"));
            Files.writeString(dir.resolve(CodeExport.PYTHON_NAME), CodeExport.python(r));
            Files.writeString(dir.resolve(CodeExport.JAVA_NAME), CodeExport.java(r));
        }
        assertEquals(String.join(" ", CLASSIC), sha256(CodeExport.python(r)) + " " + sha256(CodeExport.java(r)));
    }

    private static Map<String, Callable<CodeExport.Parts>> cases() {
        Map<String, Callable<CodeExport.Parts>> cases = new LinkedHashMap<>();
        cases.put("default moons", () -> session("", 3));
        cases.put("relu sse", () -> session("points=60&layers=6&activation=relu&output=linear&loss=sse&lr=0.005", 4));
        cases.put("three classes ce", () -> session(
                "points=60&data=spiral&classes=3&layers=6,5,4&activation=elu,softplus,sine&loss=ce&output=linear&lr=0.1", 3));
        cases.put("hinge l1 l2 step warm-up", () -> session(
                "points=60&loss=hinge&layers=6&l1=0.003&l2=0.001&schedule=step&every=4&factor=0.5&warmup=4&lr=0.4", 2));
        cases.put("cosine decay", () -> session("points=60&layers=6&schedule=cosine&every=12&factor=0.1&decay=0.01&lr=0.3", 2));
        cases.put("exp momentum", () -> session("points=60&layers=6&schedule=exp&every=5&factor=0.7&optimizer=momentum&lr=0.1", 2));
        cases.put("micrograd schedule", () -> session("points=60&layers=6&schedule=micrograd&lr=0.001&loss=hinge", 2));
        cases.put("adam mini-batches", () -> session("points=60&optimizer=adam&lr=0.01&data=spiral&layers=6,6&batch=10", 3));
        cases.put("hand edits", () -> {
            Session s = CodeExportTest.session("points=30", 1);
            s.addPoint(0.5, 0.25, 1);
            s.addPoint(-1.25, 0.75, -1);
            s.step();
            return CodeExport.Parts.of(s);
        });
        cases.put("standardised csv", () -> {
            Playground page = new Playground("#features=x,y,xy&layers=6");
            page.keeping().importCsv(scratchnet.io.CsvSamples.curve(40, 7), "auto");
            page.step();
            return CodeExport.Parts.of(page.session());
        });
        cases.put("odd weights", () -> {
            Session s = CodeExportTest.session("points=20&layers=4,3", 0);
            double[] odd = {1e-300, -0.0, 1e6, -1e6, Double.MIN_VALUE, 3.0e-5, -123456.789e-7, 0.1, 1e-7, 2.5e15, 2, 1e21,
                0.060282600563365873, 1e7, 1e-3, 123456789012.0};
            List<Value> params = s.model().parameters();
            for (int i = 0; i < params.size(); i++) {
                params.get(i).data = odd[i % odd.length] * (i % 3 == 0 ? -1 : 1);
            }
            return CodeExport.Parts.of(s);
        });
        cases.put("every feature, six gaussians", () -> {
            Dataset data = Dataset.generate(Shape.GAUSSIANS, 36, 0.05, 6, new Rng(13));
            MLP model = new MLP(Features.parse("siny,sinx,xy,y2,x2,y,x"), new int[] {6, 6}, Activation.RELU, Activation.LINEAR,
                    new Rng(14));
            CodeExport.Parts p = CodeExportTest.parts(model, data, Loss.CROSS_ENTROPY, 0.1);
            p.l2 = 0.001;
            CodeExportTest.train(p, 2);
            return p;
        });
        cases.put("two logits", () -> {
            Dataset data = Dataset.generate(Shape.MOONS, 30, 0.1, new Rng(11));
            MLP model = new MLP(Features.XY, new int[] {6, 2}, Activation.TANH, Activation.LINEAR, new Rng(12));
            CodeExport.Parts p = CodeExportTest.parts(model, data, Loss.CROSS_ENTROPY, 0.1);
            p.optimizer = "momentum";
            p.decay = 0.01;
            CodeExportTest.train(p, 2);
            return p;
        });
        cases.put("regression mse", () -> {
            Dataset data = Dataset.generate(Shape.BUMPS, 30, 0, 0, new Rng(17));
            MLP model = new MLP(Features.XY, new int[] {8, 1}, Activation.TANH, Activation.LINEAR, new Rng(18));
            CodeExport.Parts p = CodeExportTest.parts(model, data, Loss.MEAN_SQUARED, 0.1);
            CodeExportTest.train(p, 2);
            return p;
        });
        cases.put("regression sse", () -> {
            Dataset data = Dataset.generate(Shape.PLANE, 20, 0.05, 0, new Rng(19));
            MLP model = new MLP(Features.parse("x,y,xy"), new int[] {1}, Activation.TANH, Activation.LINEAR, new Rng(20));
            CodeExport.Parts p = CodeExportTest.parts(model, data, Loss.SUM_SQUARED, 0.005);
            CodeExportTest.train(p, 1);
            return p;
        });
        cases.put("no points", () -> {
            MLP model = new MLP(Features.XY, new int[] {3, 1}, Activation.TANH, Activation.TANH, new Rng(21));
            CodeExport.Parts p = CodeExportTest.parts(model, Dataset.generate(Shape.MOONS, 0, 0, new Rng(1)), Loss.MEAN_SQUARED, 0.1);
            p.pageLoss = CodeExportTest.pageLoss(p);
            return p;
        });
        return cases;
    }

    private static CodeExport.Parts session(String hash, int steps) {
        return CodeExport.Parts.of(CodeExportTest.session(hash, steps));
    }

    private static String sha256(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        StringBuilder s = new StringBuilder();
        for (byte b : digest) {
            s.append(String.format("%02x", b));
        }
        return s.toString();
    }
}
