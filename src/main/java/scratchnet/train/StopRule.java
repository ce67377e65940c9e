package scratchnet.train;

import java.util.function.DoubleSupplier;

/**
 * When to stop training, checked after every step: after {@code epochs} epochs, when the training
 * loss falls below {@code belowLoss}, or when the test loss has not improved on its best for
 * {@code patience} epochs (checked at the end of each epoch). 0 turns a rule off.
 *
 * <p>A rule fires when it newly holds, so training that is continued after a stop goes on until a
 * rule fires again: the epoch rule fires once when the count reaches its number (again only if the
 * count falls below it, e.g. a larger number is set, and then reaches it); the loss rule fires when
 * the loss falls below the line from at or above it; patience starts counting afresh after it fires.
 * {@link #restart()} forgets everything (training back at step 0). What fired comes back as a
 * {@link Stop}, numbers only: the playground puts it into words.
 */
public final class StopRule {
    /** The three rules. */
    public enum Kind { EPOCHS, LOSS, PATIENCE }

    /** A rule that fired: which, at what step, and the numbers it fired on. */
    public static final class Stop {
        public final Kind kind;
        /** The steps taken when it fired. */
        public final int step;
        /** EPOCHS: the epochs done (the rule's number); PATIENCE: the epochs without improvement (the patience); LOSS: 0. */
        public final int epochs;
        /** LOSS: the training loss that fell below the line; PATIENCE: the best test loss; EPOCHS: NaN. */
        public final double loss;
        /** LOSS: the line it fell below ({@link StopRule#belowLoss}); NaN otherwise. */
        public final double line;
        /** PATIENCE: the epoch of the best test loss; -1 otherwise. */
        public final int bestEpoch;

        private Stop(Kind kind, int step, int epochs, double loss, double line, int bestEpoch) {
            this.kind = kind;
            this.step = step;
            this.epochs = epochs;
            this.loss = loss;
            this.line = line;
            this.bestEpoch = bestEpoch;
        }
    }

    public int epochs;
    public double belowLoss;
    public int patience;

    private boolean epochsHeld;
    private boolean lossHeld;
    private int checkedEpoch = -1;  // the last epoch whose end the patience rule saw
    private double best = Double.POSITIVE_INFINITY;
    private int bestEpoch;        // the epoch of the best test loss, or of the last stop for patience

    /** Training starts over: every rule is armed again and the best test loss forgotten. */
    public void restart() {
        epochsHeld = false;
        lossHeld = false;
        checkedEpoch = -1;
        best = Double.POSITIVE_INFINITY;
        bestEpoch = 0;
    }

    /** True if any rule is on. */
    public boolean any() {
        return epochs > 0 || belowLoss > 0 || patience > 0;
    }

    /**
     * Checks the rules after a step. The losses are computed only when a rule needs them: the
     * training loss for {@code belowLoss}, the test loss at an epoch's end for {@code patience}
     * (pass {@code hasTest} false when there are no test points: patience then never fires).
     *
     * @param step the steps taken so far
     * @param epoch the whole epochs completed so far
     * @return the rule that fired (the first in the order epochs, loss, patience if several did), or null
     */
    public Stop check(int step, int epoch, DoubleSupplier trainLoss, boolean hasTest, DoubleSupplier testLoss) {
        Stop why = null;
        boolean epochsHold = epochs > 0 && epoch >= epochs;
        if (epochsHold && !epochsHeld) {
            why = new Stop(Kind.EPOCHS, step, epochs, Double.NaN, Double.NaN, -1);
        }
        epochsHeld = epochsHold;
        if (belowLoss > 0) {
            double loss = trainLoss.getAsDouble();
            boolean holds = loss < belowLoss;
            if (holds && !lossHeld && why == null) {
                why = new Stop(Kind.LOSS, step, 0, loss, belowLoss, -1);
            }
            lossHeld = holds;
        } else {
            lossHeld = false;
        }
        if (patience > 0 && hasTest && epoch != checkedEpoch) {
            checkedEpoch = epoch;
            double loss = testLoss.getAsDouble();
            if (loss < best) {
                best = loss;
                bestEpoch = epoch;
            } else if (epoch - bestEpoch >= patience) {
                if (why == null) {
                    why = new Stop(Kind.PATIENCE, step, patience, best, Double.NaN, bestEpoch);
                }
                bestEpoch = epoch; // count afresh from here
            }
        }
        return why;
    }
}
