package scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Rng;
import scratchnet.data.Shape;
import scratchnet.engine.Value;
import scratchnet.nn.Activation;
import scratchnet.nn.Features;
import scratchnet.nn.MLP;

/** A run moved between trainers mid-way goes on bit for bit as if it had stayed (what a Web Worker needs). */
class TrainerStateTest {

    private static Trainer trainer(String optimizer, int batch, double dropout) {
        Rng rng = new Rng(42);
        Dataset data = Dataset.generate(Shape.MOONS, 60, 0.1, rng);
        MLP model = new MLP(Features.XY, new int[] {6, 5, 1}, Activation.TANH, Activation.TANH, rng);
        Trainer t = new Trainer(model, data, Loss.MEAN_SQUARED, Optimizer.byLabel(optimizer), rng);
        t.learningRate = 0.1;
        t.batchSize = batch;
        t.dropout = dropout;
        return t;
    }

    private static long[] bits(Trainer t) {
        List<Value> ps = t.model.parameters();
        long[] b = new long[ps.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = Double.doubleToLongBits(ps.get(i).data);
        }
        return b;
    }

    @Test
    void aRunMovedAfter10StepsEndsAsOneThatStayed() {
        for (String optimizer : new String[] {"sgd", "momentum", "adam"}) {
            for (int batch : new int[] {0, 16}) {
                for (double dropout : new double[] {0, 0.3}) {
                    String what = optimizer + ", batch " + batch + ", dropout " + dropout;
                    Trainer stayed = trainer(optimizer, batch, dropout);
                    for (int k = 0; k < 25; k++) {
                        stayed.step();
                    }
                    Trainer first = trainer(optimizer, batch, dropout);
                    for (int k = 0; k < 10; k++) {
                        first.step();
                    }
                    double[] state = TrainerState.capture(first);
                    Trainer moved = trainer(optimizer, batch, dropout); // built afresh, as the other thread would
                    TrainerState.restore(moved, state);
                    assertEquals(10, moved.steps(), what);
                    for (int k = 0; k < 15; k++) {
                        moved.step();
                    }
                    assertEquals(java.util.Arrays.toString(bits(stayed)), java.util.Arrays.toString(bits(moved)), what);
                    assertEquals(stayed.steps(), moved.steps(), what);
                    assertEquals(stayed.epochs(), moved.epochs(), what);
                    assertEquals(java.util.Arrays.toString(stayed.lastUpdate()), java.util.Arrays.toString(moved.lastUpdate()), what);
                    assertEquals(stayed.rng.state(), moved.rng.state(), what + ": the generator goes on alike");
                }
            }
        }
    }

    @Test
    void aStateIsOnlyTakenBetweenStepsAndOnlyByItsKind() {
        Trainer t = trainer("adam", 0, 0);
        t.step();
        t.forward();
        assertThrows(IllegalStateException.class, () -> TrainerState.capture(t), "mid-step");
        t.backward();
        t.update();
        double[] state = TrainerState.capture(t);
        Trainer sgd = trainer("sgd", 0, 0);
        assertThrows(IllegalArgumentException.class, () -> TrainerState.restore(sgd, state), "another optimizer");
        Rng rng = new Rng(1);
        Trainer wider = new Trainer(new MLP(Features.XY, new int[] {7, 1}, Activation.TANH, Activation.TANH, rng),
                Dataset.generate(Shape.MOONS, 60, 0.1, rng), Loss.MEAN_SQUARED, new Optimizer.Adam(0.9, 0.999, 1e-8), rng);
        long[] before = bits(wider);
        assertThrows(IllegalArgumentException.class, () -> TrainerState.restore(wider, state), "another shape");
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(bits(wider)), "left unchanged");
        double[] cut = java.util.Arrays.copyOf(state, state.length - 3);
        assertThrows(IllegalArgumentException.class, () -> TrainerState.restore(trainer("adam", 0, 0), cut), "truncated");
        assertThrows(IllegalArgumentException.class, () -> TrainerState.restore(trainer("adam", 0, 0), new double[0]));
    }

    @Test
    void theGeneratorsStateTravelsAsTwoExactHalves() {
        Trainer t = trainer("momentum", 16, 0.3);
        for (int k = 0; k < 7; k++) {
            t.step();
        }
        double[] state = TrainerState.capture(t);
        long r = t.rng.state();
        assertEquals(r, (long) state[4] << 32 | (long) state[5], "the generator's 64 bits in two exact halves");
        for (int i : new int[] {4, 5}) {
            assertEquals(true, state[i] >= 0 && state[i] < 0x1p32 && state[i] == Math.floor(state[i]), "a 32-bit half: " + state[i]);
        }
        double[] copy = new double[state.length]; // what a Float64Array's copy gives back
        System.arraycopy(state, 0, copy, 0, state.length);
        Trainer moved = trainer("momentum", 16, 0.3);
        TrainerState.restore(moved, copy);
        t.step();
        moved.step();
        assertEquals(java.util.Arrays.toString(bits(t)), java.util.Arrays.toString(bits(moved)), "and the next step agrees");
    }
}
