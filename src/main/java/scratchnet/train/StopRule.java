package scratchnet.train;

import java.util.function.DoubleSupplier;
import scratchnet.io.Format;

/**
 * When to stop training, checked after every step: after {@code epochs} epochs, when the training
 * loss falls below {@code belowLoss}, or when the test loss has not improved on its best for
 * {@code patience} epochs (checked at the end of each epoch). 0 turns a rule off.
 *
 * <p>A rule fires when it newly holds, so training that is continued after a stop goes on until a
 * rule fires again: the epoch rule fires once when the count reaches its number (again only if the
 * count falls below it, e.g. a larger number is set, and then reaches it); the loss rule fires when
 * the loss falls below the line from at or above it; patience starts counting afresh after it fires.
 * {@link #restart()} forgets everything (training back at step 0).
 */
public final class StopRule {
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
     * @return why training stops, e.g. "stopped: train loss 0.0098 fell below 0.01 at step 341", or null
     */
    public String check(int step, int epoch, DoubleSupplier trainLoss, boolean hasTest, DoubleSupplier testLoss) {
        String why = null;
        boolean epochsHold = epochs > 0 && epoch >= epochs;
        if (epochsHold && !epochsHeld) {
            why = "stopped: " + epochs + (epochs == 1 ? " epoch" : " epochs") + " done at step " + step;
        }
        epochsHeld = epochsHold;
        if (belowLoss > 0) {
            double loss = trainLoss.getAsDouble();
            boolean holds = loss < belowLoss;
            if (holds && !lossHeld && why == null) {
                why = "stopped: train loss " + Format.fixed(loss, 4) + " fell below " + Format.number(belowLoss)
                        + " at step " + step;
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
                    why = "stopped: test loss has not improved on " + Format.fixed(best, 4) + " (epoch " + bestEpoch
                            + ") for " + patience + (patience == 1 ? " epoch" : " epochs") + ", at step " + step;
                }
                bestEpoch = epoch; // count afresh from here
            }
        }
        return why;
    }
}
