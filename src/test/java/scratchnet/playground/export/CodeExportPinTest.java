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
        {"default moons", "d24ef2446685dca83996183a21cbb3efb1f062936439d959513a79fd190f4def", "8c3ee4fd642236f9606d8444eab8b4c02a6e0a3d0d70bf47009eefd7e4267e50"},
        {"relu sse", "36acbf4fa793af413c961fa246abc6704df670b1310b256ac66e8805157da509", "f462ebe9b22c1bbc1f1e0a5ef9afbce916ac8f3aec1fea73b53839d2d2594ba8"},
        {"three classes ce", "4dd22f846f8846b87dcfa0343356626180a4db58c694affa4d44e240536a323a", "50172a223455e4c375c964a343e0439ebd3848cc3209ec04fbf296465b586037"},
        {"hinge l1 l2 step warm-up", "16f53ebce658c582fa80730eb6fd4faa2deed65833bb9260d81e8886926141d6", "bccfcfeee1288c94f45fd4a62d95e71cd21112c9de05f7ca98a83734c2658164"},
        {"cosine decay", "6ca212cb9d4e1bcefa510f6f30cc09f13f8fe1f2662585caa72c010d782d9167", "10da216c484e58527284fd1c75fd2b757ca1904adcc375f7d8d04481ce50380e"},
        {"exp momentum", "35cf3bda04dbf7864e6395266a2d3b073f48508452a3fe8546240ae0eb3d441e", "8571c4d998678c171fca025a0650fd61520f23b58821e503c408f5f5845be9cd"},
        {"micrograd schedule", "e474d42ff8c0b970f3f11cd7a74eea306a96b21f4831eca214839d1622b33d60", "d4c9d6e5b2610ec471e764645baf98699b28460d285e984fd86ed9fb83b608b6"},
        {"adam mini-batches", "74bd1a258e9e9b9e32410c3bd770fc956b90b356edc0f7fdd0690a45cc28b697", "4d3ad642e80b86769e7b8b85b8f1c9c612a7a0f6127580a87b3e71c2155783fd"},
        {"hand edits", "ce373361d5630024d241e6340edb3acc5d185281341392e7a6020ce9318b154c", "3da3c204dbc010ff13cdbe3f8f1acec026f5efd4c392652a5412e049b77ebdbb"},
        {"standardised csv", "0536efb430da81c64b883892f16a5072ff08aafb747e76774303c7c040391a7f", "cf30583a9480980ff3c4bbad8329110253069a11d32f44e44b5dc00397a541c6"},
        {"odd weights", "148494c4ff42c85cf4324e66f298f615112754127de660b7a0710fa33e59fefa", "83f80bc2d552286d3504ebe100421cc0598cb17ef394322ceb72343548740bee"},
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
