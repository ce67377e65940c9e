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
        {"default moons", "aec9921a23afae6c3890032984e36afa54542d31c3f57279c741d3234715ae91", "54b77e42b0972b93a52d213a0f9679431926d59c8999134eb8dfcdb98384f605"},
        {"relu sse", "8cf7e67126ca3ce5c6ce98ba23c640a8c946f90b5de0dd2fd9ce4fa13255607b", "1a8b394b9145ff15ae24e1325ec956cbdc38e5b75dea6d93bb46dde3ec5c01c3"},
        {"three classes ce", "ddc2e94dc252d43024b71f007f86aea824392238c1a273348c8e8e36b54a9ca2", "70e6deb9b43b231115292d38852464689e7493780af49a1f5a86162a16692e4f"},
        {"hinge l1 l2 step warm-up", "2fc691e20cbf1c17c31e2e13ffd45de089293c5c2996966248e218d413d7ac89", "c8d5d870c238b45685f7f71ecdafc58a8e8b5504302dec1d5474eeaa45b6c0cb"},
        {"cosine decay", "cea4e0586a91be8de676fa278f614874138487b7de9e3289fa64ff6928510e6b", "f04fa60706bd4f79237d9c93b2f346e0481a336abc054ec2a421dee66c550d45"},
        {"exp momentum", "9f94f08f3bde62eaca115ddb226ecf35fe800969120b1d14a8f07ca7cbd3f919", "76dba66966b7b9f662ed02806dbc338506701c301bb3aba88f818d3f560f55e1"},
        {"micrograd schedule", "4d802187e618b7b3c91adae8ab5a4a5818f276e5faf8329d34037808f1f2bab7", "c8a645b6f6c6601bf63209ec30080f1a13a0a4eef7947ac01f8ceb79fcae096b"},
        {"adam mini-batches", "cb55611be641b6048c156655ec10db0deaf9359df2fb8b10d2a09c7a32f5c96c", "4f395da705e7bf2a1b14347c8b95b100b20918e86b9bca77cbe6e421d21cfb35"},
        {"hand edits", "2453ba429b10f83afc03586df2baed1efb3fbe4ce4c007748bc4432fd96ccb38", "2861fe2034b967f4262675d784c646796cd077b44e6551b98f4649459f904f08"},
        {"standardised csv", "51e663c23383769442bd773448b5e99a975195cf0092f745a365694fcc5e4f6e", "56592e850dc570bd5bf53fd7bfaf92da08cf1c9af46ba731c897d1c09ee3263e"},
        {"odd weights", "101b4d278111141fd9e4753810fb812137ca29b0c7a56ab6d98ba793134582fd", "664b1d03364ad0b362a869972a0d20d26b9b441f7fdd9cf4b6a09c1798c1eb19"},
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
