package scratchnet.crossplatform;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.teavm.junit.TeaVMTestRunner;
import org.teavm.junit.WholeClassCompilation;
import scratchnet.data.Dataset;
import scratchnet.data.Rng;
import scratchnet.data.Shape;
import scratchnet.engine.Value;
import scratchnet.nn.Activation;
import scratchnet.nn.MLP;
import scratchnet.playground.Session;
import scratchnet.playground.Settings;
import scratchnet.train.Loss;
import scratchnet.train.Optimizer;
import scratchnet.train.Trainer;
import scratchnet.playground.Readout;

/**
 * The core computes the same numbers on the JVM, as JS and as Wasm GC. The expected numbers were
 * printed by {@link #main} on the JVM; browsers' Math.tanh, exp and log may differ from the JVM's
 * in the last bits, so they are compared within {@link #TOLERANCE} (relative).
 */
@RunWith(TeaVMTestRunner.class)
@WholeClassCompilation
public class CoreAgreesIT {
    private static final double TOLERANCE = 1e-9;

    // Printed by main() on the JVM.
    static final double[] GRADIENT = {
            24.70408163265306, 138.83381924198252, 645.5772594752186};
    static final double[] TRANSCENDENTAL = {
            1.4220597995003401, 3.0043697668769993, -0.7239297698509084};
    static final double[] SGD_LOSSES = {
            0.9573671291323762, 0.7717162429449826, 0.6458813351877807, 0.5688287092329437, 0.5276179153830224,
            0.5038203423449792, 0.4876240209427478, 0.47511693853161235, 0.4647749672252486,
            0.4559716453352196, 0.4484222418585588, 0.44197003432380516, 0.4365008650971611,
            0.43190987732419467, 0.4280912711272096, 0.4249383779087342, 0.4223476354286591, 0.420222998405921,
            0.4184791213782099, 0.4170428469527638, 0.41585322073817177, 0.41486052249395955,
            0.4140247997746982, 0.4133142658314042, 0.4127037804673381, 0.41217351893026827,
            0.41170786039848717, 0.41129448745727915, 0.41092367013525244, 0.41058770309570736};
    static final double[] ADAM_LOSSES = {
            1.0045414003015425, 1.002533917938837, 1.0115719681648405, 1.0183774670400978, 0.9820865103379515,
            0.9859898641258031, 0.9998504534670946, 0.9654985137510389, 1.0408907566261059, 0.9842244581168237,
            1.0274034175297324, 0.9757660777706112, 0.9758670666809797, 0.9747633994973941, 0.900140906793368,
            0.9862801034320228, 1.0739928197344408, 0.7533117119276219, 0.9983454108258607, 0.8740747816489604,
            0.8360308998050183, 0.8369028507041615, 0.926633248724532, 1.0846590594103118, 0.8318747563225155,
            0.8118813076063253, 1.0473283591731868, 0.6560140619060152, 0.9300012598818159, 0.9345018836370413};
    static final double[] SESSION = {
            0.3188170861120337, 0.89375, 0.5449367866609485, 0.775, -0.9806536519002464, 0.14401892126262056};

    /** micrograd's README expression, whose numbers micrograd itself prints: g, dg/da, dg/db. */
    static double[] gradient() {
        Value a = new Value(-4.0);
        Value b = new Value(2.0);
        Value c = a.add(b);
        Value d = a.mul(b).add(b.pow(3));
        c = c.add(c.add(1));
        c = c.add(c.add(1).add(a.neg()));
        d = d.add(d.mul(2).add(b.add(a).relu()));
        d = d.add(d.mul(3).add(b.sub(a).relu()));
        Value e = c.sub(d);
        Value f = e.pow(2);
        Value g = f.div(2.0);
        g = g.add(new Value(10.0).div(f));
        g.backward();
        return new double[] {g.data, a.grad, b.grad};
    }

    /** The operations that go through the platform's Math: tanh, sigmoid, exp, log. */
    static double[] transcendental() {
        Value x = new Value(0.7);
        Value y = new Value(-1.3);
        Value z = x.mul(y).tanh().add(y.sigmoid()).add(x.exp()).add(y.mul(y).log()).mul(x);
        z.backward();
        return new double[] {z.data, x.grad, y.grad};
    }

    /** Loss of each of the first 30 full-batch steps: moons, MLP(2, [4, 4, 1]), MSE, SGD. */
    static double[] sgdLosses(boolean batched) {
        Rng rng = new Rng(7);
        Dataset data = Dataset.generate(Shape.MOONS, 60, 0.1, rng);
        MLP model = new MLP(2, new int[] {4, 4, 1}, Activation.TANH, Activation.TANH, rng);
        Trainer trainer = new Trainer(model, data, Loss.MEAN_SQUARED, new Optimizer.Sgd(), rng);
        trainer.learningRate = 0.3;
        trainer.batched = batched;
        return losses(trainer, 30);
    }

    /** Mini-batches of 16, ReLU, hinge loss, L2, Adam with decay: the other half of the trainer. */
    static double[] adamLosses(boolean batched) {
        Rng rng = new Rng(11);
        Dataset data = Dataset.generate(Shape.SPIRAL, 80, 0.05, rng);
        MLP model = new MLP(2, new int[] {6, 5, 1}, Activation.RELU, Activation.LINEAR, rng);
        Trainer trainer = new Trainer(model, data, Loss.HINGE, new Optimizer.Adam(0.9, 0.999, 1e-8), rng);
        trainer.learningRate = 0.05;
        trainer.decay = 0.01;
        trainer.l2 = 0.001;
        trainer.batchSize = 16;
        trainer.batched = batched;
        return losses(trainer, 30);
    }

    private static double[] losses(Trainer trainer, int steps) {
        double[] losses = new double[steps];
        for (int i = 0; i < steps; i++) {
            losses[i] = trainer.step().loss;
        }
        return losses;
    }

    /** What the playground reads out after 25 steps of its defaults: train/test loss and accuracy, a heat-map cell. */
    static double[] session() {
        Session s = new Session(new Settings());
        for (int i = 0; i < 25; i++) {
            s.step();
        }
        Readout r = s.readout();
        double[] grid = new double[20 * 20];
        s.grid(20, 20, grid);
        return new double[] {r.trainLoss, r.trainAccuracy, r.testLoss, r.testAccuracy, grid[0], grid[210]};
    }

    @Test
    public void gradientThroughValue() {
        assertClose(GRADIENT, gradient());
        assertClose(TRANSCENDENTAL, transcendental());
    }

    @Test
    public void fullBatchTrainingFollowsTheJvmsLossTrajectory() {
        assertClose(SGD_LOSSES, sgdLosses(true));
        assertClose(SGD_LOSSES, sgdLosses(false));
    }

    @Test
    public void miniBatchTrainingFollowsTheJvmsLossTrajectory() {
        assertClose(ADAM_LOSSES, adamLosses(true));
        assertClose(ADAM_LOSSES, adamLosses(false));
    }

    @Test
    public void playgroundReadoutsMatchTheJvm() {
        assertClose(SESSION, session());
    }

    private static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(1e-12, Math.abs(expected[i]));
            double error = Math.abs(actual[i] - expected[i]) / scale;
            assertTrue("value " + i + ": expected " + expected[i] + ", got " + actual[i], error <= TOLERANCE);
            worst = Math.max(worst, error);
        }
        System.out.println("largest relative difference from the JVM: " + worst);
    }

    /** Prints the expected numbers, on the JVM: {@code java -cp target/classes:target/test-classes ...CoreAgreesIT}. */
    public static void main(String[] args) {
        print("GRADIENT", gradient());
        print("TRANSCENDENTAL", transcendental());
        print("SGD_LOSSES", sgdLosses(true));
        print("ADAM_LOSSES", adamLosses(true));
        print("SESSION", session());
    }

    private static void print(String name, double[] values) {
        StringBuilder s = new StringBuilder("    static final double[] " + name + " = {");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(values[i]);
        }
        System.out.println(s.append("};"));
    }
}
