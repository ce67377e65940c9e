package scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import scratchnet.engine.Tensor;
import scratchnet.engine.Value;

/** Softmax cross-entropy, {@link Loss#crossEntropy(List, int)}, on the scalar engine and the batched one. */
class LossTest {

    static List<Value> logits(double... z) {
        List<Value> list = new ArrayList<>();
        for (double v : z) {
            list.add(new Value(v));
        }
        return list;
    }

    @Test
    void gradientIsSoftmaxMinusOneHot() {
        Random random = new Random(1);
        double worst = 0;
        for (int trial = 0; trial < 200; trial++) {
            int k = 2 + random.nextInt(5);
            double[] z = new double[k];
            for (int j = 0; j < k; j++) {
                z[j] = (random.nextDouble() - 0.5) * 10;
            }
            int label = random.nextInt(k);
            List<Value> zs = logits(z);
            Value loss = Loss.crossEntropy(zs, label);
            loss.backward();
            double sum = 0;
            for (double v : z) {
                sum += Math.exp(v);
            }
            assertEquals(Math.log(sum) - z[label], loss.data, 1e-12);
            for (int j = 0; j < k; j++) {
                double expected = Math.exp(z[j]) / sum - (j == label ? 1 : 0);
                worst = Math.max(worst, Math.abs(expected - zs.get(j).grad));
                assertEquals(expected, zs.get(j).grad, 1e-12);
            }
        }
        System.out.printf("ce gradient vs softmax - onehot: largest difference %.3g%n", worst);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Random random = new Random(2);
        double worst = 0;
        for (int trial = 0; trial < 100; trial++) {
            int k = 2 + random.nextInt(5);
            double[] z = new double[k];
            for (int j = 0; j < k; j++) {
                z[j] = (random.nextDouble() - 0.5) * 6;
            }
            int label = random.nextInt(k);
            List<Value> zs = logits(z);
            Loss.crossEntropy(zs, label).backward();
            for (int j = 0; j < k; j++) {
                double h = 1e-6;
                double[] plus = z.clone(), minus = z.clone();
                plus[j] += h;
                minus[j] -= h;
                double numeric = (Loss.crossEntropy(logits(plus), label).data - Loss.crossEntropy(logits(minus), label).data) / (2 * h);
                worst = Math.max(worst, Math.abs(numeric - zs.get(j).grad));
                assertEquals(numeric, zs.get(j).grad, 1e-8);
            }
        }
        System.out.printf("ce gradient vs finite differences: largest difference %.3g%n", worst);
    }

    @Test
    void extremeLogitsGiveFiniteValuesAndGradients() {
        List<Value> zs = logits(1000, -1000, 0);
        Value loss = Loss.crossEntropy(zs, 1);
        loss.backward();
        assertEquals(2000, loss.data, 1e-9);
        assertEquals(1, zs.get(0).grad, 1e-15);
        assertEquals(-1, zs.get(1).grad, 1e-15);
        assertEquals(0, zs.get(2).grad, 1e-15);
        List<Value> right = logits(-1000, 1000, 1000);
        Value small = Loss.crossEntropy(right, 2);
        small.backward();
        assertEquals(Math.log(2), small.data, 1e-15);
        assertEquals(-0.5, right.get(2).grad, 1e-15);
        assertEquals(0.5, right.get(1).grad, 1e-15);
        assertEquals(0, right.get(0).grad, 0);
        assertEquals(2000, Loss.CROSS_ENTROPY.value(new double[] {1000, -1000, 0}, new double[] {1}), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Loss.crossEntropy(logits(1, 2), 2));
    }

    @Test
    void scalarBatchedAndPlainNumbersGiveTheSameLoss() {
        // The same operations in the same order on all three: the same bits.
        Random random = new Random(4);
        int n = 7, k = 3;
        Tensor z = new Tensor(n, k), y = new Tensor(n, 1);
        List<Value> zs = new ArrayList<>();
        double[] classes = new double[n];
        for (int i = 0; i < n * k; i++) {
            z.data[i] = (random.nextDouble() - 0.5) * 8;
            zs.add(new Value(z.data[i]));
        }
        for (int i = 0; i < n; i++) {
            classes[i] = y.data[i] = random.nextInt(k);
        }
        Tensor batched = Loss.CROSS_ENTROPY.of(z, y);
        Value scalar = Loss.CROSS_ENTROPY.of(zs, classes);
        assertEquals(scalar.data, batched.data[0], 0);
        assertEquals(scalar.data, Loss.CROSS_ENTROPY.value(z.data, classes), 0);
        batched.zeroGrad();
        batched.backward();
        scalar.backward();
        for (int i = 0; i < n * k; i++) {
            assertEquals(zs.get(i).grad, z.grad[i], 1e-15, "logit " + i);
        }
    }

    @Test
    void targetsAndAccuracyFollowTheLoss() {
        // One output: the sign. K outputs: the largest, against a class index.
        assertEquals(1.0, Loss.accuracy(new double[] {0.3, -2}, new double[] {1, -1}));
        assertEquals(0.5, Loss.accuracy(new double[] {0.1, 0.9, 0.9, 1, 1, 0}, new double[] {1, 1}), "ties go to the first");
        assertEquals(1.0, Loss.accuracy(new double[] {0.1, 0.2, 0.9, 3, 1, 2}, new double[] {2, 0}));
        assertThrows(IllegalArgumentException.class, () -> Loss.MEAN_SQUARED.value(new double[] {1, 2}, new double[] {1}));
    }
}
