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
import scratchnet.train.Loss;

/**
 * Pins the exported programs, byte for byte on the JVM, for sessions of every kind: the SHA-256 of
 * each file as the exporter wrote it before its slots were filled by {@link CodeExport#fill}. A
 * change of the text changes a hash; if the change is meant, put the new hash here and say in the
 * commit what changed in the files.
 */
class CodeExportPinTest {
    /** Each case's name, then its Python's hash and its Java's. */
    private static final String[][] PINNED = {
        {"default moons", "9228170e856271a094d10e674bf3385b079371b062ae9bbd11acf9af051858df", "5be60b7d2fbc55e23a041f564f39ad5c133837c8090730c522913f56bfd366ab"},
        {"relu sse", "82854a4dff1104140941163fd260de0b06377b2fd2b0f9c12d9f4d56e0b1e0c0", "f67fdf50874a1a9aa7eb399294f1c16aba8e88d577cf7401346eb84f3f5de942"},
        {"three classes ce", "0ab5c9c70bdf7826d5f91a41df2656a84dda16ac78789cd4e537a13523861f20", "986f9b68020fd2b8bace8c6e192a7985af1e5f1c190043e6e15ccd36c04c9e50"},
        {"hinge l1 l2 step warm-up", "b82b5ecc0b775e579e75c3e7d00e7b8940ff5aaa7381be2898161004f3935352", "fe8b18f80bbf13db25d3b77c21abdb5b022dcb38ee7df1b1cde30639c703aec4"},
        {"cosine decay", "e4fb224eeefe90a834e0db8bd0a7a3a9fd0ab3daa89c8be47287fee6188bba27", "ad546cb355c160c83c466e93636c280636891c1436e161ffd5773fb1301a6e75"},
        {"exp momentum", "e90af4c0b88f212d5f6c8fedfce67b54d0157f8850ddad137446875e0039a57d", "02a42de5eb78644e4bfd2d9429e7af32871adee8e3e26a422c5f4998bd9f5c93"},
        {"micrograd schedule", "672019cc8c9cc05aaa9d74a5a1a6853a79fd0bccfeaafc698d3aed16e29e62aa", "963fa8695110146337787c3e0636b7f5f7ae33c893173d0f8fea9039b1c881d6"},
        {"adam mini-batches", "0e3152e27ab4af0453547f7566827bdc50576560746596595422fd0b9e4e8d28", "19394688e9deace86ac8129e720b873dccf1cc93dea41b3e9b30aedf75c27881"},
        {"hand edits", "cfdfd47d58f40d6706fcfda0121a42c169d6011c29ed295c09601ad2516b7d0a", "abe65ae0d3a89ee3832bc18a3e8b2f59522c7577a98c5d49e6d8e38793af93d1"},
        {"standardised csv", "871d401681d2f025cd7f3fc5a2d0e3496c1381c040be195c6014f8d272e9cd59", "1fdc3b3b6dc12edbc8d059cbc49d4dc19518519eb5773a3243ad7fc1faec4752"},
        {"odd weights", "03b1f3128cd14abc0ba2e598182bc279901f067b330a442c33f89a79c12f3743", "058a369e45cfd3b66a321873b4efb85bc3b5262e2919acd2ed021b0caa95e119"},
        {"every feature, six gaussians", "f55c95154e8643d73b6f36635f87ce3e14adf44b15bff072469ac00b78716665", "034e5f05934483fb82bd99176cc3337838ff73dfd127c85301dd2f40a146b82a"},
        {"two logits", "11ca7c93c8440cb4e75ee7e6eee36a251b064cd3131412e1886248c66b4e76e8", "87e5c02bb2150eb2fe397c26c469b527dc5949f8bd434c29455a62fa1ca49da5"},
        {"regression mse", "5666974cdcb7eaf2131fd8178a86c211cd34fda28637168f0b0bd1c45910c450", "93a33bf6948adcefe7787e6944f0d69c0e6b2cb3a2f37c9e731cfc3e95a324ad"},
        {"regression sse", "73af0d19c8d5a61797fc81a34aefa422e6383b9ed98c166ded472adaf2a3c660", "56274792ff06f515fbbcfb1527e5a98ee0fd66171f184d91a2a237c980e04af3"},
        {"no points", "bd4953bf00d12bf18d73fa3889518da9ebda7d361b534779995a48e658895de3", "60f765a5d0994697b98e9a58cd2237f85469475ca28193f2288ffcf0201431b7"},
    };

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
