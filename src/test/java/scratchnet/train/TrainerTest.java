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
        for (Loss loss : Loss.values()) {
            List<Value> vs = List.of(new Value(0.5), new Value(-0.2), new Value(2.0), new Value(-1.5));
            assertEquals(loss.of(vs, targets).data, loss.value(scores, targets), 1e-12, loss.label);
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
    void badSettingsAreRefusedByNameAndValue() {
        Trainer t = moons(new Optimizer.Sgd(), Double.NaN);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, t::step);
        assertEquals("learningRate must be a positive finite number, was NaN", e.getMessage());
        t.learningRate = 0.1;
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
