package scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.data.Rng;
import scratchnet.data.Shape;
import scratchnet.engine.Value;
import scratchnet.nn.Activation;
import scratchnet.nn.Features;
import scratchnet.nn.MLP;

class TrainerTest {

    static Trainer moons(Optimizer optimizer, double lr) {
        Rng rng = new Rng(1337);
        Dataset data = Dataset.generate(Shape.MOONS, 100, 0.1, rng);
        MLP model = new MLP(2, new int[] {16, 16, 1}, Activation.TANH, Activation.TANH, rng);
        Trainer t = new Trainer(model, data, Loss.HINGE, optimizer, rng);
        t.learningRate = lr;
        t.l2 = 1e-4;
        return t;
    }

    @Test
    void moonsReachFullTrainingAccuracyWithin100Steps() {
        Trainer t = moons(new Optimizer.Sgd(), 1.0);
        double[][] xs = t.data().inputs();
        double[] ys = t.data().labels();
        int firstPerfect = -1;
        for (int k = 0; k < 100 && firstPerfect < 0; k++) {
            // The fast forward over the whole set, before the step, sees what the step's forward sees.
            double[] scores = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                scores[i] = t.model.snapshot().predict(xs[i])[0];
            }
            Trainer.Result r = t.step();
            assertEquals(Loss.accuracy(scores, ys), r.accuracy, 0);
            if (r.accuracy == 1.0) {
                firstPerfect = k;
            }
        }
        System.out.println("moons: 100% training accuracy at step " + firstPerfect);
        assertTrue(firstPerfect >= 0, "never reached 100% in 100 steps");
    }

    @Test
    void everyOptimizerLowersTheLoss() {
        for (String name : new String[] {"sgd", "momentum", "adam"}) {
            Trainer t = moons(Optimizer.byLabel(name), name.equals("adam") ? 0.05 : 0.3);
            double first = t.step().loss;
            double last = first;
            for (int k = 0; k < 60; k++) {
                last = t.step().loss;
            }
            assertTrue(last < first / 2, name + ": " + first + " -> " + last);
            assertEquals(name, t.optimizer.label());
        }
    }

    @Test
    void sgdUpdateIsMinusLearningRateTimesGradient() {
        Trainer t = moons(new Optimizer.Sgd(), 0.25);
        List<Value> params = t.model.parameters();
        double[] before = params.stream().mapToDouble(p -> p.data).toArray();
        t.step();
        double[] update = t.lastUpdate();
        for (int i = 0; i < params.size(); i++) {
            assertEquals(before[i] - 0.25 * params.get(i).grad, params.get(i).data, 1e-15);
            assertEquals(0.25 * params.get(i).grad, update[i], 1e-15);
        }
    }

    @Test
    void adamFirstStepMovesEachParameterByTheLearningRate() {
        Value p = new Value(1), q = new Value(-2);
        p.grad = 0.3;
        q.grad = -40;
        new Optimizer.Adam(0.9, 0.999, 1e-8).update(List.of(p, q), 0.01);
        assertEquals(0.99, p.data, 1e-6);
        assertEquals(-1.99, q.data, 1e-6);
    }

    @Test
    void momentumRemembersThePreviousStep() {
        Value p = new Value(0);
        Optimizer m = new Optimizer.Momentum(0.9);
        p.grad = 1;
        m.update(List.of(p), 0.1);
        assertEquals(-0.1, p.data, 1e-15);
        m.update(List.of(p), 0.1); // v = 0.9 + 1
        assertEquals(-0.1 - 0.19, p.data, 1e-15);
    }

    @Test
    void lossesOnNumbersAgreeWithTheGraph() {
        double[] scores = {0.5, -0.2, 2.0, -1.5};
        double[] targets = {1, -1, -1, 1};
        for (Loss loss : new Loss[] {Loss.SUM_SQUARED, Loss.MEAN_SQUARED, Loss.HINGE}) {
            List<Value> vs = List.of(new Value(0.5), new Value(-0.2), new Value(2.0), new Value(-1.5));
            assertEquals(loss.of(vs, targets).data, loss.value(scores, targets), 1e-12, loss.label);
        }
        // ce: two examples of two logits each, classes 1 and 0.
        double[] logits = {0.5, -0.2, 2.0, -1.5};
        double[] classes = {1, 0};
        List<Value> ls = List.of(new Value(0.5), new Value(-0.2), new Value(2.0), new Value(-1.5));
        assertEquals(Loss.CROSS_ENTROPY.of(ls, classes).data, Loss.CROSS_ENTROPY.value(logits, classes), 0);
        double expected = (Math.log(Math.exp(0.5) + Math.exp(-0.2)) + 0.2 + Math.log(Math.exp(2.0) + Math.exp(-1.5)) - 2.0) / 2;
        assertEquals(expected, Loss.CROSS_ENTROPY.value(logits, classes), 1e-15);
        assertEquals(0.5, Loss.accuracy(logits, classes), "argmax of each pair: 0 (wrong), 0 (right)");
        for (Loss loss : Loss.values()) {
            assertEquals(loss, Loss.byLabel(loss.label));
        }
        // hinge: relu(1 - 0.5) + relu(1 - 0.2) + relu(1 + 2) + relu(1 + 1.5) = 0.5 + 0.8 + 3 + 2.5
        assertEquals(6.8 / 4, Loss.HINGE.value(scores, targets), 1e-12);
        assertEquals(0.5 * 0.5 + 0.8 * 0.8 + 9 + 6.25, Loss.SUM_SQUARED.value(scores, targets), 1e-12);
        assertEquals(0.5, Loss.accuracy(scores, targets));
    }

    @Test
    void miniBatchesCoverTheDataOncePerEpoch() {
        Trainer t = moons(new Optimizer.Sgd(), 0.1);
        t.batchSize = 10;
        for (int k = 0; k < 10; k++) {
            t.step();
        }
        assertEquals(10, t.steps());
        assertEquals(1, t.epochs());
        t.batchSize = 0;
        t.step();
        assertEquals(2, t.epochs());
    }

    /** The fraction of the weights (not biases) with |w| below {@code limit}. */
    static double fractionBelow(MLP model, double limit) {
        int small = 0, all = 0;
        for (var layer : model.layers) {
            for (var neuron : layer.neurons) {
                for (var w : neuron.w) {
                    all++;
                    small += Math.abs(w.data) < limit ? 1 : 0;
                }
            }
        }
        return (double) small / all;
    }

    @Test
    void l1DrivesManyWeightsToZeroWhereL2OnlyShrinksThem() {
        double[] fraction = new double[2];
        double[] accuracy = new double[2];
        for (int run = 0; run < 2; run++) {
            Rng rng = new Rng(5);
            Dataset data = Dataset.generate(Shape.MOONS, 100, 0.1, rng);
            MLP model = new MLP(2, new int[] {8, 8, 1}, Activation.TANH, Activation.TANH, rng);
            Trainer t = new Trainer(model, data, Loss.MEAN_SQUARED, new Optimizer.Sgd(), rng);
            t.learningRate = 0.1;
            if (run == 0) {
                t.l1 = 0.003;
            } else {
                t.l2 = 0.003;
            }
            Trainer.Result r = null;
            for (int k = 0; k < 3000; k++) {
                r = t.step();
            }
            fraction[run] = fractionBelow(model, 1e-3);
            accuracy[run] = r.accuracy;
        }
        System.out.printf("weights with |w| < 1e-3: L1 %.2f (accuracy %.2f), L2 %.2f (accuracy %.2f)%n",
                fraction[0], accuracy[0], fraction[1], accuracy[1]);
        assertTrue(fraction[0] > 0.3, "L1 zeroes many weights: " + fraction[0]);
        assertTrue(fraction[0] > fraction[1] + 0.25, "far more than L2: " + fraction[0] + " vs " + fraction[1]);
        assertTrue(accuracy[0] > 0.8, "and the model still fits: " + accuracy[0]);
    }

    @Test
    void decayShrinksTheLearningRate() {
        Trainer t = moons(new Optimizer.Sgd(), 1.0);
        t.decay = 0.1;
        assertEquals(1.0, t.currentLearningRate());
        for (int k = 0; k < 10; k++) {
            t.step();
        }
        assertEquals(0.5, t.currentLearningRate(), 1e-15);
    }

    @Test
    void divergenceIsReportedAndLeavesParametersUntouched() {
        Rng rng = new Rng(1);
        Dataset data = new Dataset(List.of(new Point(1e200, 1e200, 1), new Point(-1, 0, -1)));
        MLP model = new MLP(2, new int[] {4, 1}, Activation.LINEAR, Activation.LINEAR, rng);
        Trainer t = new Trainer(model, data, Loss.SUM_SQUARED, new Optimizer.Sgd(), rng);
        double[] before = model.parameters().stream().mapToDouble(p -> p.data).toArray();
        Trainer.Result r = t.step();
        assertTrue(r.diverged);
        assertFalse(Double.isFinite(r.loss));
        assertEquals(0, t.steps());
        assertEquals(0, t.epochs(), "a diverged step completes no epoch");
        double[] after = model.parameters().stream().mapToDouble(p -> p.data).toArray();
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(after));
    }

    @Test
    void consoleDemoDrawsTheBoundary() {
        Rng rng = new Rng(1);
        Dataset data = Dataset.generate(Shape.MOONS, 50, 0.0, rng);
        MLP model = new MLP(2, new int[] {8, 1}, Activation.TANH, Activation.TANH, rng);
        String picture = Demo.picture(model.snapshot(), data, 40, 12);
        String[] lines = picture.split("\n");
        assertEquals(12, lines.length);
        assertEquals(40, lines[0].length());
        assertTrue(picture.contains("o") && picture.contains("#"));
    }

    @Test
    void aStepRunsPhaseByPhase() {
        Trainer whole = moons(new Optimizer.Sgd(), 0.5);
        Trainer phased = moons(new Optimizer.Sgd(), 0.5);
        Trainer.Result r = whole.step();

        List<Value> params = phased.model.parameters();
        double w0 = params.get(0).data;
        assertEquals(Trainer.Phase.FORWARD, phased.nextPhase());
        Trainer.Result f = phased.forward();
        assertEquals(r.loss, f.loss, 0);
        assertEquals(0, f.step);
        assertEquals(0.0, params.get(0).grad, "forward leaves gradients alone");
        assertEquals(Trainer.Phase.BACKWARD, phased.nextPhase());
        phased.backward();
        assertEquals(whole.model.parameters().get(0).grad, params.get(0).grad, 0);
        assertEquals(w0, params.get(0).data, 0, "backward leaves data alone");
        Trainer.Result u = phased.update();
        assertEquals(1, u.step);
        assertEquals(whole.model.parameters().get(0).data, params.get(0).data, 0);
        assertEquals(Trainer.Phase.FORWARD, phased.nextPhase());

        phased.forward();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, phased::update);
        assertEquals(2, phased.step().step, "step() finishes a step begun by phases");
    }

    @Test
    void emptyDataTrainsNothing() {
        Rng rng = new Rng(1);
        Trainer t = new Trainer(new MLP(2, new int[] {2, 1}), new Dataset(List.of()), Loss.MEAN_SQUARED, new Optimizer.Sgd(), rng);
        Trainer.Result r = t.step();
        assertFalse(r.diverged);
        assertEquals(0, r.loss);
        assertEquals(0, t.steps());
    }

    @Test
    void kClassesTrainWithCrossEntropyOnBothPaths() {
        for (boolean batched : new boolean[] {true, false}) {
            Rng rng = new Rng(21);
            Dataset data = Dataset.generate(Shape.SPIRAL, 120, 0.05, 3, rng);
            MLP model = new MLP(2, new int[] {16, 16, 3}, Activation.TANH, Activation.LINEAR, rng);
            Trainer t = new Trainer(model, data, Loss.CROSS_ENTROPY, new Optimizer.Adam(0.9, 0.999, 1e-8), rng);
            t.learningRate = 0.02;
            t.batched = batched;
            Trainer.Result first = t.step();
            assertEquals(Math.log(3), first.loss, 0.3, "about log 3 at the start");
            Trainer.Result last = first;
            for (int k = 0; k < 300; k++) {
                last = t.step();
            }
            System.out.printf("3-arm spiral, ce, %s: loss %.3f -> %.3f, accuracy %.3f -> %.3f%n",
                    batched ? "batched" : "scalar", first.loss, last.loss, first.accuracy, last.accuracy);
            assertTrue(last.loss < first.loss / 3, first.loss + " -> " + last.loss);
            assertTrue(last.accuracy > 0.85, "accuracy " + last.accuracy);
        }
    }

    @Test
    void regressionTrainsWithMeanSquaredErrorOnBothPaths() {
        for (boolean batched : new boolean[] {true, false}) {
            Rng rng = new Rng(22);
            Dataset data = Dataset.generate(Shape.BUMPS, 150, 0.02, rng);
            MLP model = new MLP(Features.parse("x,y,x2,y2,xy"), new int[] {12, 1}, Activation.TANH, Activation.LINEAR, rng);
            Trainer t = new Trainer(model, data, Loss.MEAN_SQUARED, new Optimizer.Adam(0.9, 0.999, 1e-8), rng);
            t.learningRate = 0.02;
            t.batched = batched;
            Trainer.Result first = t.step();
            assertTrue(Double.isNaN(first.accuracy), "no accuracy for regression");
            Trainer.Result last = first;
            for (int k = 0; k < 300; k++) {
                last = t.step();
            }
            System.out.printf("bumps, mse, %s: loss %.4f -> %.4f%n", batched ? "batched" : "scalar", first.loss, last.loss);
            assertTrue(last.loss < first.loss / 5 && last.loss < 0.05, first.loss + " -> " + last.loss);
        }
    }

    @Test
    void circlesNeedNoHiddenLayerOnSquaredFeatures() {
        // The classic lesson: on x² and y² the two circles are split by a straight line, so one
        // neuron, tanh(w1·x² + w2·y² + b), is enough.
        Rng rng = new Rng(23);
        Dataset data = Dataset.generate(Shape.CIRCLES, 200, 0.1, rng);
        MLP model = new MLP(Features.parse("x2,y2"), new int[] {1}, Activation.TANH, Activation.TANH, rng);
        assertEquals(3, model.parameters().size());
        Trainer t = new Trainer(model, data, Loss.MEAN_SQUARED, new Optimizer.Sgd(), rng);
        t.learningRate = 0.5;
        Trainer.Result r = null;
        for (int k = 0; k < 300; k++) {
            r = t.step();
        }
        double[] scores = new double[data.size()];
        model.snapshot().outputs(model.inputs(data), scores);
        double accuracy = Loss.accuracy(scores, data.targets());
        System.out.printf("circles on x², y², no hidden layer: loss %.4f, accuracy %.3f%n", r.loss, accuracy);
        assertTrue(accuracy > 0.95, "accuracy " + accuracy);
    }

    @Test
    void theLossMustSuitTheDataAndTheNetwork() {
        Rng rng = new Rng(24);
        Dataset three = Dataset.generate(Shape.YINYANG, 30, 0.1, rng);
        Dataset two = Dataset.generate(Shape.MOONS, 30, 0.1, rng);
        Dataset plane = Dataset.generate(Shape.PLANE, 30, 0.1, rng);
        MLP one = new MLP(2, new int[] {4, 1}, Activation.TANH, Activation.LINEAR, rng);
        MLP three_ = new MLP(2, new int[] {4, 3}, Activation.TANH, Activation.LINEAR, rng);
        MLP two_ = new MLP(2, new int[] {4, 2}, Activation.TANH, Activation.LINEAR, rng);
        String[][] refused = {
            {"ce needs one output per class: the data have 3 classes, the network 1 output"},
            {"mse compares one output with a target; 3 classes need ce"},
            {"ce needs classes; these data have real-valued targets (use mse)"},
            {"hinge needs labels -1 and +1; these data have real-valued targets (use mse)"},
            {"mse needs a network with one output, this one has 3"},
        };
        Trainer[] trainers = {
            new Trainer(one, three, Loss.CROSS_ENTROPY, new Optimizer.Sgd(), rng),
            new Trainer(three_, three, Loss.MEAN_SQUARED, new Optimizer.Sgd(), rng),
            new Trainer(one, plane, Loss.CROSS_ENTROPY, new Optimizer.Sgd(), rng),
            new Trainer(one, plane, Loss.HINGE, new Optimizer.Sgd(), rng),
            new Trainer(three_, two, Loss.MEAN_SQUARED, new Optimizer.Sgd(), rng),
        };
        for (int i = 0; i < trainers.length; i++) {
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, trainers[i]::step);
            assertEquals(refused[i][0], e.getMessage());
        }
        // Two classes may use ce with two outputs: -1 is class 0, +1 class 1.
        Trainer binaryCe = new Trainer(two_, two, Loss.CROSS_ENTROPY, new Optimizer.Sgd(), rng);
        assertTrue(binaryCe.step().loss > 0);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Trainer(new MLP(3, new int[] {1}), two, Loss.MEAN_SQUARED, new Optimizer.Sgd(), rng));
    }

    @Test
    void badSettingsAreRefusedByNameAndValue() {
        Trainer t = moons(new Optimizer.Sgd(), Double.NaN);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, t::step);
        assertEquals("learningRate must be a positive finite number, was NaN", e.getMessage());
        t.learningRate = 0.1;
        t.l1 = -1;
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, t::step);
        assertEquals("l1 must be a finite number at least 0, was -1.0", e.getMessage());
        t.l1 = 0;
        t.l2 = -1;
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, t::step);
        assertEquals("l2 must be a finite number at least 0, was -1.0", e.getMessage());
        t.l2 = 0;
        t.batchSize = -3;
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, t::step);
        assertTrue(e.getMessage().contains("was -3"));
        t.batchSize = 0;
        assertEquals(1, t.step().step, "usable again once corrected");
    }
}
