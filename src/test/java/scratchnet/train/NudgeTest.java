package scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Rng;
import scratchnet.data.Shape;
import scratchnet.engine.Value;
import scratchnet.nn.MLP;

/** The loss's change for a small raise of one parameter is grad × Δ, ever more closely as Δ shrinks. */
class NudgeTest {
    @Test
    void theChangeApproachesGradTimesDeltaAsDeltaShrinks() {
        Rng rng = new Rng(3);
        Dataset data = Dataset.generate(Shape.MOONS, 60, 0.1, rng);
        MLP model = new MLP(scratchnet.nn.Features.XY, new int[] {6, 1}, scratchnet.nn.Activation.TANH, scratchnet.nn.Activation.TANH, new Rng(5));
        List<Value> before = model.parameters();
        double[] saved = before.stream().mapToDouble(p -> p.data).toArray();
        for (int k : new int[] {0, 7, 17, 24}) {
            Nudge n = Nudge.of(model, data, Loss.MEAN_SQUARED, 0, 0.01, k, 0.01);
            double[] gap = new double[3];
            for (int i = 0; i < 3; i++) {
                gap[i] = Math.abs(n.change(i) - n.predicted(i));
            }
            System.out.printf("parameter %d: grad %.6f; |change − grad·Δ| for Δ = 0.01, 0.001, 0.0001: %.2e %.2e %.2e%n",
                    k, n.grad, gap[0], gap[1], gap[2]);
            assertTrue(gap[1] <= gap[0] / 20 + 1e-15 && gap[2] <= gap[1] / 20 + 1e-15,
                    "the gap falls like Δ² (100× per step, 20× asked)");
            double far = Math.abs(n.change(0) / n.predicted(0) - 1);
            double near = Math.abs(n.change(2) / n.predicted(2) - 1);
            assertTrue(near < 0.01 && near <= far / 50 + 1e-9, "at Δ = 1e-4 within 1%, and 100× closer than at 0.01: " + near);
            // backward()'s gradient is the finite differences' (GradientCheck's own claim, here once more)
            GradientCheck.Result r = GradientCheck.run(model, data, Loss.MEAN_SQUARED, 0.01);
            assertEquals(r.numeric[k], n.grad, 1e-6);
        }
        for (int i = 0; i < saved.length; i++) {
            assertEquals(saved[i], before.get(i).data, 0, "the model is left as it was");
        }
        assertThrows(IllegalArgumentException.class, () -> Nudge.of(model, data, Loss.MEAN_SQUARED, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Nudge.of(model, data, Loss.MEAN_SQUARED, 0, 0, 999, 0.01));
    }
}
