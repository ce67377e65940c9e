package scratchnet.playground.session;

/**
 * Notices a run whose training loss has stopped moving: the same value, to within a relative
 * {@link #TOLERANCE}, for {@link #STEPS} steps in a row. A learning rate too large drives tanh or
 * sigmoid neurons to their flat ends (±1, where the gradient is 0), and the loss then freezes
 * while staying finite, so the divergence alarm never rings. With mini-batches each step's loss is
 * its own batch's and rarely repeats: a stall is seen with full batches.
 */
final class Stall {
    static final int STEPS = 100;
    static final double TOLERANCE = 1e-9;

    private double held = Double.NaN; // the value the loss has kept
    private int since; // the step it first had it
    private int count; // steps since then that kept it

    void restart() {
        held = Double.NaN;
        count = 0;
    }

    /** After step {@code step} with loss {@code loss}: true once the loss has kept one value for {@link #STEPS} steps. */
    boolean step(int step, double loss) {
        if (!(Math.abs(loss - held) <= TOLERANCE * Math.max(1, Math.abs(held)))) {
            held = loss;
            since = step;
            count = 0;
            return false;
        }
        count++;
        return count >= STEPS;
    }

    double held() {
        return held;
    }

    int since() {
        return since;
    }
}
