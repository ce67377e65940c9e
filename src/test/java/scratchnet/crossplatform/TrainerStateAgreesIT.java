package scratchnet.crossplatform;

import static org.junit.Assert.assertEquals;

import java.util.List;
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
import scratchnet.train.Optimizer;
import scratchnet.train.Loss;
import scratchnet.train.Trainer;
import scratchnet.train.TrainerState;

/**
 * {@link TrainerState} on the JVM, as JS and as Wasm GC: a run moved to a trainer built afresh
 * after 10 steps ends, 5 steps later, bit for bit as one that stayed, in each engine (what a
 * worker built in the page's engine needs); the generator's 64 bits travel as the two halves the
 * JVM gives (8035432197209663560 after 10 steps of momentum on mini-batches of 16 with dropout 0.3,
 * printed on the JVM: integer arithmetic, the same everywhere).
 */
@RunWith(TeaVMTestRunner.class)
@WholeClassCompilation
public class TrainerStateAgreesIT {
    private static final long RNG_AFTER_10 = 8035432197209663560L;

    private static Trainer trainer() {
        Rng rng = new Rng(42);
        Dataset data = Dataset.generate(Shape.MOONS, 60, 0.1, rng);
        MLP model = new MLP(Features.XY, new int[] {6, 5, 1}, Activation.TANH, Activation.TANH, rng);
        Trainer t = new Trainer(model, data, Loss.MEAN_SQUARED, Optimizer.byLabel("momentum"), rng);
        t.learningRate = 0.1;
        t.batchSize = 16;
        t.dropout = 0.3;
        return t;
    }

    private static String bits(Trainer t) {
        StringBuilder s = new StringBuilder();
        List<Value> ps = t.model.parameters();
        for (Value p : ps) {
            s.append(Long.toHexString(Double.doubleToLongBits(p.data))).append(' ');
        }
        return s.toString();
    }

    @Test
    public void aMovedRunEndsAsOneThatStayed() {
        Trainer stayed = trainer();
        for (int k = 0; k < 15; k++) {
            stayed.step();
        }
        Trainer first = trainer();
        for (int k = 0; k < 10; k++) {
            first.step();
        }
        double[] state = TrainerState.capture(first);
        assertEquals(RNG_AFTER_10, (long) state[4] << 32 | (long) state[5]);
        Trainer moved = trainer();
        TrainerState.restore(moved, state);
        for (int k = 0; k < 5; k++) {
            moved.step();
        }
        assertEquals(bits(stayed), bits(moved));
        assertEquals(stayed.steps(), moved.steps());
        assertEquals(stayed.epochs(), moved.epochs());
    }
}
