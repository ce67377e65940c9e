package scratchnet.playground.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scratchnet.data.Rng;
import scratchnet.engine.Value;
import scratchnet.nn.Activation;
import scratchnet.nn.MLP;
import scratchnet.nn.Snapshot;
import scratchnet.playground.export.CodeExportTest.Language;
import scratchnet.playground.export.CodeExportTest.Result;
import scratchnet.playground.inspect.ClassicExample;
import scratchnet.train.Loss;
import scratchnet.train.Trainer;

/**
 * Networks of raw inputs exported with their examples ({@link RawExamples}), above all the lesson's
 * classic example, run as Python and as Java (in {@link CodeExportTest}'s one python3 and one JVM):
 * each program must print the loss the JVM computes at the exported weights, and then, step by
 * step, the losses and accuracies of plain gradient descent on the JVM, with {@code Value} and
 * {@code backward()} as {@link ClassicExample#step()} trains.
 */
class CodeExportRawTest {
    private static final String CLASSIC = "the classic example, micrograd's";

    @TempDir
    Path dir;

    @AfterAll
    static void report() {
        CodeExportTest.report(); // the largest differences seen, these programs' among them
    }

    @Test
    void theClassicExampleAtItsFirstStep() throws Exception {
        MLP model = new MLP(3, new int[] {4, 4, 1});
        double pageLoss = pageLoss(model, ClassicExample.XS, ClassicExample.YS, Loss.SUM_SQUARED);
        assertEquals(new ClassicExample().loss(), pageLoss, "the lesson's own loss");
        RawExamples r = new RawExamples(model, ClassicExample.XS, ClassicExample.YS, Loss.SUM_SQUARED,
                ClassicExample.LEARNING_RATE, 0, pageLoss, CLASSIC);
        String python = CodeExport.python(r);
        assertTrue(python.contains("Network:  3 inputs -> 4 tanh -> 4 tanh -> 1 tanh, 41 parameters\n"), python);
        assertTrue(python.contains("Inputs:   x1, x2, x3, each example's raw inputs (no features computed)\n"), python);
        assertTrue(python.contains("Data:     4 training examples: the classic example, micrograd's\n"), python);
        assertTrue(python.contains("plain gradient descent, p.data -= lr * p.grad"), "the header says so");
        assertTrue(python.contains("# The training examples: x1, x2, x3 and the label (-1 or +1).\nPOINTS = [\n"
                + "    (2.0, 3.0, -1.0, 1.0),\n    (3.0, -1.0, 0.5, -1.0),\n    (0.5, 1.0, 1.0, -1.0),\n    (1.0, 1.0, -1.0, 1.0),\n]\n"),
                "rows of inputs, then the target");
        assertTrue(python.contains("return [model([Value(x1), Value(x2), Value(x3)]) for x1, x2, x3, _ in POINTS]"), python);
        assertTrue(python.contains("targets = [target for _, _, _, target in POINTS]"), python);
        assertFalse(python.contains("def features"), "no features computed");
        String java = CodeExport.java(r);
        assertTrue(java.contains("            {2.0, 3.0, -1.0, 1.0},\n"), java);
        assertTrue(java.contains("outputs.add(model.forward(List.of(new Value(p[0]), new Value(p[1]), new Value(p[2]))));"), java);
        assertTrue(java.contains("targets[i] = points[i][3];"), java);
        assertFalse(java.contains("static List<Value> features"), "no features computed");

        // The JVM's plain SGD is the lesson's own step, to the bit.
        List<Trainer.Result> expected = sgd(model.copy(), ClassicExample.XS, ClassicExample.YS, Loss.SUM_SQUARED,
                ClassicExample.LEARNING_RATE, CodeExport.STEPS);
        ClassicExample lesson = new ClassicExample();
        for (Trainer.Result step : expected) {
            assertEquals(step.loss, lesson.step());
        }
        runBoth(r, pageLoss, 0, expected);
    }

    @Test
    void theClassicExampleAfterTwentySteps() throws Exception {
        ClassicExample lesson = new ClassicExample();
        for (int k = 0; k < 20; k++) {
            lesson.step();
        }
        double[] predictions = lesson.predictions();
        double pageLoss = Loss.SUM_SQUARED.value(predictions, ClassicExample.YS);
        RawExamples r = new RawExamples(lesson.model, ClassicExample.XS, ClassicExample.YS, Loss.SUM_SQUARED,
                ClassicExample.LEARNING_RATE, lesson.steps(), pageLoss, CLASSIC);
        assertTrue(CodeExport.python(r).startsWith("\"\"\"ScratchNet model, exported from the playground at step 20."));
        List<Trainer.Result> expected = sgd(lesson.model.copy(), ClassicExample.XS, ClassicExample.YS, Loss.SUM_SQUARED,
                ClassicExample.LEARNING_RATE, CodeExport.STEPS);
        for (Trainer.Result step : expected) {
            assertEquals(step.loss, lesson.step(), "the lesson's own next steps");
        }
        runBoth(r, pageLoss, 20, expected);
    }

    @Test
    void twoInputsReluHiddenLinearOutputRegression() throws Exception {
        // A network of two inputs reads x and y on the page; here its inputs are the rows as they are.
        MLP model = new MLP(2, new int[] {6, 1}, Activation.RELU, Activation.LINEAR, new Rng(5));
        double[][] xs = {{0.5, -1}, {1.5, 2}, {-2, 0.25}, {1, 1}, {-0.75, -1.5}, {3, -0.5}};
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = 0.5 * xs[i][0] - xs[i][1] * xs[i][1] / 4;
        }
        exportAndRun(model, xs, ys, Loss.MEAN_SQUARED, 0.05, 3);
        String python = CodeExport.python(new RawExamples(model, xs, ys, Loss.MEAN_SQUARED, 0.05, 0, 0, ""));
        assertTrue(python.contains("Inputs:   x1, x2, each example's raw inputs"), python);
        assertTrue(python.contains("Problem:  regression: each example's target is a real number"), python);
        assertTrue(python.contains("Data:     6 training examples\n"), "no source, none said");
    }

    @Test
    void hingeWithGeluHiddenOnFiveInputs() throws Exception {
        MLP model = new MLP(5, new int[] {4, 1}, Activation.GELU, Activation.TANH, new Rng(6));
        double[][] xs = {{1, 0, -1, 2, 0.5}, {-1, 1, 0, -0.5, 1}, {0.25, -2, 1, 1, -1}, {2, 2, -2, 0, 0}};
        exportAndRun(model, xs, new double[] {1, -1, -1, 1}, Loss.HINGE, 0.1, 2);
    }

    @Test
    void threeClassesWithCrossEntropyOnFourInputs() throws Exception {
        MLP model = new MLP(4, new int[] {5, 3}, Activation.TANH, Activation.LINEAR, new Rng(7));
        double[][] xs = {{1, 0, 0, 1}, {0, 1, 1, 0}, {1, 1, 0, 0}, {0, 0, 1, 1}, {-1, 0.5, 0, 2}, {0.5, -1, 2, 0}};
        double[] classes = {0, 1, 2, 0, 1, 2};
        exportAndRun(model, xs, classes, Loss.CROSS_ENTROPY, 0.2, 5);
        String python = CodeExport.python(new RawExamples(model, xs, classes, Loss.CROSS_ENTROPY, 0.2, 0, 0, ""));
        assertTrue(python.contains("    (1.0, 0.0, 0.0, 1.0, 0),\n"), "the class index as an integer");
        assertTrue(python.contains("Problem:  3 classes, labels 0 to 2"), python);
    }

    @Test
    void examplesThatDoNotFitTheNetworkOrTheLossAreRefused() {
        MLP one = new MLP(3, new int[] {2, 1});
        MLP three = new MLP(3, new int[] {2, 3}, Activation.TANH, Activation.LINEAR, new Rng(1));
        double[][] xs = ClassicExample.XS;
        assertRefused("4 rows of inputs and 3 targets", () -> new RawExamples(one, xs, new double[] {1, -1, 1}, Loss.SUM_SQUARED, 0.1, 0, 0, ""));
        assertRefused("example 1 has 2 inputs, the network reads 3", () -> new RawExamples(one,
                new double[][] {{1, 2, 3}, {1, 2}}, new double[] {1, -1}, Loss.SUM_SQUARED, 0.1, 0, 0, ""));
        assertRefused("example 2's target 1.5 is not a class index 0 to 2", () -> new RawExamples(three, xs,
                new double[] {0, 1, 1.5, 2}, Loss.CROSS_ENTROPY, 0.1, 0, 0, ""));
        assertRefused("example 3's target 3.0 is not a class index 0 to 2", () -> new RawExamples(three, xs,
                new double[] {0, 1, 2, 3}, Loss.CROSS_ENTROPY, 0.1, 0, 0, ""));
        assertRefused("the loss hinge does not fit regression data", () -> new RawExamples(one, xs,
                new double[] {1, -1, 0.5, 1}, Loss.HINGE, 0.1, 0, 0, ""));
        assertRefused("the loss ce does not fit two classes and a network of 1 output", () -> new RawExamples(one, xs,
                new double[] {0, 1, 1, 0}, Loss.CROSS_ENTROPY, 0.1, 0, 0, ""));
        assertRefused("the loss mse does not fit", () -> new RawExamples(three, xs, ClassicExample.YS, Loss.MEAN_SQUARED, 0.1, 0, 0, ""));
    }

    private static void assertRefused(String start, org.junit.jupiter.api.function.Executable export) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, export);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    /** Trains {@code before} steps on the JVM, exports at that step, and runs both programs against the JVM's next steps. */
    private void exportAndRun(MLP model, double[][] xs, double[] ys, Loss loss, double learningRate, int before) throws Exception {
        sgd(model, xs, ys, loss, learningRate, before);
        double pageLoss = pageLoss(model, xs, ys, loss);
        RawExamples r = new RawExamples(model, xs, ys, loss, learningRate, before, pageLoss, "a test");
        runBoth(r, pageLoss, before, sgd(model.copy(), xs, ys, loss, learningRate, CodeExport.STEPS));
    }

    /** The loss as the page shows it: the network on plain numbers ({@link Snapshot}), then the loss on them. */
    private static double pageLoss(MLP model, double[][] xs, double[] ys, Loss loss) {
        Snapshot s = model.snapshot();
        double[] scores = new double[xs.length * model.nout()];
        for (int i = 0; i < xs.length; i++) {
            System.arraycopy(s.predict(xs[i]), 0, scores, i * model.nout(), model.nout());
        }
        return loss.value(scores, ys);
    }

    /**
     * {@code steps} steps of plain gradient descent on every example, as {@link ClassicExample#step()}:
     * forward, zero grads, backward, update. Each step's loss and accuracy before its update, the
     * accuracy NaN for a regression (targets other than ±1, loss not ce), where the programs print none.
     */
    private static List<Trainer.Result> sgd(MLP model, double[][] xs, double[] ys, Loss loss, double learningRate, int steps) {
        boolean labels = true;
        for (double y : ys) {
            labels &= y == -1 || y == 1;
        }
        boolean classes = loss == Loss.CROSS_ENTROPY || labels;
        List<Trainer.Result> results = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            // forward
            List<Value> outputs = new ArrayList<>();
            for (double[] x : xs) {
                outputs.addAll(model.forward(x));
            }
            Value total = loss.of(outputs, ys);
            double[] scores = new double[outputs.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = outputs.get(i).data;
            }
            // zero grads
            model.zeroGrad();
            // backward
            total.backward();
            // update
            for (Value p : model.parameters()) {
                p.data -= learningRate * p.grad;
            }
            results.add(new Trainer.Result(k + 1, total.data, classes ? Loss.accuracy(scores, ys) : Double.NaN, false));
        }
        return results;
    }

    /**
     * Both programs, checked as {@link CodeExportTest} checks a session's: the page's loss read back
     * exactly, the recomputed loss within 1e-9 of it, then {@link CodeExport#STEPS} steps numbered
     * from {@code step + 1}, each loss within 1e-9 of the JVM's and each accuracy the JVM's (none
     * printed for a regression), the last loss below the first.
     */
    /** The page's Export in lesson mode: the lesson's network at its step, trained on as the page would. */
    @Test
    void thePageExportsTheLessonWhileItIsShown() throws Exception {
        scratchnet.playground.Playground page = new scratchnet.playground.Playground("#lesson=1");
        ClassicExample lesson = new ClassicExample();
        for (int k = 0; k < 3; k++) {
            page.step();
            lesson.step();
        }
        double shown = page.readout().trainLoss;
        assertEquals(lesson.loss(), shown, 0);
        String python = page.exportPython();
        assertTrue(python.contains("Network:  3 inputs -> 4 tanh -> 4 tanh -> 1 tanh, 41 parameters\n"), python);
        List<Trainer.Result> expected = sgd(lesson.model.copy(), ClassicExample.XS, ClassicExample.YS, Loss.SUM_SQUARED,
                ClassicExample.LEARNING_RATE, CodeExport.STEPS);
        CodeExportTest.check(CodeExportTest.run(python, Language.PYTHON, dir), Language.PYTHON, shown, 3, expected);
        CodeExportTest.check(CodeExportTest.run(page.exportJava(), Language.JAVA, dir), Language.JAVA, shown, 3, expected);
    }

    private void runBoth(RawExamples r, double pageLoss, int step, List<Trainer.Result> expected) throws Exception {
        for (Language language : Language.values()) {
            Result out = CodeExportTest.run(language == Language.PYTHON ? CodeExport.python(r) : CodeExport.java(r), language, dir);
            CodeExportTest.check(out, language, pageLoss, step, expected);
        }
    }
}
