package scratchnet.playground.export;

import scratchnet.playground.Playground;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;
import scratchnet.playground.share.ModelFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.data.Rng;
import scratchnet.data.Shape;
import scratchnet.engine.Value;
import scratchnet.nn.Activation;
import scratchnet.nn.Features;
import scratchnet.nn.MLP;
import scratchnet.train.Loss;
import scratchnet.train.Optimizer;
import scratchnet.train.Trainer;

/**
 * Writes sessions as Python and Java programs and runs them: each must recompute the page's
 * training loss (its own check, to 1e-9, must pass) and go on training as the page would. All the
 * Python runs in one {@code python3} and all the Java in one JVM ({@link ProgramRunner}), not a
 * process per file: a {@code java Model.java} of its own costs a fresh JVM and compiler each time.
 * Without {@code python3} on the PATH these tests fail, never skip.
 */
class CodeExportTest {
    private static final long TIMEOUT_SECONDS = 120;
    private static final Pattern RECOMPUTED = Pattern.compile("^recomputed loss (\\S+)$", Pattern.MULTILINE);
    private static final Pattern PAGE = Pattern.compile("^page loss +(\\S+)$", Pattern.MULTILINE);
    private static final Pattern ACCURACY = Pattern.compile("^accuracy (\\S+)$", Pattern.MULTILINE);
    private static final Pattern STEP = Pattern.compile("^step (\\d+) loss (\\S+)(?: accuracy (\\S+))?$", Pattern.MULTILINE);
    // The largest differences seen, printed at the end (as golden tests do); CodeExportRawTest's too.
    private static double worstCheck;
    private static double worstTraining;

    @TempDir
    Path dir;

    @AfterAll
    static void report() {
        System.out.printf(Locale.ROOT, "Exported programs run so far: recomputed vs page loss, largest relative difference %.3g;"
                + " training steps vs the page's (raw examples: the JVM's plain SGD), %.3g%n", worstCheck, worstTraining);
    }

    // ---- sessions of every kind the page has today ----

    @Test
    void defaultMoonsTanhMse() throws Exception {
        runBoth(session("", 0), true);
    }

    @Test
    void reluHiddenLinearOutputSumOfSquares() throws Exception {
        runBoth(session("points=60&layers=6&activation=relu&output=linear&loss=sse&lr=0.005", 10), true);
    }

    @Test
    void sigmoidHiddenLayers() throws Exception {
        runBoth(session("points=60&activation=sigmoid&layers=5,4", 5), true);
    }

    @Test
    void aDifferentNewActivationInEachHiddenLayer() throws Exception {
        runBoth(session("points=60&layers=5,4,4&activation=gelu,leaky,swish&lr=0.1", 10), true);
        runBoth(session("points=60&data=spiral&classes=3&layers=6,5,4&activation=elu,softplus,sine&loss=ce&output=linear&lr=0.1", 10), true);
    }

    @Test
    void hinge() throws Exception {
        runBoth(session("points=60&loss=hinge&lr=0.1&data=circles", 5), true);
    }

    @Test
    void noHiddenLayer() throws Exception {
        runBoth(session("layers=0&data=gaussians", 0), true);
    }

    @Test
    void trainedForAWhile() throws Exception {
        runBoth(session("points=60&data=xor&layers=8,6", 300), true);
    }

    @Test
    void handAddedAndRemovedPoints() throws Exception {
        Session s = session("points=60", 10);
        s.addPoint(0.5, 0.25, 1);
        s.addPoint(-1.25, 0.75, -1);
        s.addPoint(2.125, -0.5, 1);
        assertTrue(s.removeNearest(s.train().points.get(3).x, s.train().points.get(3).y, 0.01, false));
        s.step();
        String python = CodeExport.python(s);
        assertTrue(python.contains("edited by hand"), "the header says so");
        runBoth(s, true);
    }

    @Test
    void l2() throws Exception {
        runBoth(session("points=60&layers=6,6&l2=0.01&lr=0.1", 20), true);
    }

    @Test
    void l1() throws Exception {
        Session s = session("points=60&layers=6,6&l1=0.01&lr=0.1", 20);
        assertTrue(CodeExport.python(s).contains("L1 = 0.01"), "the constant");
        runBoth(s, true);
    }

    @Test
    void l1AndL2WithStepDecayAndWarmUp() throws Exception {
        // Steps 3 to 12: the end of the warm-up, then a halving every 4 steps.
        Session s = session("points=60&layers=6&l1=0.003&l2=0.001&schedule=step&every=4&factor=0.5&warmup=4&lr=0.4", 2);
        assertTrue(CodeExport.java(s).contains("Schedule: step: times 0.5 every 4 steps, linear warm-up over 4 steps"));
        runBoth(s, true);
    }

    @Test
    void cosineWithDecay() throws Exception {
        runBoth(session("points=60&layers=6&schedule=cosine&every=12&factor=0.1&decay=0.01&lr=0.3", 5), true);
    }

    @Test
    void exponentialWithMomentum() throws Exception {
        runBoth(session("points=60&layers=6&schedule=exp&every=5&factor=0.7&optimizer=momentum&lr=0.1", 5), true);
    }

    @Test
    void microgradsScheduleAcrossStep100() throws Exception {
        // micrograd's demo: 1.0 - 0.9 k / 100 whatever lr says; the export's steps 96 to 105 cross k = 100.
        Session s = session("points=60&layers=6&schedule=micrograd&lr=0.001&loss=hinge", 95);
        assertEquals(0.1, s.trainer().learningRate(100), 1e-15);
        runBoth(s, true);
    }

    @Test
    void momentumWithDecay() throws Exception {
        Session s = session("points=60&layers=6,6&optimizer=momentum&lr=0.05&decay=0.01", 20);
        assertTrue(CodeExport.java(s).contains("the velocity) starts afresh"), "the header says so");
        runBoth(s, true);
    }

    @Test
    void adam() throws Exception {
        runBoth(session("points=60&optimizer=adam&lr=0.01&data=spiral&layers=6,6,6", 20), true);
    }

    @Test
    void miniBatchesTrainFullBatchInTheExport() throws Exception {
        Session s = session("points=60&layers=6,6&batch=10&lr=0.1", 30);
        assertTrue(CodeExport.python(s).contains("mini-batches of 10 points; this file trains on all 48"));
        runBoth(s, false);
    }

    @Test
    void dropoutIsNamedInTheHeaderAndTheFileTrainsWithout() throws Exception {
        Session s = session("points=60&layers=6,6&dropout=0.25&lr=0.1", 5);
        String header = "The page trains with dropout 0.25 (each hidden output kept with probability 0.75, scaled by 1/0.75);";
        assertTrue(CodeExport.python(s).contains(header), CodeExport.python(s));
        assertTrue(CodeExport.java(s).contains(header));
        assertFalse(CodeExport.python(session("points=60&layers=6,6&lr=0.1", 5)).contains("trains with dropout"));
    }

    // ---- every kind of problem the core trains, exported from its parts ----

    @Test
    void circlesOnSquaresWithNoHiddenLayer() throws Exception {
        // x^2 and y^2 make the circles linearly separable: one tanh neuron suffices.
        Dataset data = Dataset.generate(Shape.CIRCLES, 60, 0.05, new Rng(5));
        MLP model = new MLP(Features.parse("x2,y2"), new int[] {1}, Activation.TANH, Activation.TANH, new Rng(6));
        CodeExport.Parts p = parts(model, data, Loss.MEAN_SQUARED, 0.3);
        train(p, 10);
        String python = CodeExport.python(p);
        assertTrue(python.contains("return [x * x, y * y]"), "the features in the graph");
        assertTrue(python.contains("Inputs:   x^2, y^2,"), "the header names them");
        runBoth(p);
    }

    @Test
    void sinesAndProductWithATanhHiddenLayer() throws Exception {
        Dataset data = Dataset.generate(Shape.XOR, 60, 0.05, new Rng(7));
        // Asked in any order, the features come in the fixed order x*y, sin x, sin y.
        MLP model = new MLP(Features.parse("siny,xy,sinx"), new int[] {6, 1}, Activation.TANH, Activation.TANH, new Rng(8));
        CodeExport.Parts p = parts(model, data, Loss.HINGE, 0.1);
        p.l2 = 0.001;
        train(p, 10);
        assertTrue(CodeExport.python(p).contains("return [x * y, x.sin(), y.sin()]"));
        assertTrue(CodeExport.java(p).contains("return List.of(x.mul(y), x.sin(), y.sin());"));
        runBoth(p);
    }

    @Test
    void spiralOfThreeClassesWithCrossEntropy() throws Exception {
        Dataset data = Dataset.generate(Shape.SPIRAL, 90, 0.05, 3, new Rng(9));
        MLP model = new MLP(Features.XY, new int[] {8, 8, 3}, Activation.TANH, Activation.LINEAR, new Rng(10));
        CodeExport.Parts p = parts(model, data, Loss.CROSS_ENTROPY, 0.01);
        p.optimizer = "adam";
        train(p, 20);
        String python = CodeExport.python(p);
        assertTrue(python.contains("Problem:  3 classes, labels 0 to 2; the largest of the 3 outputs is the class"), "the header");
        assertTrue(python.contains("Loss:     ce, mean softmax cross-entropy"), "the header");
        runBoth(p);
    }

    @Test
    void moonsWithTwoLogits() throws Exception {
        // Two classes with ce: two outputs, and the labels -1 and +1 become the class indices 0 and 1.
        Dataset data = Dataset.generate(Shape.MOONS, 60, 0.1, new Rng(11));
        MLP model = new MLP(Features.XY, new int[] {6, 2}, Activation.TANH, Activation.LINEAR, new Rng(12));
        CodeExport.Parts p = parts(model, data, Loss.CROSS_ENTROPY, 0.1);
        p.optimizer = "momentum";
        p.decay = 0.01;
        train(p, 10);
        String python = CodeExport.python(p);
        assertTrue(python.contains("two classes, -1 and +1 on the page, here 0 and 1"), "the header");
        for (Point point : data.points) {
            String row = "(" + PythonCode.number(point.x) + ", " + PythonCode.number(point.y) + ", " + point.classIndex() + "),";
            assertTrue(python.contains(row), row);
        }
        runBoth(p);
    }

    @Test
    void sixGaussians() throws Exception {
        Dataset data = Dataset.generate(Shape.GAUSSIANS, 72, 0.05, 6, new Rng(13));
        assertEquals(6, data.classes);
        MLP model = new MLP(Features.XY, new int[] {8, 6}, Activation.RELU, Activation.LINEAR, new Rng(14));
        CodeExport.Parts p = parts(model, data, Loss.CROSS_ENTROPY, 0.1);
        p.l2 = 0.001;
        train(p, 10);
        runBoth(p);
    }

    @Test
    void everyFeatureOnYinYang() throws Exception {
        Dataset data = Dataset.generate(Shape.YINYANG, 60, 0, 3, new Rng(15));
        MLP model = new MLP(Features.parse("siny,sinx,xy,y2,x2,y,x"), new int[] {6, 3}, Activation.TANH, Activation.LINEAR,
                new Rng(16));
        CodeExport.Parts p = parts(model, data, Loss.CROSS_ENTROPY, 0.1);
        train(p, 5);
        assertTrue(CodeExport.python(p).contains("return [x, y, x * x, y * y, x * y, x.sin(), y.sin()]"));
        assertTrue(CodeExport.java(p).contains("return List.of(x, y, x.mul(x), y.mul(y), x.mul(y), x.sin(), y.sin());"));
        runBoth(p);
    }

    @Test
    void standardisedInputsOnCoordinatesInTheThousands() throws Exception {
        for (String hash : new String[] {"", "#features=x,y,xy&layers=6"}) {
            Playground page = new Playground(hash);
            page.keeping().importCsv(scratchnet.io.CsvSamples.curve(80, 7), "auto");
            for (int k = 0; k < 30; k++) {
                assertTrue(page.step());
            }
            Session s = page.session();
            scratchnet.nn.Scaling c = s.model().scaling;
            String python = CodeExport.python(s);
            assertTrue(python.contains("    x = (x - " + c.meanX + ") * Value(" + c.spreadX + ") ** -1\n"), python);
            assertTrue(CodeExport.java(s).contains("        y = y.sub(" + c.meanY + ").mul(new Value(" + c.spreadY + ").pow(-1));\n"));
            runBoth(s, true);
        }
    }

    @Test
    void regressionOfBumpsWithMeanSquaredError() throws Exception {
        Dataset data = Dataset.generate(Shape.BUMPS, 60, 0, 0, new Rng(17));
        assertTrue(data.isRegression());
        MLP model = new MLP(Features.XY, new int[] {8, 8, 1}, Activation.TANH, Activation.LINEAR, new Rng(18));
        CodeExport.Parts p = parts(model, data, Loss.MEAN_SQUARED, 0.1);
        train(p, 10);
        String python = CodeExport.python(p);
        assertTrue(python.contains("Problem:  regression: each point's target is a real number"), "the header");
        Point first = data.points.get(0);
        assertTrue(python.contains("(" + PythonCode.number(first.x) + ", " + PythonCode.number(first.y) + ", "
                + PythonCode.number(first.target) + "),"), "the target is the third number");
        runBoth(p); // which checks that no accuracy is printed
    }

    @Test
    void regressionOfAPlaneWithSumOfSquares() throws Exception {
        Dataset data = Dataset.generate(Shape.PLANE, 40, 0.05, 0, new Rng(19));
        MLP model = new MLP(Features.parse("x,y,xy"), new int[] {1}, Activation.TANH, Activation.LINEAR, new Rng(20));
        CodeExport.Parts p = parts(model, data, Loss.SUM_SQUARED, 0.005);
        train(p, 5);
        runBoth(p);
    }

    @Test
    void lossesThatDoNotFitTheDataOrTheOutputsAreRefused() {
        Dataset three = Dataset.generate(Shape.SPIRAL, 12, 0, 3, new Rng(1));
        Dataset two = Dataset.generate(Shape.MOONS, 12, 0, new Rng(1));
        MLP one = new MLP(Features.XY, new int[] {1}, Activation.TANH, Activation.TANH, new Rng(1));
        MLP threeOut = new MLP(Features.XY, new int[] {3}, Activation.TANH, Activation.LINEAR, new Rng(1));
        for (CodeExport.Parts p : List.of(parts(one, three, Loss.MEAN_SQUARED, 0.1), parts(one, two, Loss.CROSS_ENTROPY, 0.1),
                parts(threeOut, two, Loss.CROSS_ENTROPY, 0.1), parts(threeOut, three, Loss.HINGE, 0.1),
                parts(one, Dataset.generate(Shape.PLANE, 12, 0, 0, new Rng(1)), Loss.HINGE, 0.1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CodeExport.java(p));
            assertTrue(e.getMessage().startsWith("the loss " + p.loss.label + " does not fit"), e.getMessage());
        }
    }

    @Test
    void rawInputsOtherThanAPointAreRefused() {
        // The session's path: python(Session) and java(Session) export Parts.of(session).
        CodeExport.Parts p = parts(new MLP(3, new int[] {2, 1}), Dataset.generate(Shape.MOONS, 10, 0, new Rng(1)), Loss.MEAN_SQUARED, 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CodeExport.python(p));
        assertTrue(e.getMessage().contains("3 raw inputs"), e.getMessage());
        assertTrue(e.getMessage().contains("RawExamples"), "it says how to export one: " + e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CodeExport.java(p));
    }

    // ---- odd and hostile cases ----

    @Test
    void extremeWeightsStillGiveValidCodeAndTheSameLoss() throws Exception {
        double[] odd = {1e-300, -0.0, 1e6, -1e6, Double.MIN_VALUE, 3.0e-5, -123456.789e-7, 0.1, 1e-7, 2.5e15};
        for (String hash : new String[] {"layers=4,3", "layers=5&activation=sigmoid", "layers=4&activation=relu&output=linear"}) {
            Session s = session("points=30&" + hash, 0);
            List<Value> params = s.model().parameters();
            for (int i = 0; i < params.size(); i++) {
                params.get(i).data = odd[i % odd.length] * (i % 3 == 0 ? -1 : 1);
            }
            // Training may stop at once (a saturated or exploding network); the check must still pass.
            Result python = run(s, Language.PYTHON);
            Result java = run(s, Language.JAVA);
            for (Result r : List.of(python, java)) {
                assertEquals(Double.doubleToLongBits(s.readout().trainLoss), Double.doubleToLongBits(r.page), r.output);
            }
        }
    }

    @Test
    void noTrainingPoints() throws Exception {
        Session s = session("", 3);
        s.clearPoints();
        assertEquals(0, s.readout().trainLoss);
        for (Language language : Language.values()) {
            Result r = run(s, language);
            assertEquals(0.0, r.recomputed, r.output);
            assertEquals(CodeExport.STEPS, r.losses.size(), r.output);
        }
    }

    @Test
    void numbersReadBackToTheSameDouble() throws Exception {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1e-300, -1e-300, Double.MIN_VALUE, -Double.MIN_VALUE,
                Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 1e6, -1e6, 1e7, 1e-3, 1e-4, 1e-5, 0.1, 1.0 / 3,
                2.0, 1e15, 1e16, 1e22, 1e23, 123456789.123, 2e-3, 9007199254740993.0, Math.PI, Math.ulp(1.0),
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        Rng rng = new Rng(7);
        for (int i = 0; i < 300; i++) {
            long bits = (long) (rng.uniform(0, 1) * (1L << 52)) << 12 ^ (long) (rng.uniform(0, 1) * (1L << 40));
            double v = Double.longBitsToDouble(bits);
            values.add(Double.isNaN(v) ? rng.uniform(-1, 1) : v);
        }
        StringBuilder py = new StringBuilder("import math, struct, sys\nbad = 0\n");
        StringBuilder java = new StringBuilder("public class Numbers {\n  static int bad = 0;\n"
                + "  static void check(double v, long bits) {\n"
                + "    if (Double.isNaN(v) ? !Double.isNaN(Double.longBitsToDouble(bits)) : Double.doubleToRawLongBits(v) != bits) {\n"
                + "      System.out.println(\"wrong: \" + v); bad++;\n    }\n  }\n"
                + "  public static void main(String[] a) {\n");
        for (double v : values) {
            long bits = Double.doubleToRawLongBits(v);
            py.append(Double.isNaN(v) ? "if not math.isnan(" + PythonCode.number(v) + "):\n    bad += 1\n"
                    : "if struct.unpack('<q', struct.pack('<d', " + PythonCode.number(v) + "))[0] != " + bits
                    + ":\n    print('wrong', " + PythonCode.number(v) + ")\n    bad += 1\n");
            java.append("    check(").append(JavaCode.number(v)).append(", ").append(bits).append("L);\n");
        }
        py.append("print('checked', ").append(values.size()).append(", 'bad', bad)\nsys.exit(1 if bad else 0)\n");
        java.append("    System.out.println(\"checked ").append(values.size())
                .append(" bad \" + bad);\n    System.exit(bad > 0 ? 1 : 0);\n  }\n}\n");
        Result p = PYTHON.run("run", write("numbers.py", py.toString()));
        assertEquals(0, p.exit, p.output);
        Result j = JAVA.run("run", write("Numbers.java", java.toString()));
        assertEquals(0, j.exit, j.output);
    }

    @Test
    void theLargestNetworkAndDataCompile() throws Exception {
        // Too slow to train in Python, but it must be valid code: Java's 64 KB per method, above all.
        Session s = session("points=1000&split=100&layers=32,32,32,32,32,32", 0);
        for (int i = 0; i < 600; i++) {
            s.addPoint((i % 40) * 0.1 - 2, (i / 40) * 0.1 - 1, i % 2 == 0 ? 1 : -1);
        }
        assertEquals(1600, s.train().size());
        Result p = PYTHON.run("compile", write(CodeExport.PYTHON_NAME, CodeExport.python(s)));
        assertEquals(0, p.exit, p.output);
        Result j = JAVA.run("compile", write(CodeExport.JAVA_NAME, CodeExport.java(s)));
        assertEquals(0, j.exit, j.output);
    }

    @Test
    void filesAreAscii() {
        Session s = session("optimizer=adam&l2=0.001&decay=0.1&batch=20&l1=0.001&schedule=cosine&warmup=5", 3);
        for (String text : List.of(CodeExport.python(s), CodeExport.java(s))) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) > 126 || (text.charAt(i) < 32 && text.charAt(i) != '\n')) {
                    fail("not printable ASCII at " + i + ": " + text.substring(Math.max(0, i - 40), i + 1));
                }
            }
        }
    }

    @Test
    void theRunnersReportExitStatusOutputAndErrorsAsTheirOwnProcessWould() throws Exception {
        Result p = PYTHON.run("run", write("exits.py", "import sys\nprint('out')\nprint('err', file=sys.stderr)\nsys.exit(3)\n"));
        assertEquals(3, p.exit, p.output);
        assertEquals("out\nerr\n", p.output);
        p = PYTHON.run("run", write("raises.py", "print('before')\nraise ValueError('no')\n"));
        assertEquals(1, p.exit, p.output);
        assertTrue(p.output.startsWith("before\nTraceback") && p.output.contains("ValueError: no"), p.output);
        assertEquals(1, PYTHON.run("compile", write("bad.py", "def f(:\n")).exit);
        // Exits ends the runner's JVM with its status; the next program gets a fresh one.
        Result j = JAVA.run("run", write("Exits.java", "public class Exits { public static void main(String[] a) {"
                + " System.out.println(\"out\"); System.err.println(\"err\"); System.exit(3); } }"));
        assertEquals(3, j.exit, j.output);
        assertEquals("out\nerr\n", j.output);
        j = JAVA.run("run", write("Raises.java", "public class Raises { public static void main(String[] a) {"
                + " System.out.println(\"before\"); throw new IllegalStateException(\"no\"); } }"));
        assertEquals(1, j.exit, j.output);
        assertTrue(j.output.startsWith("before\n") && j.output.contains("IllegalStateException: no"), j.output);
        j = JAVA.run("run", write("Var.java", "public class Var { public static void main(String[] a) { var s = \"\".isBlank(); } }"));
        assertEquals(0, j.exit, "Java 11 has var and isBlank: " + j.output);
        j = JAVA.run("compile", write("Newer.java", "public class Newer { Object o = \"\".stripIndent(); }"));
        assertEquals(1, j.exit, "String.stripIndent is Java 15's: " + j.output);
    }

    // ---- running the programs ----

    enum Language { PYTHON, JAVA }

    /** The parts of an export of {@code model} on {@code train} with {@code loss} and plain SGD, at step 0; {@link #train} fills in the page's loss. */
    static CodeExport.Parts parts(MLP model, Dataset train, Loss loss, double learningRate) {
        CodeExport.Parts p = new CodeExport.Parts();
        p.model = model;
        p.train = train;
        p.loss = loss;
        p.learningRate = learningRate;
        p.source = "a test";
        return p;
    }

    /** Trains the parts' model {@code steps} full-batch steps (0 or more) as the page would, and takes the page's loss after them. */
    static void train(CodeExport.Parts p, int steps) {
        Trainer t = trainer(p.model, p);
        t.resumeAt(p.step);
        for (int k = 0; k < steps; k++) {
            assertFalse(t.step().diverged, "diverged at step " + k);
        }
        p.step = t.steps();
        p.pageLoss = pageLoss(p);
    }

    /** The training loss as the playground shows it: every training point's outputs, then the loss on plain numbers. */
    static double pageLoss(CodeExport.Parts p) {
        double[] out = new double[p.train.size() * p.model.nout()];
        p.model.snapshot().outputs(p.model.inputs(p.train), out);
        return p.loss.value(out, p.loss.targets(p.train));
    }

    private static Trainer trainer(MLP model, CodeExport.Parts p) {
        Trainer t = new Trainer(model, p.train, p.loss, Optimizer.byLabel(p.optimizer), new Rng(1));
        t.learningRate = p.learningRate;
        t.decay = p.decay;
        t.schedule = p.schedule;
        t.l1 = p.l1;
        t.l2 = p.l2;
        return t;
    }

    static final class Result {
        final int exit;
        final String output;
        double recomputed = Double.NaN;
        double page = Double.NaN;
        double accuracy = Double.NaN; // at the exported weights; NaN if none was printed
        final List<Double> losses = new ArrayList<>();
        final List<Integer> steps = new ArrayList<>();
        final List<Double> accuracies = new ArrayList<>(); // NaN where a step printed none

        Result(int exit, String output) {
            this.exit = exit;
            this.output = output;
            Matcher m = RECOMPUTED.matcher(output);
            if (m.find()) {
                recomputed = Double.parseDouble(m.group(1));
            }
            m = PAGE.matcher(output);
            if (m.find()) {
                page = Double.parseDouble(m.group(1));
            }
            m = ACCURACY.matcher(output);
            if (m.find()) {
                accuracy = Double.parseDouble(m.group(1));
            }
            m = STEP.matcher(output);
            while (m.find()) {
                steps.add(Integer.parseInt(m.group(1)));
                losses.add(Double.parseDouble(m.group(2)));
                accuracies.add(m.group(3) == null ? Double.NaN : Double.parseDouble(m.group(3)));
            }
        }
    }

    static Session session(String hash, int steps) {
        Settings.Parsed parsed = Settings.fromHash(hash);
        assertEquals(List.of(), parsed.notes, hash);
        Session s = new Session(parsed.settings);
        for (int k = 0; k < steps; k++) {
            assertTrue(!s.step().diverged, hash + " diverged at step " + k);
        }
        return s;
    }

    /**
     * Runs both programs and checks them: exit status 0, the page's loss read back exactly, the
     * recomputed loss within 1e-9, and, when the page trains on full batches, the same losses as
     * the page's next steps (from an imported copy, whose optimiser starts afresh as the export's
     * does). Either way the last step's loss must be below the first's.
     */
    void runBoth(Session s, boolean fullBatch) throws Exception {
        List<Trainer.Result> expected = new ArrayList<>();
        Session copy = new Session(new Settings());
        ModelFile.load(ModelFile.read(ModelFile.write(s)), copy);
        for (int k = 0; k < CodeExport.STEPS; k++) {
            expected.add(copy.step());
        }
        for (Language language : Language.values()) {
            check(run(s, language), language, s.readout().trainLoss, s.trainer().steps(), fullBatch ? expected : null);
        }
    }

    /** As {@link #runBoth(Session, boolean)}, for parts: the page's next steps are a fresh trainer's on a copy of the model. */
    void runBoth(CodeExport.Parts p) throws Exception {
        Trainer t = trainer(p.model.copy(), p);
        t.resumeAt(p.step);
        List<Trainer.Result> expected = new ArrayList<>();
        for (int k = 0; k < CodeExport.STEPS; k++) {
            expected.add(t.step());
        }
        for (Language language : Language.values()) {
            check(run(p, language), language, p.pageLoss, p.step, expected);
        }
    }

    /**
     * One program's output: the page's loss read back exactly, the recomputed loss within 1e-9,
     * {@link CodeExport#STEPS} finite losses going down, and, given the page's next steps, each
     * loss within 1e-9 of the page's and the same accuracies (none printed for regression).
     */
    static void check(Result r, Language language, double pageLoss, int step, List<Trainer.Result> expected) {
        String where = language + ":\n" + r.output;
        assertEquals(Double.doubleToLongBits(pageLoss), Double.doubleToLongBits(r.page), "page loss embedded exactly; " + where);
        double check = relative(r.recomputed, pageLoss);
        worstCheck = Math.max(worstCheck, check);
        assertTrue(check <= 1e-9, "recomputed loss " + r.recomputed + " vs " + pageLoss + "; " + where);
        assertEquals(CodeExport.STEPS, r.losses.size(), where);
        if (expected != null) {
            // The first step's accuracy is the one at the exported weights, before its update.
            assertEquals(expected.get(0).accuracy, r.accuracy, "accuracy at the exported weights; " + where);
        }
        for (int k = 0; k < r.losses.size(); k++) {
            assertEquals(step + k + 1, r.steps.get(k), where);
            assertTrue(Double.isFinite(r.losses.get(k)), where);
            if (expected != null) {
                double d = relative(r.losses.get(k), expected.get(k).loss);
                worstTraining = Math.max(worstTraining, d);
                assertTrue(d <= 1e-9, "step " + r.steps.get(k) + ": " + r.losses.get(k) + " vs the page's "
                        + expected.get(k).loss + "; " + where);
                assertEquals(expected.get(k).accuracy, r.accuracies.get(k), "step " + r.steps.get(k) + "'s accuracy; " + where);
            }
        }
        assertTrue(r.losses.get(r.losses.size() - 1) < r.losses.get(0), "the loss goes down; " + where);
    }

    /** The programs' own measure: relative to the larger, or to 0.001 near 0. */
    static double relative(double a, double b) {
        return a == b ? 0 : Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), 1e-3);
    }

    Result run(Session s, Language language) throws Exception {
        return run(language == Language.PYTHON ? CodeExport.python(s) : CodeExport.java(s), language);
    }

    Result run(CodeExport.Parts p, Language language) throws Exception {
        return run(language == Language.PYTHON ? CodeExport.python(p) : CodeExport.java(p), language);
    }

    private Result run(String code, Language language) throws Exception {
        return run(code, language, dir);
    }

    /** Runs an exported program, written in {@code dir}: it must exit with 0 and its check must pass. */
    static Result run(String code, Language language, Path dir) throws Exception {
        Result r;
        if (language == Language.PYTHON) {
            r = PYTHON.run("run", write(dir, CodeExport.PYTHON_NAME, code));
        } else {
            // --release 11: compiled as Java 11 would, so the file keeps to Java 11.
            r = JAVA.run("run", write(dir, CodeExport.JAVA_NAME, code));
        }
        assertEquals(0, r.exit, language + " exited with " + r.exit + ":\n" + r.output);
        assertTrue(r.output.contains("they agree"), r.output);
        return r;
    }

    /** Writes the file {@code name} in this test's directory and returns its path. */
    private Path write(String name, String text) throws IOException {
        return write(dir, name, text);
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    /**
     * Runs one {@code python3} for all the Python files: each file in a fresh namespace as
     * {@code __main__} (runpy), its SystemExit its exit status, print and errors its output;
     * "compile" is {@code python3 -m py_compile}. Requests and answers as {@link ProgramRunner}'s.
     */
    private static final String PYTHON_DRIVER = String.join("\n",
            "import contextlib, os, py_compile, runpy, sys, traceback",
            "for line in sys.stdin:",
            "    verb, path, out_path = line.rstrip('\\n').split(' ', 2)",
            "    status = 0",
            "    here = os.getcwd()",
            "    with open(out_path, 'w') as out, contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):",
            "        try:",
            "            os.chdir(os.path.dirname(path))",
            "            if verb == 'compile':",
            "                py_compile.compile(path, doraise=True)",
            "            else:",
            "                runpy.run_path(path, run_name='__main__')",
            "        except SystemExit as e:",
            "            if isinstance(e.code, int) or e.code is None:",
            "                status = e.code or 0",
            "            else:",
            "                print(e.code, file=sys.stderr)",
            "                status = 1",
            "        except BaseException:",
            "            traceback.print_exc()",
            "            status = 1",
            "        finally:",
            "            os.chdir(here)",
            "    print(status, flush=True)",
            "");

    private static final Child PYTHON = new Child("python3", List.of("python3", "-c", PYTHON_DRIVER),
            "install it (Debian: apt-get install python3)");
    private static final Child JAVA = new Child("java", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", testClasses(), ProgramRunner.class.getName()), "it is this JVM's own java");

    private static String testClasses() {
        try {
            return Path.of(ProgramRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopChildren() {
        PYTHON.stop();
        JAVA.stop();
    }

    /**
     * One interpreter process that runs program after program, started on the first request and
     * again after a program ends it (System.exit in Java). Without it (no python3 on the PATH)
     * the tests fail, never skip.
     */
    static final class Child {
        private final String name;
        private final List<String> command;
        private final String remedy;
        private Process process;
        private BufferedWriter requests;
        private BlockingQueue<String> answers;
        private int count;

        Child(String name, List<String> command, String remedy) {
            this.name = name;
            this.command = command;
            this.remedy = remedy;
        }

        /** Compiles ("compile") or runs ("run") the file {@code file}, within {@value #TIMEOUT_SECONDS} s. */
        synchronized Result run(String verb, Path file) throws IOException, InterruptedException {
            if (process == null) {
                start();
            }
            Path out = file.resolveSibling(file.getFileName() + "." + ++count + ".out");
            requests.write(verb + " " + file.toAbsolutePath() + " " + out.toAbsolutePath() + "\n");
            requests.flush();
            String answer = answers.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (answer == null) {
                stop();
                fail(name + " " + verb + " " + file + " took over " + TIMEOUT_SECONDS + " s:\n" + read(out));
            }
            int exit;
            if (answer.equals(EOF)) { // it ended, with the program's status
                process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                exit = process.exitValue();
                process = null;
            } else {
                exit = Integer.parseInt(answer);
            }
            return new Result(exit, read(out));
        }

        private static String read(Path out) throws IOException {
            return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        }

        private void start() {
            try {
                process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            } catch (IOException e) {
                fail(name + " does not start, and CodeExportTest runs the exported programs with it: " + remedy + ". " + e);
            }
            requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            BlockingQueue<String> queue = new LinkedBlockingQueue<>();
            answers = queue;
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Thread reader = new Thread(() -> {
                try {
                    for (String line; (line = lines.readLine()) != null; ) {
                        queue.add(line);
                    }
                } catch (IOException ignored) {
                    // it was stopped
                }
                queue.add(EOF);
            }, name + " answers");
            reader.setDaemon(true);
            reader.start();
        }

        synchronized void stop() {
            if (process != null) {
                process.destroyForcibly();
                process = null;
            }
        }

        private static final String EOF = "EOF"; // the answers are numbers
    }
}
