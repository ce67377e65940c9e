package scratchnet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TensorTest {

    static Tensor random(int rows, int cols, Random random) {
        Tensor t = new Tensor(rows, cols);
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = random.nextDouble() * 2 - 1;
        }
        return t;
    }

    /**
     * Checks the gradient of sum(f(leaves) ∘ weights) with respect to every element of every leaf
     * against a central finite difference; random weights make every output element count.
     */
    static void check(String name, Function<Tensor[], Tensor> f, Tensor... leaves) {
        Tensor out = f.apply(leaves);
        Random random = new Random(name.hashCode());
        Tensor weights = random(out.rows, out.cols, random);
        Tensor loss = out.mul(weights).sum();
        loss.zeroGrad();
        loss.backward();
        double worst = 0;
        for (Tensor leaf : leaves) {
            for (int i = 0; i < leaf.data.length; i++) {
                double saved = leaf.data[i];
                double h = 1e-6;
                leaf.data[i] = saved + h;
                loss.forward();
                double plus = loss.data[0];
                leaf.data[i] = saved - h;
                loss.forward();
                double minus = loss.data[0];
                leaf.data[i] = saved;
                double numeric = (plus - minus) / (2 * h);
                worst = Math.max(worst, Math.abs(numeric - leaf.grad[i]));
                assertEquals(numeric, leaf.grad[i], 1e-6 * Math.max(1, Math.abs(numeric)), name + " element " + i);
            }
        }
        System.out.printf("tensor %-8s largest error vs finite differences: %.3g%n", name, worst);
    }

    @Test
    void everyOpMatchesFiniteDifferences() {
        Random r = new Random(1);
        // linear: odd and even batches, widths below, at and above its block of four outputs.
        check("linear", t -> t[0].linear(t[1], t[2]), random(5, 3, r), random(3, 4, r), random(1, 4, r));
        check("linear2", t -> t[0].linear(t[1], t[2]), random(6, 5, r), random(5, 7, r), random(1, 7, r));
        check("linear3", t -> t[0].linear(t[1], t[2]), random(1, 3, r), random(3, 1, r), random(1, 1, r));
        check("add", t -> t[0].add(t[1]), random(4, 2, r), random(4, 2, r));
        check("sub", t -> t[0].sub(t[1]), random(4, 2, r), random(4, 2, r));
        check("mul", t -> t[0].mul(t[1]), random(4, 2, r), random(4, 2, r));
        check("affine", t -> t[0].affine(-1.5, 0.25), random(4, 2, r));
        check("square", t -> t[0].square(), random(4, 2, r));
        check("tanh", t -> t[0].tanh(), random(4, 2, r));
        check("relu", t -> t[0].relu(), random(4, 2, r));
        check("sigmoid", t -> t[0].sigmoid(), random(4, 2, r));
        check("sum", t -> t[0].sum(), random(4, 2, r));
        check("leaky", t -> t[0].leakyRelu(), random(4, 2, r));
        check("elu", t -> t[0].elu(), random(4, 2, r));
        check("gelu", t -> t[0].gelu(), scaled(random(4, 3, r), 4));
        check("softplus", t -> t[0].softplus(), scaled(random(4, 3, r), 4));
        check("sin", t -> t[0].sin(), scaled(random(4, 3, r), 4));
        check("swish", t -> t[0].swish(), scaled(random(4, 3, r), 4));
        check("abs", t -> t[0].abs(), random(4, 2, r)); // random entries are never 0, where |x| has its kink
        check("ce", t -> t[0].crossEntropy(classes(5, 3, r)), scaled(random(5, 3, r), 3));
        check("ce2", t -> t[0].crossEntropy(classes(4, 2, r)).mul(0.25), random(4, 2, r));
        check("layers", t -> t[0].linear(t[1], t[2]).tanh().linear(t[3], t[4]).sigmoid(),
                random(6, 2, r), random(2, 5, r), random(1, 5, r), random(5, 1, r), random(1, 1, r));
    }

    @Test
    void matchesTheScalarEngineElementByElement() {
        Random r = new Random(2);
        Tensor x = random(3, 2, r), w = random(2, 4, r), b = random(1, 4, r);
        Tensor loss = x.linear(w, b).tanh().square().sum();
        loss.zeroGrad();
        loss.backward();

        Value[][] xv = values(x), wv = values(w), bv = values(b);
        Value total = new Value(0);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                Value s = bv[0][j];
                for (int k = 0; k < 2; k++) {
                    s = s.add(xv[i][k].mul(wv[k][j]));
                }
                total = total.add(s.tanh().pow(2));
            }
        }
        total.backward();
        assertEquals(total.data, loss.data[0], 1e-12);
        assertGradients(xv, x);
        assertGradients(wv, w);
        assertGradients(bv, b);
    }

    @Test
    void newActivationsAreTheScalarOpsElementByElementAndStayFiniteFarOut() {
        Random r = new Random(3);
        Tensor x = scaled(random(3, 4, r), 5);
        x.data[0] = 1000;
        x.data[1] = -1000;
        x.data[2] = 1e-9;
        x.data[3] = 0;
        List<Function<Tensor, Tensor>> tensorOps = List.of(Tensor::leakyRelu, Tensor::elu, Tensor::gelu, Tensor::softplus,
                Tensor::sin, Tensor::swish);
        List<Function<Value, Value>> valueOps = List.of(Value::leakyRelu, Value::elu, Value::gelu, Value::softplus,
                Value::sin, Value::swish);
        for (int k = 0; k < tensorOps.size(); k++) {
            Tensor leaf = new Tensor(x.rows, x.cols);
            System.arraycopy(x.data, 0, leaf.data, 0, x.data.length);
            Tensor out = tensorOps.get(k).apply(leaf);
            Tensor loss = out.sum();
            loss.zeroGrad();
            loss.backward();
            for (int i = 0; i < x.data.length; i++) {
                Value v = new Value(x.data[i]);
                Value y = valueOps.get(k).apply(v);
                y.backward();
                assertEquals(y.data, out.data[i], 0, out.op() + " at " + x.data[i]);
                assertEquals(v.grad, leaf.grad[i], 0, out.op() + "'s gradient at " + x.data[i]);
                assertTrue(Double.isFinite(out.data[i]) && Double.isFinite(leaf.grad[i]), out.op() + " at " + x.data[i]);
            }
        }
    }

    @Test
    void replayRecomputesFromTheLeavesWithoutRebuilding() {
        Tensor x = new Tensor(1, 2), w = new Tensor(2, 1), b = new Tensor(1, 1);
        x.data[0] = 1;
        x.data[1] = 2;
        w.data[0] = 3;
        w.data[1] = 4;
        b.data[0] = 0.5;
        Tensor y = x.linear(w, b);
        assertEquals(11.5, y.data[0]);
        x.data[0] = 10;
        y.forward();
        assertEquals(38.5, y.data[0]);
        // zeroGrad clears what an earlier backward left.
        y.zeroGrad();
        y.backward();
        y.zeroGrad();
        y.backward();
        assertEquals(10, w.grad[0]);
        assertEquals(3, x.grad[0]);
        assertEquals(1, b.grad[0]);
    }

    @Test
    void topologicalOrderPutsChildrenFirstAndSharedNodesOnce() {
        Tensor x = new Tensor(3, 2), w = new Tensor(2, 2), b = new Tensor(1, 2);
        Tensor h = x.linear(w, b).tanh();
        Tensor out = h.mul(h).add(h).sum(); // h feeds two ops
        List<Tensor> order = out.topologicalOrder();
        assertEquals(8, order.size()); // x, w, b, linear, tanh, *, +, sum: h counted once
        for (int i = 0; i < order.size(); i++) {
            for (Tensor child : order.get(i).children()) {
                assertTrue(order.indexOf(child) < i, "child after parent");
            }
        }
        assertSame(out, order.get(order.size() - 1));
    }

    @Test
    void crossEntropyGradientIsSoftmaxMinusOneHot() {
        Random r = new Random(3);
        Tensor z = scaled(random(50, 4, r), 5);
        Tensor y = classes(50, 4, r);
        Tensor loss = z.crossEntropy(y);
        loss.zeroGrad();
        loss.backward();
        double worst = 0;
        for (int row = 0; row < 50; row++) {
            double sum = 0;
            for (int k = 0; k < 4; k++) {
                sum += Math.exp(z.data[row * 4 + k]);
            }
            for (int k = 0; k < 4; k++) {
                double expected = Math.exp(z.data[row * 4 + k]) / sum - (k == y.data[row] ? 1 : 0);
                worst = Math.max(worst, Math.abs(expected - z.grad[row * 4 + k]));
                assertEquals(expected, z.grad[row * 4 + k], 1e-12);
            }
        }
        assertTrue(Arrays.stream(y.grad).allMatch(g -> g == 0), "no gradient flows to the classes");
        System.out.printf("tensor ce gradient vs softmax - onehot: largest difference %.3g%n", worst);
    }

    @Test
    void crossEntropyOfExtremeLogitsIsFinite() {
        Tensor z = new Tensor(2, 3);
        double[] logits = {1000, -1000, 0, -1000, 1000, 999};
        System.arraycopy(logits, 0, z.data, 0, 6);
        Tensor y = new Tensor(2, 1);
        y.data[0] = 1; // the -1000 logit: loss 2000
        y.data[1] = 1; // the largest: loss log(1 + e^-1 + e^-2000)
        Tensor loss = z.crossEntropy(y);
        loss.zeroGrad();
        loss.backward();
        assertEquals(2000 + Math.log1p(Math.exp(-1)), loss.data[0], 1e-9);
        for (double g : z.grad) {
            assertTrue(Double.isFinite(g));
        }
        assertEquals(1, z.grad[0], 1e-15);
        assertEquals(-1, z.grad[1], 1e-15);
        Tensor bad = new Tensor(1, 1);
        bad.data[0] = 3;
        assertThrows(IllegalArgumentException.class, () -> new Tensor(1, 3).crossEntropy(bad));
        assertThrows(IllegalArgumentException.class, () -> new Tensor(2, 3).crossEntropy(new Tensor(3, 1)));
    }

    @Test
    void shapesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Tensor(2, 3).add(new Tensor(3, 2)));
        assertThrows(IllegalArgumentException.class, () -> new Tensor(2, 3).mul(new Tensor(2, 2)));
        assertThrows(IllegalArgumentException.class, () -> new Tensor(2, 3).linear(new Tensor(3, 2), new Tensor(1, 3)));
        assertThrows(IllegalArgumentException.class, () -> new Tensor(2, 3).linear(new Tensor(2, 2), new Tensor(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> new Tensor(2, 3).linear(new Tensor(3, 2), new Tensor(2, 2)));
    }

    static Tensor scaled(Tensor t, double c) {
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] *= c;
        }
        return t;
    }

    /** An n×1 leaf of class indices 0 .. k−1, as ce reads them. */
    static Tensor classes(int n, int k, Random random) {
        Tensor t = new Tensor(n, 1);
        for (int i = 0; i < n; i++) {
            t.data[i] = random.nextInt(k);
        }
        return t;
    }

    static Value[][] values(Tensor t) {
        Value[][] v = new Value[t.rows][t.cols];
        for (int i = 0; i < t.rows; i++) {
            for (int j = 0; j < t.cols; j++) {
                v[i][j] = new Value(t.data[i * t.cols + j]);
            }
        }
        return v;
    }

    static void assertGradients(Value[][] expected, Tensor t) {
        for (int i = 0; i < t.rows; i++) {
            for (int j = 0; j < t.cols; j++) {
                assertEquals(expected[i][j].grad, t.grad[i * t.cols + j], 1e-12);
            }
        }
    }
}
