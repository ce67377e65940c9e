package scratchnet.crossplatform;

import scratchnet.playground.session.Readout;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;
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
import scratchnet.nn.Features;
import scratchnet.nn.MLP;
import scratchnet.nn.Snapshot;
import scratchnet.train.Loss;
import scratchnet.train.Optimizer;
import scratchnet.train.Trainer;

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
    static final double[] CE_LOSSES = {
            1.1162504307238204, 1.1120033753257677, 1.1082628498619118, 1.1049437071766162,
            1.1019796757877471, 1.0993183976250658, 1.0969179243896723, 1.0947441998283713,
            1.092769222843556, 1.0909696900333998, 1.0893259817418377, 1.0878213979367701,
            1.0864415780549608, 1.085174057660697, 1.0840079276096737, 1.0829335704094394,
            1.0819424548992485, 1.0810269750539008, 1.0801803221809396, 1.0793963823809263,
            1.078669653113427, 1.0779951742193725, 1.0773684699076675, 1.076785499102205,
            1.0762426122251836, 1.0757365130096432, 1.0752642243235508, 1.0748230572775486,
            1.0744105831006276, 1.07402460742027};
    static final double[] REGRESSION_LOSSES = {
            0.28107022733502607, 0.12348068982429757, 0.2629717788642136, 0.15556813645451315,
            0.19019727143262063, 0.11654197042718191, 0.11823948274487359, 0.10475582031418264,
            0.08275180046097985, 0.09253564106018529, 0.09156853469992632, 0.07455017185540877,
            0.11309382425175024, 0.09041937601448997, 0.11262945221988499, 0.0841839003958677,
            0.11334708871574754, 0.055375108408116054, 0.10218303571646997, 0.0662546227444231,
            0.07228544821477188, 0.10764304251327969, 0.10308400269738614, 0.06114895630853115,
            0.049254361917140936, 0.10477396732285338, 0.061926659492794106, 0.06843181583582036,
            0.07073148112650306, 0.07483040070344386};
    static final double[] PICTURES = {
            0.7856283978461284, 0.6111111111111112, 0.0, 0.5165209632677389, 2.0, 0.382373387486416,
            -0.005259500462291539};
    static final double[] ACTIVATIONS = {
            0.7, 1.0, -0.013000000000000001, 0.01, 3.1, 1.0, -2.0E-4, 0.01, 12.5, 1.0, -0.035, 0.01, 0.7, 1.0,
            -0.7274682069659875, 0.27253179303401254, 3.1, 1.0, -0.0198013266932447, 0.9801986733067553, 12.5, 1.0,
            -0.9698026165776815, 0.03019738342231848, 0.5305701347051167, 0.976357218656104, -0.1260709876826906,
            -0.12587806978401675, 3.0973733897694506, 1.008739396051266, -0.009840433778302907, 0.48404444681135517,
            12.5, 1.0, -6.161976553737403E-4, -0.0024226437601168166, 1.103186048885458, 0.6681877721681662,
            0.2410084538329922, 0.2141650169574414, 3.144063967938574, 0.9568927450589139, 0.6831971797266342,
            0.49500016666000024, 12.500003726646229, 0.9999962733607158, 0.029750418272620566, 0.029312230751356316,
            0.644217687237691, 0.7648421872844885, -0.963558185417193, 0.26749882862458735, 0.04158066243329049,
            -0.9991351502732795, -0.01999866669333308, 0.9998000066665778, -0.06632189735120068, 0.9977982791785807,
            0.35078322768961984, -0.9364566872907963, 0.46773144051771626, 0.8233867834733425, -0.2784145220446738,
            -0.004622854252336911, 2.966367509682633, 1.0847647055477578, -0.009900003333200005, 0.4900006666266688,
            12.499953417008948, 1.0000428561781698, -0.10259280762974711, -0.07027335282771813};
    static final double[] MIXED_LOSSES = {
            0.99810668909777, 0.9950657929151918, 0.9944200741566934, 0.9937658457341985, 0.9930516513588605,
            0.9922667108528008, 0.991399146360252, 0.9904348408323798, 0.9893568918654135, 0.9881449190075446};
    static final double[] INITIAL_WEIGHTS = {
            0.219586379190761, 0.0, -0.6703714655421092, -0.676527986719054, 0.0, -1.1907770929543502, 0.42664665906935234,
            -0.46744487648429395, 0.219586379190761, 0.0, -0.6703714655421092, -0.676527986719054, 0.0, -0.9722654250442839,
            0.3483555383943634, -0.38166714342160923, -0.3413610369148827, 0.0, -1.0121251903094675, 0.806747295325099, 0.0,
            -0.5631896125756313, 0.6012637534270067, -0.3201379221659588};
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

    /**
     * Each activation beyond tanh, relu and sigmoid (their exp, expm1, log1p, tanh and sin go
     * through the platform's Math), its value and gradient at a few points.
     */
    static double[] activations() {
        double[] xs = {0.7, -1.3, 3.1, -0.02, 12.5, -3.5};
        Activation[] acts = {Activation.LEAKY_RELU, Activation.ELU, Activation.GELU, Activation.SOFTPLUS, Activation.SINE,
            Activation.SWISH};
        double[] out = new double[2 * xs.length * acts.length];
        int k = 0;
        for (Activation a : acts) {
            for (double x0 : xs) {
                Value x = new Value(x0);
                Value y = a.apply(x);
                y.backward();
                out[k++] = y.data;
                out[k++] = x.grad;
            }
        }
        return out;
    }

    /** Loss of 10 full-batch steps of a network with a different new activation in each hidden layer. */
    static double[] mixedLosses(boolean batched) {
        Rng rng = new Rng(13);
        Dataset data = Dataset.generate(Shape.MOONS, 60, 0.1, rng);
        MLP model = new MLP(Features.XY, new int[] {5, 4, 4, 3, 1},
                new Activation[] {Activation.GELU, Activation.SOFTPLUS, Activation.SWISH, Activation.ELU}, Activation.TANH, rng);
        Trainer trainer = new Trainer(model, data, Loss.MEAN_SQUARED, new Optimizer.Sgd(), rng);
        trainer.learningRate = 0.3;
        trainer.batched = batched;
        return losses(trainer, 10);
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

    /** Three spiral arms, three logits on features with sines, mean softmax cross-entropy, SGD. */
    static double[] ceLosses(boolean batched) {
        Rng rng = new Rng(13);
        Dataset data = Dataset.generate(Shape.SPIRAL, 90, 0.05, 3, rng);
        MLP model = new MLP(Features.parse("x,y,sinx,siny"), new int[] {8, 3}, Activation.TANH, Activation.LINEAR, rng);
        Trainer trainer = new Trainer(model, data, Loss.CROSS_ENTROPY, new Optimizer.Sgd(), rng);
        trainer.learningRate = 0.5;
        trainer.batched = batched;
        return losses(trainer, 30);
    }

    /** Regression on the bumps through five features, mean squared error, Adam on mini-batches. */
    static double[] regressionLosses(boolean batched) {
        Rng rng = new Rng(17);
        Dataset data = Dataset.generate(Shape.BUMPS, 80, 0.05, rng);
        MLP model = new MLP(Features.parse("x,y,x2,y2,xy"), new int[] {6, 1}, Activation.TANH, Activation.LINEAR, rng);
        Trainer trainer = new Trainer(model, data, Loss.MEAN_SQUARED, new Optimizer.Adam(0.9, 0.999, 1e-8), rng);
        trainer.learningRate = 0.05;
        trainer.batchSize = 16;
        trainer.batched = batched;
        return losses(trainer, 30);
    }

    /**
     * After 30 ce steps on the yin-yang: the loss and accuracy over the data on plain numbers, a
     * class-grid cell's class and confidence, and a cell of the features' heat map.
     */
    static double[] pictures() {
        Rng rng = new Rng(19);
        Dataset data = Dataset.generate(Shape.YINYANG, 90, 0.05, rng);
        MLP model = new MLP(Features.parse("x,y,x2,y2,xy,sinx,siny"), new int[] {8, 3}, Activation.TANH, Activation.LINEAR, rng);
        Trainer trainer = new Trainer(model, data, Loss.CROSS_ENTROPY, new Optimizer.Sgd(), rng);
        trainer.learningRate = 0.3;
        losses(trainer, 30);
        Snapshot s = model.snapshot();
        double[] logits = new double[data.size() * 3];
        s.outputs(model.inputs(data), logits);
        double[] classes = Loss.CROSS_ENTROPY.targets(data);
        int[] cellClass = new int[12 * 12];
        double[] confidence = new double[12 * 12];
        s.classGrid(-1.2, 1.2, -1.2, 1.2, 12, 12, cellClass, confidence);
        double[] grid = new double[12 * 12];
        s.grid(0, 3, -1.2, 1.2, -1.2, 1.2, 12, 12, grid);
        return new double[] {Loss.CROSS_ENTROPY.value(logits, classes), Loss.accuracy(logits, classes),
                cellClass[30], confidence[30], cellClass[100], confidence[100], grid[77]};
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

    /** The first weights each normal or scaled scheme draws (their Box–Muller goes through StrictMath's log and cos). */
    static double[] initialWeights() {
        scratchnet.nn.Init[] schemes = {scratchnet.nn.Init.NORMAL, scratchnet.nn.Init.HE, scratchnet.nn.Init.GLOROT};
        double[] out = new double[schemes.length * 8];
        int k = 0;
        for (scratchnet.nn.Init init : schemes) {
            scratchnet.nn.MLP m = new scratchnet.nn.MLP(scratchnet.nn.Features.XY, new int[] {3, 3, 1},
                    new Activation[] {Activation.TANH, Activation.TANH}, Activation.TANH, scratchnet.nn.Scaling.NONE,
                    init, new scratchnet.data.Rng(42));
            java.util.List<Value> ps = m.parameters();
            for (int i = 0; i < 8; i++) {
                out[k++] = ps.get(i + 4).data; // from the second neuron's weights on (the first bias, 0, skipped)
            }
        }
        return out;
    }

    @Test
    public void initialWeightsMatchTheJvm() {
        assertClose(INITIAL_WEIGHTS, initialWeights());
    }

    @Test
    public void gradientThroughValue() {
        assertClose(GRADIENT, gradient());
        assertClose(TRANSCENDENTAL, transcendental());
    }

    @Test
    public void newActivationsAndTheirGradients() {
        assertClose(ACTIVATIONS, activations());
        assertClose(MIXED_LOSSES, mixedLosses(true));
        assertClose(MIXED_LOSSES, mixedLosses(false));
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
    public void crossEntropyTrainingFollowsTheJvmsLossTrajectory() {
        assertClose(CE_LOSSES, ceLosses(true));
        assertClose(CE_LOSSES, ceLosses(false));
    }

    @Test
    public void regressionTrainingFollowsTheJvmsLossTrajectory() {
        assertClose(REGRESSION_LOSSES, regressionLosses(true));
        assertClose(REGRESSION_LOSSES, regressionLosses(false));
    }

    @Test
    public void classPicturesMatchTheJvm() {
        assertClose(PICTURES, pictures());
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
        print("CE_LOSSES", ceLosses(true));
        print("REGRESSION_LOSSES", regressionLosses(true));
        print("PICTURES", pictures());
        print("SESSION", session());
        print("ACTIVATIONS", activations());
        print("MIXED_LOSSES", mixedLosses(true));
        print("INITIAL_WEIGHTS", initialWeights());
    }

    private static void print(String name, double[] values) {
        StringBuilder s = new StringBuilder("    static final double[] " + name + " = {");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(values[i]);
        }
        System.out.println(s.append("};"));
    }
}
