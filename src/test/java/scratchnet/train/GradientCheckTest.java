package scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Rng;
import scratchnet.data.Shape;
import scratchnet.engine.Value;
import scratchnet.nn.Activation;
import scratchnet.nn.Features;
import scratchnet.nn.MLP;

class GradientCheckTest {

    @Test
    void backwardAgreesWithFiniteDifferences() {
        for (Loss loss : Loss.values()) {
            Rng rng = new Rng(3);
            boolean ce = loss == Loss.CROSS_ENTROPY; // three classes, three logits, features beyond x and y
            Dataset data = ce ? Dataset.generate(Shape.SPIRAL, 30, 0.1, 3, rng) : Dataset.generate(Shape.XOR, 30, 0.1, rng);
            MLP model = ce ? new MLP(Features.parse("x,y,x2,xy,sinx"), new int[] {5, 4, 3}, Activation.TANH, Activation.LINEAR, rng)
                    : new MLP(2, new int[] {5, 4, 1}, Activation.TANH, Activation.TANH, rng);
            double before = model.parameters().get(7).data;
            GradientCheck.Result r = GradientCheck.run(model, data, loss, 1e-3);
            System.out.printf("gradient check %s: largest relative error %.3g%n", loss.label, r.maxRelativeError);
            assertTrue(r.maxRelativeError < 1e-6, loss + ": " + r.maxRelativeError);
            assertEquals(before, model.parameters().get(7).data, 0, "parameters restored");
            assertEquals(model.parameters().size(), r.numeric.length);
        }
    }

    @Test
    void regressionWithFeaturesAgreesWithFiniteDifferences() {
        Rng rng = new Rng(8);
        Dataset data = Dataset.generate(Shape.BUMPS, 40, 0.05, rng);
        MLP model = new MLP(Features.parse("x,y,x2,y2,xy,sinx,siny"), new int[] {6, 1}, Activation.TANH, Activation.LINEAR, rng);
        GradientCheck.Result r = GradientCheck.run(model, data, Loss.MEAN_SQUARED, 1e-3);
        System.out.printf("gradient check bumps (regression, 7 features): largest relative error %.3g%n", r.maxRelativeError);
        assertTrue(r.maxRelativeError < 1e-6, "" + r.maxRelativeError);
    }

    @Test
    void aWrongGradientIsCaught() {
        // A deliberately broken gradient must show up as a large error: the check can fail.
        Rng rng = new Rng(4);
        Dataset data = Dataset.generate(Shape.MOONS, 20, 0.1, rng);
        MLP model = new MLP(2, new int[] {3, 1}, Activation.TANH, Activation.TANH, rng);
        GradientCheck.Result r = GradientCheck.run(model, data, Loss.MEAN_SQUARED, 0);
        double[] broken = r.backward.clone();
        broken[2] *= 1.01;
        assertTrue(GradientCheck.relativeError(broken[2], r.numeric[2]) > 1e-3);
        assertEquals(0, GradientCheck.relativeError(1.5, 1.5));
        assertTrue(GradientCheck.relativeError(1e-12, -1e-12) < 1e-3, "two near-zeros agree");
        for (Value p : model.parameters()) {
            assertTrue(Double.isFinite(p.grad));
        }
    }

    @Test
    void inSlicesItGivesTheSameAnswerAndLeavesTheModelAlone() {
        Rng rng = new Rng(6);
        Dataset data = Dataset.generate(Shape.MOONS, 200, 0.1, rng);
        MLP model = new MLP(2, new int[] {16, 16, 1}, Activation.TANH, Activation.TANH, rng);
        GradientCheck.Result whole = GradientCheck.run(model, data, Loss.MEAN_SQUARED, 1e-4);

        GradientCheck.Job job = new GradientCheck.Job(model, data, Loss.MEAN_SQUARED, 1e-4);
        assertThrows(IllegalStateException.class, job::result);
        // The model trains on while the check runs: the check keeps the weights it started with.
        Trainer trainer = new Trainer(model, data, Loss.MEAN_SQUARED, new Optimizer.Sgd(), new Rng(1));
        int slices = 0;
        while (!job.done()) {
            int before = job.checked();
            job.advance();
            slices++;
            assertTrue(job.checked() > before);
            trainer.step();
        }
        // 337 parameters, 200 points: 134,800 multiply-adds per parameter, 37 parameters per slice.
        assertEquals(337, job.parameters());
        assertEquals(10, slices);
        GradientCheck.Result sliced = job.result();
        assertArrayEquals(whole.numeric, sliced.numeric);
        assertArrayEquals(whole.backward, sliced.backward);
        assertArrayEquals(whole.batched, sliced.batched);
        assertNotEquals(whole.backward[0], model.parameters().get(0).grad, "the model's own grads are the trainer's");
    }
}
