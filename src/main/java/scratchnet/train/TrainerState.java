package scratchnet.train;

import java.util.List;
import scratchnet.engine.Value;

/**
 * A trainer's whole state between two steps as one array of numbers, so a run can move to
 * another thread (a Web Worker) and back and go on exactly as if it had stayed: every
 * parameter's data, the last update, the step and epoch counts, the mini-batch order and where
 * the epoch is in it, the random generator's state (the next shuffle and dropout masks), and the
 * optimizer's memory (momentum's velocity, Adam's moments and step). Every number is a double
 * that holds its value exactly (the generator's 64 bits as two 32-bit halves), so a Float64Array
 * carries it unchanged. The data, loss and settings are not in it: the receiving side builds its
 * trainer from the same model file and settings, then {@link #restore}s.
 */
public final class TrainerState {
    static final double FORMAT = 1;
    private static final String[] OPTIMIZERS = {"sgd", "momentum", "adam"};

    private TrainerState() {
    }

    /** The state of {@code t}, between steps; IllegalStateException while a step is in progress. */
    public static double[] capture(Trainer t) {
        if (t.next != Trainer.Phase.FORWARD) {
            throw new IllegalStateException("a step is in progress (next: " + t.next + "): capture between steps");
        }
        List<Value> ps = t.model.parameters();
        double[] memory = t.optimizer.memory();
        int n = ps.size();
        double[] s = new double[10 + 2 * n + t.order.length + memory.length];
        int k = 0;
        s[k++] = FORMAT;
        s[k++] = t.step;
        s[k++] = t.epoch;
        s[k++] = t.cursor;
        long r = t.rng.state();
        s[k++] = r >>> 32;
        s[k++] = r & 0xFFFFFFFFL;
        s[k++] = t.lastRate;
        s[k++] = java.util.Arrays.asList(OPTIMIZERS).indexOf(t.optimizer.label());
        s[k++] = n;
        for (Value p : ps) {
            s[k++] = p.data;
        }
        System.arraycopy(t.lastUpdate, 0, s, k, n);
        k += n;
        s[k++] = t.order.length;
        for (int i : t.order) {
            s[k++] = i;
        }
        System.arraycopy(memory, 0, s, k, memory.length);
        return s;
    }

    /**
     * Puts {@code state} (a {@link #capture}) into {@code t}, a trainer of the same network shape,
     * optimizer and data size; IllegalArgumentException (and {@code t} unchanged) if it is not one.
     */
    public static void restore(Trainer t, double[] state) {
        List<Value> ps = t.model.parameters();
        int n = ps.size();
        if (state.length < 10 || state[0] != FORMAT) {
            throw new IllegalArgumentException("not a trainer's state (format " + (state.length == 0 ? "none" : state[0]) + ")");
        }
        int optimizer = java.util.Arrays.asList(OPTIMIZERS).indexOf(t.optimizer.label());
        if (state[7] != optimizer) {
            throw new IllegalArgumentException("the state is of another optimizer");
        }
        if (state[8] != n || state.length < 10 + 2 * n) {
            throw new IllegalArgumentException("the state is of a network of " + (long) state[8] + " parameters, this one has " + n);
        }
        int orderAt = 9 + 2 * n;
        if (state[orderAt] != t.order.length || state.length < orderAt + 1 + t.order.length) {
            throw new IllegalArgumentException("the state is of " + (long) state[orderAt] + " examples, this trainer has "
                    + t.order.length);
        }
        int memoryAt = orderAt + 1 + t.order.length;
        int memory = state.length - memoryAt;
        boolean fits = optimizer == 0 ? memory == 0 : optimizer == 1 ? memory == 0 || memory == n : memory == 1 || memory == 1 + 2 * n;
        if (!fits) {
            throw new IllegalArgumentException("the optimizer's memory has " + memory + " numbers, not one per parameter");
        }
        t.optimizer.remember(java.util.Arrays.copyOfRange(state, memoryAt, state.length)); // throws before any change
        t.step = (int) state[1];
        t.epoch = (int) state[2];
        t.cursor = (int) state[3];
        t.rng.restore((long) state[4] << 32 | (long) state[5]);
        t.lastRate = state[6];
        for (int i = 0; i < n; i++) {
            ps.get(i).data = state[9 + i];
            t.lastUpdate[i] = state[9 + n + i];
        }
        for (int i = 0; i < t.order.length; i++) {
            t.order[i] = (int) state[orderAt + 1 + i];
        }
        t.next = Trainer.Phase.FORWARD;
    }
}
