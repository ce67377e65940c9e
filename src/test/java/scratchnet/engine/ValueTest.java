package scratchnet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ValueTest {

    /** Checks d f(x)/dx from backward() against a central finite difference at many random x. */
    private static void checkUnary(String name, Function<Value, Value> f, double low, double high) {
        Random random = new Random(name.hashCode());
        double worst = 0;
        for (int trial = 0; trial < 200; trial++) {
            double x0 = low + (high - low) * random.nextDouble();
            Value x = new Value(x0);
            Value y = f.apply(x);
            y.backward();
            double h = 1e-6 * Math.max(1, Math.abs(x0));
            double numeric = (f.apply(new Value(x0 + h)).data - f.apply(new Value(x0 - h)).data) / (2 * h);
            double error = Math.abs(x.grad - numeric) / Math.max(1, Math.abs(numeric));
            worst = Math.max(worst, error);
            assertEquals(numeric, x.grad, 1e-6 * Math.max(1, Math.abs(numeric)), name + " at x = " + x0);
        }
        System.out.printf("%-8s largest relative error vs finite differences: %.3g%n", name, worst);
    }

    /** Checks both partial derivatives of a binary op against central finite differences. */
    private static void checkBinary(String name, java.util.function.BiFunction<Value, Value, Value> f,
                                    double low, double high) {
        Random random = new Random(name.hashCode());
        for (int trial = 0; trial < 200; trial++) {
            double a0 = low + (high - low) * random.nextDouble();
            double b0 = low + (high - low) * random.nextDouble();
            Value a = new Value(a0);
            Value b = new Value(b0);
            f.apply(a, b).backward();
            double h = 1e-6;
            double da = (f.apply(new Value(a0 + h), new Value(b0)).data - f.apply(new Value(a0 - h), new Value(b0)).data) / (2 * h);
            double db = (f.apply(new Value(a0), new Value(b0 + h)).data - f.apply(new Value(a0), new Value(b0 - h)).data) / (2 * h);
            assertEquals(da, a.grad, 1e-5 * Math.max(1, Math.abs(da)), name + " d/da at " + a0 + ", " + b0);
            assertEquals(db, b.grad, 1e-5 * Math.max(1, Math.abs(db)), name + " d/db at " + a0 + ", " + b0);
        }
    }

    @Test
    void unaryOpsMatchFiniteDifferences() {
        checkUnary("tanh", Value::tanh, -3, 3);
        checkUnary("relu", Value::relu, 0.01, 3); // away from the kink at 0
        checkUnary("relu<0", Value::relu, -3, -0.01);
        checkUnary("sigmoid", Value::sigmoid, -6, 6);
        checkUnary("exp", Value::exp, -3, 3);
        checkUnary("log", Value::log, 0.1, 5);
        checkUnary("sin", Value::sin, -4, 4);
        checkUnary("abs", Value::abs, 0.01, 3); // away from the kink at 0, on both sides
        checkUnary("abs<0", Value::abs, -3, -0.01);
        checkUnary("neg", Value::neg, -3, 3);
        checkUnary("pow3", x -> x.pow(3), -3, 3);
        checkUnary("pow-1", x -> x.pow(-1), 0.2, 3);
        checkUnary("pow0.5", x -> x.pow(0.5), 0.2, 3);
        checkUnary("add2", x -> x.add(2.5), -3, 3);
        checkUnary("sub2", x -> x.sub(2.5), -3, 3);
        checkUnary("mul2", x -> x.mul(-1.5), -3, 3);
        checkUnary("div2", x -> x.div(4), -3, 3);
    }

    @Test
    void newActivationsMatchFiniteDifferencesNearZeroAndFarOut() {
        java.util.Map<String, Function<Value, Value>> ops = new java.util.LinkedHashMap<>();
        ops.put("leaky", Value::leakyRelu);
        ops.put("elu", Value::elu);
        ops.put("gelu", Value::gelu);
        ops.put("softplus", Value::softplus);
        ops.put("swish", Value::swish);
        ops.put("sin", Value::sin);
        for (var op : ops.entrySet()) {
            checkUnary(op.getKey(), op.getValue(), -4, 4);
            checkUnary(op.getKey() + "~0", op.getValue(), -0.05, 0.05);
            checkUnary(op.getKey() + "+far", op.getValue(), 8, 30);
            checkUnary(op.getKey() + "-far", op.getValue(), -30, -8);
        }
    }

    @Test
    void absHasTheSignAsGradientAndZeroAtZero() {
        for (double[] c : new double[][] {{-2.5, 2.5, -1}, {0.75, 0.75, 1}, {0, 0, 0}, {-0.0, 0, 0}}) {
            Value x = new Value(c[0]);
            Value y = x.abs().mul(3);
            y.backward();
            assertEquals(3 * c[1], y.data, 0, "|" + c[0] + "|");
            assertEquals(3 * c[2], x.grad, 0, "d|x|/dx at " + c[0]);
            assertEquals("abs", ((Value) y.children().get(0)).op());
        }
    }

    @Test
    void newActivationsHaveTheirTextbookValuesAndSlopes() {
        // Values worked by hand (or from their definitions with Math), and each derivative's formula.
        assertEquals(2, new Value(2).leakyRelu().data, 0);
        assertEquals(-0.03, new Value(-3).leakyRelu().data, 1e-17);
        assertEquals(Math.exp(-1) - 1, new Value(-1).elu().data, 1e-16);
        double c = Math.sqrt(2 / Math.PI);
        assertEquals(0.5 * (1 + Math.tanh(c * 1.044715)), new Value(1).gelu().data, 1e-16);
        // Close to the exact GELU x·Φ(x) (0.8413447460685429 at 1, from erf), but the approximation, not it.
        assertEquals(0.8413447460685429, new Value(1).gelu().data, 2e-4);
        assertTrue(Math.abs(0.8413447460685429 - new Value(1).gelu().data) > 1e-4);
        assertEquals(Math.log(2), new Value(0).softplus().data, 1e-16);
        assertEquals(Math.log(1 + Math.exp(2)), new Value(2).softplus().data, 1e-15);
        assertEquals(2 / (1 + Math.exp(-2)), new Value(2).swish().data, 1e-15);
        Value x = new Value(-2);
        x.leakyRelu().backward();
        assertEquals(0.01, x.grad, 0);
        x = new Value(-2);
        x.elu().backward();
        assertEquals(Math.exp(-2), x.grad, 1e-16);
        x = new Value(0);
        x.gelu().backward();
        assertEquals(0.5, x.grad, 0);
        x = new Value(0);
        x.softplus().backward();
        assertEquals(0.5, x.grad, 0);
        x = new Value(0);
        x.swish().backward();
        assertEquals(0.5, x.grad, 0);
    }

    @Test
    void newActivationsStayFiniteAtExtremeInputs() {
        for (double x0 : new double[] {1000, -1000, 1e150, -1e150, 710, -710}) {
            for (Function<Value, Value> f : List.<Function<Value, Value>>of(Value::leakyRelu, Value::elu, Value::gelu,
                    Value::softplus, Value::swish, Value::sin)) {
                Value x = new Value(x0);
                Value y = f.apply(x);
                y.backward();
                assertTrue(Double.isFinite(y.data) && Double.isFinite(x.grad), y.op() + " at " + x0 + ": " + y.data + ", " + x.grad);
            }
        }
        // Far out each is its asymptote: x itself on the right; 0, -1 or 0.01·x on the left.
        Value g = new Value(1000).gelu();
        assertEquals(1000, g.data, 0);
        assertEquals(1000, new Value(1000).softplus().data, 0);
        assertEquals(0, new Value(-1000).softplus().data, 0);
        assertEquals(-1, new Value(-1000).elu().data, 0);
        assertEquals(0, new Value(-1000).swish().data, 0);
        assertEquals(0, new Value(-1000).gelu().data, 0);
        assertEquals(-10, new Value(-1000).leakyRelu().data, 1e-12);
    }

    @Test
    void binaryOpsMatchFiniteDifferences() {
        checkBinary("add", Value::add, -3, 3);
        checkBinary("sub", Value::sub, -3, 3);
        checkBinary("mul", Value::mul, -3, 3);
        checkBinary("div", Value::div, 0.5, 3);
        checkBinary("composite", (a, b) -> a.mul(b).tanh().add(a.exp().div(b)).sub(b.pow(2).sigmoid()), 0.5, 2);
    }

    @Test
    void micrograd_sanity_check_matches_pytorch_reference() {
        // micrograd's test_sanity_check; reference numbers from PyTorch.
        Value x = new Value(-4.0);
        Value z = x.mul(2).add(2).add(x);
        Value q = z.relu().add(z.mul(x));
        Value h = z.mul(z).relu();
        Value y = h.add(q).add(q.mul(x));
        y.backward();
        assertEquals(-20.0, y.data, 1e-12);
        assertEquals(46.0, x.grad, 1e-12);
    }

    @Test
    void micrograd_more_ops_match_pytorch_reference() {
        // micrograd's test_more_ops; reference numbers from PyTorch.
        Value a = new Value(-4.0);
        Value b = new Value(2.0);
        Value c = a.add(b);
        Value d = a.mul(b).add(b.pow(3));
        c = c.add(c.add(1));
        c = c.add(new Value(1).add(c).sub(a));
        d = d.add(d.mul(2).add(b.add(a).relu()));
        d = d.add(new Value(3).mul(d).add(b.sub(a).relu()));
        Value e = c.sub(d);
        Value f = e.pow(2);
        Value g = f.div(2.0);
        g = g.add(new Value(10.0).div(f));
        g.backward();
        assertEquals(24.70408163265306, g.data, 1e-12);
        assertEquals(138.83381924198252, a.grad, 1e-10);
        assertEquals(645.5772594752186, b.grad, 1e-10);
    }

    @Test
    void tanhNeuronFromTheLecture() {
        // o = tanh(x1 w1 + x2 w2 + b) with the bias chosen so that o = 1/sqrt(2).
        Value x1 = new Value(2), x2 = new Value(0), w1 = new Value(-3), w2 = new Value(1);
        Value b = new Value(6.8813735870195432);
        Value o = x1.mul(w1).add(x2.mul(w2)).add(b).tanh();
        o.backward();
        assertEquals(Math.sqrt(0.5), o.data, 1e-12);
        assertEquals(-1.5, x1.grad, 1e-12);
        assertEquals(1.0, w1.grad, 1e-12);
        assertEquals(0.5, x2.grad, 1e-12);
        assertEquals(0.0, w2.grad, 1e-12);
    }

    @Test
    void gradientsAccumulateWhenAValueIsReused() {
        Value x = new Value(3);
        Value y = x.add(x);
        y.backward();
        assertEquals(2.0, x.grad);

        Value a = new Value(-2), b = new Value(3);
        Value d = a.mul(b);
        Value e = a.add(b);
        Value f = d.mul(e);
        f.backward();
        // f = ab(a + b): df/da = b(a + b) + ab = 3 - 6 = -3, df/db = a(a + b) + ab = -2 - 6 = -8
        assertEquals(-3.0, a.grad);
        assertEquals(-8.0, b.grad);
    }

    @Test
    void graphIsKeptForInspection() {
        Value a = new Value(2), b = new Value(5);
        Value c = a.mul(b);
        assertEquals("*", c.op());
        assertEquals(List.of(a, b), c.children());
        assertEquals("", a.op());
        assertTrue(a.children().isEmpty());
        assertEquals("tanh", c.tanh().op());
        assertEquals("^", c.pow(2).op());
        assertEquals(2, c.pow(2).exponent());
        assertTrue(Double.isNaN(c.exponent()), "only pow has an exponent");
        // Identity equality: equal numbers, distinct nodes.
        assertTrue(!new Value(1).equals(new Value(1)));
    }

    @Test
    void deepChainDoesNotOverflowTheStack() {
        Value x = new Value(0.5);
        Value y = x;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            y = y.add(1);
        }
        y.backward();
        assertEquals(0.5 + n, y.data, 1e-9);
        assertEquals(1.0, x.grad);
        List<Value> order = y.topologicalOrder();
        assertEquals(2 * n + 1, order.size()); // x, then a constant and a sum per step
        assertSame(y, order.get(order.size() - 1));
        assertSame(x, order.get(0));
    }

    @Test
    void topologicalOrderPutsChildrenFirst() {
        Value a = new Value(1), b = new Value(2);
        Value c = a.mul(b), d = c.add(a), e = d.tanh().mul(c);
        List<Value> order = e.topologicalOrder();
        for (int i = 0; i < order.size(); i++) {
            for (Value child : order.get(i).children()) {
                assertTrue(order.indexOf(child) < i, "child after parent");
            }
        }
        assertEquals(6, order.size()); // a, b, c, d, tanh, e
    }

    @Test
    void sinIsAPrimitive() {
        Value x = new Value(0.7);
        Value y = x.sin();
        y.backward();
        assertEquals(Math.sin(0.7), y.data, 0);
        assertEquals(Math.cos(0.7), x.grad, 0);
        assertEquals("sin", y.op());
        assertEquals(List.of(x), y.children());
    }

    @Test
    void sigmoidIsStableForLargeInputs() {
        assertEquals(1.0, Value.sigmoid(1000), 0);
        assertEquals(0.0, Value.sigmoid(-1000), 0);
        assertEquals(0.5, Value.sigmoid(0), 0);
        Value x = new Value(-800);
        x.sigmoid().backward();
        assertEquals(0.0, x.grad, 0);
    }
}
