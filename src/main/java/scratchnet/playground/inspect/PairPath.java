package scratchnet.playground.inspect;

import scratchnet.train.Trainer;

/**
 * The way two parameters went: their values after each step, the last {@link #LENGTH} of them,
 * oldest first, for drawing over {@link scratchnet.train.PairGrid}. It starts afresh when the pair
 * changes, when the trainer is another one (a reset, new weights, new settings: the session makes
 * a new trainer), or when the trainer's step count went back; a call with no new step since the
 * last adds nothing.
 */
public final class PairPath {
    /** Points kept: the last 500 steps. */
    public static final int LENGTH = 500;

    private final double[] firsts = new double[LENGTH];
    private final double[] seconds = new double[LENGTH];
    private int start;
    private int size;
    private Trainer trainer;
    private int first = -1;
    private int second = -1;
    private int step = -1;

    /** Records parameters {@code first} and {@code second} of {@code trainer}'s model as they are now (call after each step). */
    public void record(Trainer trainer, int first, int second) {
        if (trainer != this.trainer || first != this.first || second != this.second || trainer.steps() < step) {
            clear();
            this.trainer = trainer;
            this.first = first;
            this.second = second;
        } else if (trainer.steps() == step) {
            return;
        }
        step = trainer.steps();
        var params = trainer.model.parameters();
        int at = (start + size) % LENGTH;
        firsts[at] = params.get(first).data;
        seconds[at] = params.get(second).data;
        if (size < LENGTH) {
            size++;
        } else {
            start = (start + 1) % LENGTH;
        }
    }

    /** Forgets every point. */
    public void clear() {
        start = 0;
        size = 0;
        step = -1;
    }

    /** Points recorded (at most {@link #LENGTH}). */
    public int size() {
        return size;
    }

    /** The first parameter's value at point {@code k}, 0 the oldest kept. */
    public double first(int k) {
        return firsts[index(k)];
    }

    /** The second parameter's value at point {@code k}. */
    public double second(int k) {
        return seconds[index(k)];
    }

    private int index(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException("point " + k + " of " + size);
        }
        return (start + k) % LENGTH;
    }
}
