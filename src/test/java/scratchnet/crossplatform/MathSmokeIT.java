package scratchnet.crossplatform;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.teavm.junit.TeaVMTestRunner;
import org.teavm.junit.WholeClassCompilation;
import scratchnet.data.Rng;
import scratchnet.engine.Tanh;
import scratchnet.engine.Value;
import scratchnet.nn.Activation;
import scratchnet.nn.MLP;

/**
 * Runs on the JVM, then compiled by TeaVM as JS and as Wasm GC in headless Chromium (see the
 * teavm.junit.* properties in pom.xml). Cross-platform tests of the core belong in this package,
 * JUnit 4 style; failsafe runs every test class in this package.
 */
@RunWith(TeaVMTestRunner.class)
@WholeClassCompilation
public class MathSmokeIT {
    @Test
    public void tanhIsOddAndBounded() {
        double sum = 0;
        for (int i = -5; i <= 5; i++) {
            sum += Math.tanh(i * 0.7);
        }
        assertEquals(0.0, sum, 1e-12);
        assertEquals(1.0, Math.tanh(40), 0.0);
    }

    @Test
    public void saturatedNeuronsGiveOneNotNaN() {
        // TeaVM's Math.tanh is NaN beyond |x| = 709.8; the project's tanh must not be, anywhere.
        assertEquals(1.0, Tanh.tanh(800), 0.0);
        assertEquals(-1.0, Tanh.tanh(-1e300), 0.0);
        assertEquals(1.0, new Value(750).tanh().data, 0.0);
        MLP mlp = new MLP(2, new int[] {3, 1}, Activation.TANH, Activation.TANH, new Rng(1));
        for (Value p : mlp.parameters()) {
            p.data = 1000; // every sum is ±1000 or more: far past where exp overflows
        }
        assertEquals(1.0, mlp.snapshot().predict(new double[] {1, 1})[0], 0.0); // hidden 3000, output 4000
        assertEquals(-1.0, mlp.snapshot().predict(new double[] {-1, -1})[0], 0.0); // hidden -1000, output -2000
        assertEquals(-1.0, mlp.forward(new double[] {-1, -1}).get(0).data, 0.0);
        double[] grid = new double[16];
        mlp.snapshot().grid(-1, 1, -1, 1, 4, 4, grid);
        for (double g : grid) {
            assertEquals(1.0, Math.abs(g), 1e-8);
        }
    }

    @Test
    public void everyActivationStaysFiniteAtExtremeInputs() {
        // Where exp overflows (|x| > 709.8) and beyond: values and gradients finite, on both engines.
        double[] xs = {1000, -1000, 710, -710, 1e150, -1e150};
        for (Activation a : Activation.values()) {
            scratchnet.engine.Tensor t = new scratchnet.engine.Tensor(1, xs.length);
            System.arraycopy(xs, 0, t.data, 0, xs.length);
            scratchnet.engine.Tensor out = a.apply(t);
            scratchnet.engine.Tensor sum = out.sum();
            sum.zeroGrad();
            sum.backward();
            for (int i = 0; i < xs.length; i++) {
                Value x = new Value(xs[i]);
                Value y = a.apply(x);
                y.backward();
                String what = a.label + " at " + xs[i];
                assertTrue(what, Double.isFinite(y.data) && Double.isFinite(x.grad));
                assertTrue(what, Double.isFinite(out.data[i]) && Double.isFinite(t.grad[i]));
                assertEquals(what, a.apply(xs[i]), y.data, 0.0);
            }
        }
        assertEquals(1000, new Value(1000).gelu().data, 0.0);
        assertEquals(-1, new Value(-1000).elu().data, 0.0);
        assertEquals(1000, new Value(1000).softplus().data, 0.0);
    }

    @Test
    public void doublesPrintAlike() {
        assertEquals("0.7615941559557649", Double.toString(Math.tanh(1)));
    }
}
