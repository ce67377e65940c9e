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
        {"default moons", "3d83905b26a5741450b18e5682ed869d7d7b17d7d49a2ce5fa5e6fa4661160fc", "e33a7e24165a2f2b2b394c0ce480bb3731824c25135a2209350bcc930eae5ea3"},
        {"relu sse", "a07f4de8273b242b7f2d1609975b0cdeaac65670145cac728096a3a6416f14c5", "abe6cea38234839348c118c5ab992e4c9b49338c9c551131f0677431feb39a3d"},
        {"three classes ce", "b53ee8c1aaaa82278a1e68fdc5f844029ecb56aa9f72ab50346c1af8abce14cc", "408849d1bf7d4f00502907516f6b95f4db871ef341fd260a1500bd6902c69da4"},
        {"hinge l1 l2 step warm-up", "14164e8af08764e91601d252cd33600805fcfce3edc3fc63c5103603d75c709f", "eec76153821f668b7397acccb89897cab4276a9033931cb87a0387628c43ac64"},
        {"cosine decay", "c2da170734b0cb7c52572609cf44a91ed49365587a52cd34c391a92d2fb68ab6", "cd3c2469483c596022a9d8b55e5c366c4bd866bd691a20f764daffb1bb92b802"},
        {"exp momentum", "10d6fbacd5d7203f4bc13979678917c33299ec88ac99683925d2839b10b227d6", "e7acb8e563ef6ce0518443f4507fd667cd785693d06938168382e4e7138d9c2a"},
        {"micrograd schedule", "a25ca30f94e08cc2d4199c73581b1f426ad6a3a20d7095bc59e46f93605fe704", "a08d598ec5158a257069483adc238952eb41de42914ca6f66b41758a67d7e90b"},
        {"adam mini-batches", "b2791b7644d41ba1eb6e86eb6499a8975c720ddfb75fb7479c33b9027806f3aa", "3848f3a7f11d7241bf17dc4a055f02428f60d62e336fc0365bff5f578f929465"},
        {"hand edits", "822477317488e8df8c24d015412e4a58241586eb2fa16f409cf9d1d40f014348", "b448e19f5598b2ce87d159210a1ec7d0c499ce6db99c15d447db6d58dd4083d0"},
        {"standardised csv", "6b2fa3edfe82c0b060c86e6a94063092b72d0a000586b2120c050894c713e092", "8c308f63a61bc1365146837191887f2db344e33c38d0a80cf16e79b4055aeaa8"},
        {"odd weights", "9b42d0aacb654c9449dfbef6e34b9548a8cc5e8cf46332f6c2c5d7ca33a5c483", "0b42a70bd7c0b82f52191e3f24f5f181603d223fecd91ebc866ca76f33a24c43"},
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
