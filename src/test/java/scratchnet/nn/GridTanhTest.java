package scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import scratchnet.data.Rng;
import scratchnet.engine.Tanh;

class GridTanhTest {
    @Test
    void withinTwoHundredMillionthsOfTanhEverywhere() {
        int n = 600_001;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = -30 + i * 1e-4; // every interval of the fit, both signs, and far beyond
        }
        double[] x = z.clone();
        GridTanh.apply(z, n);
        double worst = 0;
        double worstAt = 0;
        for (int i = 0; i < n; i++) {
            double error = Math.abs(z[i] - Math.tanh(x[i]));
            if (error > worst) {
                worst = error;
                worstAt = x[i];
            }
            assertTrue(z[i] >= -1 && z[i] <= 1, "beyond ±1 at " + x[i]);
        }
        System.out.printf("GridTanh: largest error %.3g at x = %.4f%n", worst, worstAt);
        assertTrue(worst < 2e-8, "largest error " + worst + " at " + worstAt);
        assertTrue(worst > 1e-10, "the fit is not exact; a zero error means the test measured nothing");
    }

    @Test
    void oddAndExactAtTheSpecialPoints() {
        Rng rng = new Rng(4);
        double[] z = new double[2000];
        for (int i = 0; i < 1000; i++) {
            z[i] = (rng.nextDouble() - 0.5) * 30;
            z[1000 + i] = -z[i];
        }
        GridTanh.apply(z, z.length);
        for (int i = 0; i < 1000; i++) {
            assertEquals(-z[i], z[1000 + i], 0);
        }
        double[] special = {0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300, -800, 11, -11};
        GridTanh.apply(special, special.length);
        assertEquals(0, special[0], 0);
        assertTrue(Double.isNaN(special[1]));
        assertEquals(1, special[2], 0);
        assertEquals(-1, special[3], 0);
        assertEquals(1, special[4], 0);
        assertEquals(-1, special[5], 0);
        assertEquals(Math.tanh(11), special[6], 2e-8);
        assertEquals(-Math.tanh(11), special[7], 2e-8);
    }

    @Test
    void sharedTanhIsOneBeyondTwentyAndOtherwiseMathTanh() {
        assertEquals(1, Tanh.tanh(800), 0);
        assertEquals(-1, Tanh.tanh(-1e300), 0);
        assertEquals(1, Tanh.tanh(20.5), 0);
        assertEquals(Math.tanh(20), Tanh.tanh(20), 0);
        assertEquals(Math.tanh(-0.3), Tanh.tanh(-0.3), 0);
        assertTrue(Double.isNaN(Tanh.tanh(Double.NaN)));
    }
}
