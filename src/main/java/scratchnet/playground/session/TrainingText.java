package scratchnet.playground.session;

import scratchnet.io.Format;
import scratchnet.train.Schedule;
import scratchnet.train.StopRule;

/** The page's words for the training rules: why a stop rule ended play, and a schedule's formula. */
public final class TrainingText {
    private TrainingText() {
    }

    /**
     * Why a run's loss no longer moves, e.g. "stalled: the train loss has stayed at 1.4500 since step
     * 12 (100 steps) and the largest gradient is 0 ...": with gradients at about 0 the neurons sit
     * where their activation is flat; otherwise the updates cancel out.
     */
    public static String stalled(double loss, int since, int step, double largestGrad) {
        String stayed = "stalled: the train loss has stayed at " + Format.fixed(loss, 4) + " since step " + since + " ("
                + (step - since) + " steps)";
        if (largestGrad < 1e-6) {
            return stayed + " and the largest gradient is " + Format.compact(largestGrad) + ": the neurons sit where"
                    + " their activation is flat (tanh or sigmoid at its limits), so backward() gives the weights"
                    + " nothing to follow. A learning rate too large often pushes them there: reset and try a smaller one.";
        }
        return stayed + " although the largest gradient is " + Format.compact(largestGrad) + ": each update undoes"
                + " the last. Try a smaller learning rate.";
    }

    /** Why training stopped, e.g. "stopped: train loss 0.0098 fell below 0.01 at step 341". */
    public static String stopped(StopRule.Stop stop) {
        switch (stop.kind) {
            case EPOCHS:
                return "stopped: " + epochs(stop.epochs) + " done at step " + stop.step;
            case LOSS:
                return "stopped: train loss " + Format.fixed(stop.loss, 4) + " fell below " + Format.number(stop.line)
                        + " at step " + stop.step;
            default:
                return "stopped: test loss has not improved on " + Format.fixed(stop.loss, 4) + " (epoch " + stop.bestEpoch
                        + ") for " + epochs(stop.epochs) + ", at step " + stop.step;
        }
    }

    private static String epochs(int n) {
        return n + (n == 1 ? " epoch" : " epochs");
    }

    /** The schedule's formula, for people: e.g. "lr · 0.5^⌊k/100⌋", then its warm-up if it has one. */
    public static String formula(Schedule schedule) {
        String factor = Format.number(schedule.factor);
        int every = schedule.every;
        String f;
        switch (schedule.kind) {
            case STEP:
                f = "lr · " + factor + "^⌊k/" + every + "⌋";
                break;
            case EXP:
                f = "lr · " + factor + "^(k/" + every + ")";
                break;
            case COSINE:
                f = "cosine from lr to lr · " + factor + " over " + every + " steps";
                break;
            case MICROGRAD:
                f = "1.0 − 0.9 · min(k, 100)/100";
                break;
            default:
                f = "lr";
        }
        return schedule.warmup > 0 ? f + ", warm-up over " + schedule.warmup + " steps" : f;
    }
}
