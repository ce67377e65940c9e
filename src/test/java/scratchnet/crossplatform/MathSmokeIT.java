package scratchnet.crossplatform;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.teavm.junit.TeaVMTestRunner;
import org.teavm.junit.WholeClassCompilation;

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
    public void doublesPrintAlike() {
        assertEquals("0.7615941559557649", Double.toString(Math.tanh(1)));
    }
}
