package scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Rng;
import scratchnet.data.Shape;
import scratchnet.engine.Value;
import scratchnet.nn.Activation;
import scratchnet.nn.Features;
import scratchnet.nn.MLP;

/** The fast tensor path must compute exactly what the scalar Value engine computes. */
class BatchGraphTest {

    static Trainer trainer(boolean batched, Loss loss, Activation hidden, Activation output, double l1, double l2,
                           int batchSize) {
        Rng rng = new Rng(77);
        // ce: four spiral arms, four logits, and features beyond x and y; the others: moons, one output.
        boolean ce = loss == Loss.CROSS_ENTROPY;
        Dataset data = ce ? Dataset.generate(Shape.SPIRAL, 40, 0.2, 4, rng) : Dataset.generate(Shape.MOONS, 40, 0.2, rng);
        MLP model = ce ? new MLP(Features.parse("x,y,y2,xy,siny"), new int[] {6, 5, 4}, hidden, output, rng)
                : new MLP(2, new int[] {6, 5, 1}, hidden, output, rng);
        Trainer t = new Trainer(model, data, loss, new Optimizer.Sgd(), rng);
        t.batched = batched;
        t.l1 = l1;
        t.l2 = l2;
        t.batchSize = batchSize;
        t.learningRate = loss == Loss.SUM_SQUARED ? 0.005 : 0.2;
        return t;
    }

    @Test
    void sameLossesGradientsAndTrajectoryAsTheScalarEngine() {
        double worst = 0;
        int kinks = 0;
        for (Loss loss : Loss.values()) {
            for (Activation hidden : Activation.values()) {
                for (Activation output : new Activation[] {Activation.TANH, Activation.LINEAR, Activation.SIGMOID}) {
                    // {l1, l2}: neither, each alone, both
                    for (double[] reg : new double[][] {{0, 0}, {0, 1e-3}, {1e-3, 0}, {2e-3, 1e-3}}) {
                        for (int batchSize : new int[] {0, 8}) {
                            String what = loss + " " + hidden + "/" + output + " l1=" + reg[0] + " l2=" + reg[1]
                                    + " batch=" + batchSize;
                            Trainer scalar = trainer(false, loss, hidden, output, reg[0], reg[1], batchSize);
                            Trainer batched = trainer(true, loss, hidden, output, reg[0], reg[1], batchSize);
                            List<Value> ps = scalar.model.parameters(), pb = batched.model.parameters();
                            for (int k = 0; k < 5; k++) {
                                double[] before = new double[ps.size()];
                                for (int i = 0; i < before.length; i++) {
                                    before[i] = ps.get(i).data;
                                }
                                Trainer.Result rs = scalar.step();
                                Trainer.Result rb = batched.step();
                                assertEquals(rs.loss, rb.loss, 1e-12 * Math.max(1, Math.abs(rs.loss)), what);
                                assertEquals(rs.accuracy, rb.accuracy, 0, what);
                                for (int i = 0; i < ps.size(); i++) {
                                    double g = ps.get(i).grad;
                                    boolean close = Math.abs(g - pb.get(i).grad) <= 1e-11 * Math.max(1, Math.abs(g));
                                    if (!close && reg[0] > 0 && Math.abs(before[i]) < 1e-12) {
                                        // At |p|'s kink, rounding (~1e-17) decides the side of 0 each path takes:
                                        // their L1 terms may differ by up to 2·l1, and no more.
                                        assertEquals(g, pb.get(i).grad, 2 * reg[0] * (1 + 1e-9), what + " grad " + i + " at 0");
                                        kinks++;
                                        pb.get(i).data = ps.get(i).data; // align them again
                                        continue;
                                    }
                                    worst = Math.max(worst, Math.abs(g - pb.get(i).grad));
                                    assertEquals(g, pb.get(i).grad, 1e-11 * Math.max(1, Math.abs(g)), what + " grad " + i);
                                    assertEquals(ps.get(i).data, pb.get(i).data, 1e-11 * Math.max(1, Math.abs(ps.get(i).data)), what + " data " + i);
                                }
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("batched vs scalar: largest gradient difference %.3g (L1 parameters at 0, aligned: %d)%n",
                worst, kinks);
    }

    @Test
    void aDifferentActivationInEachHiddenLayerToo() {
        Activation[][] mixes = {
            {Activation.GELU, Activation.SINE, Activation.LEAKY_RELU},
            {Activation.SWISH, Activation.ELU, Activation.SOFTPLUS},
            {Activation.TANH, Activation.RELU, Activation.SIGMOID}};
        for (Activation[] hidden : mixes) {
            for (Loss loss : new Loss[] {Loss.MEAN_SQUARED, Loss.CROSS_ENTROPY}) {
                Trainer[] t = new Trainer[2];
                for (int k = 0; k < 2; k++) {
                    Rng rng = new Rng(5);
                    boolean ce = loss == Loss.CROSS_ENTROPY;
                    Dataset data = ce ? Dataset.generate(Shape.SPIRAL, 40, 0.2, 3, rng) : Dataset.generate(Shape.MOONS, 40, 0.2, rng);
                    MLP model = new MLP(Features.parse("x,y,xy"), new int[] {6, 5, 4, ce ? 3 : 1}, hidden,
                            ce ? Activation.LINEAR : Activation.TANH, rng);
                    t[k] = new Trainer(model, data, loss, new Optimizer.Sgd(), rng);
                    t[k].batched = k == 1;
                    t[k].learningRate = 0.2;
                }
                List<Value> ps = t[0].model.parameters(), pb = t[1].model.parameters();
                for (int step = 0; step < 5; step++) {
                    Trainer.Result rs = t[0].step();
                    Trainer.Result rb = t[1].step();
                    String what = List.of(hidden) + " " + loss + " step " + step;
                    assertEquals(rs.loss, rb.loss, 1e-12 * Math.max(1, Math.abs(rs.loss)), what);
                    for (int i = 0; i < ps.size(); i++) {
                        double g = ps.get(i).grad;
                        assertEquals(g, pb.get(i).grad, 1e-11 * Math.max(1, Math.abs(g)), what + " grad " + i);
                    }
                }
                assertEquals(hidden[1], t[1].model.layers.get(1).activation());
            }
        }
    }
}
