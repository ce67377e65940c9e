package scratchnet.playground.inspect;

import scratchnet.io.Format;
import scratchnet.train.Landscape;
import scratchnet.train.RunsPlane;

/** The downhill view's problems in words: the core says which ({@link Landscape.Problem}, ...), the page says it so. */
final class LandscapeWords {
    static final String ADVICE = ": reset or lower the learning rate";
    static final String PATH_TOO_SHORT = "the path has fewer than three steps: train a little first";

    private LandscapeWords() {}

    /** E.g. "a parameter is not finite (NaN): reset or lower the learning rate"; null when the landscape has no problem. */
    static String problem(Landscape l) {
        Landscape.Problem p = l.problem();
        if (p == null) {
            return null;
        }
        switch (p) {
            case NO_POINTS:
                return "no training points: add some to see the loss";
            case PARAMETER:
                return "a parameter is not finite (" + Format.compact(l.problemValue()) + ")" + ADVICE;
            case LOSS:
                return "the loss is not finite (" + Format.compact(l.problemValue()) + ")" + ADVICE;
            default:
                return "a gradient is not finite (" + Format.compact(l.problemValue()) + ")" + ADVICE;
        }
    }

    /** Why no plane holds two runs ({@code a} and {@code b} parameters); null for none. */
    static String runs(RunsPlane.Problem p, int a, int b) {
        if (p == null) {
            return null;
        }
        switch (p) {
            case DIFFERENT_SIZES:
                return "the two networks have different numbers of parameters (" + a + " and " + b + "): no plane holds both";
            case NOT_FINITE:
                return "a run's weights are not finite" + ADVICE;
            default:
                return "both runs are still at their start: train a little first";
        }
    }

    /** Which line the start and both runs lie on, when the second direction had to be a spare one; null for none. */
    static String line(RunsPlane.Line l) {
        if (l == null) {
            return null;
        }
        switch (l) {
            case B_ON_A_LINE:
                return "run B's weights lie on the line through the start and run A's";
            case B_AT_START:
                return "run B is still at the start";
            default:
                return "run A is still at the start";
        }
    }
}
