package scratchnet.playground.inspect;

import scratchnet.io.Format;
import scratchnet.train.Nudge;

/**
 * A nudge as the page shows it ({@link Nudge}'s numbers as text): what was raised and by how much,
 * the loss before and after, and for Δ, Δ/10 and Δ/100 the loss's change beside {@code grad × Δ} and
 * their ratio, which nears 1 as Δ shrinks.
 */
public final class NudgeView {
    /** E.g. "w[2][0][3] raised by 0.01, from 0.5136 to 0.5236: the loss went from 0.2956 to 0.2950 (−6.0e-4), grad × Δ = ...". */
    public final String summary;
    /** Per Δ: Δ, the loss after, its change, grad × Δ, change ÷ (grad × Δ). */
    public final String[][] rows;

    NudgeView(String name, Nudge n) {
        rows = new String[n.deltas.length][];
        for (int k = 0; k < rows.length; k++) {
            double change = n.change(k);
            double predicted = n.predicted(k);
            rows[k] = new String[] {delta(n.deltas[k]), Format.significant(n.after[k], 8), Format.significant(change, 4),
                    Format.significant(predicted, 4), predicted == 0 ? "—" : Format.significant(change / predicted, 6)};
        }
        summary = name + " raised by " + delta(n.deltas[0]) + ", from " + Format.compact(n.value) + " to "
                + Format.compact(n.value + n.deltas[0]) + ": the training loss went from " + Format.significant(n.before, 8)
                + " to " + Format.significant(n.after[0], 8) + ", a change of " + Format.significant(n.change(0), 4)
                + "; its gradient predicts grad × Δ = " + Format.significant(n.grad, 4) + " × " + delta(n.deltas[0])
                + " = " + Format.significant(n.predicted(0), 4)
                + ". The smaller Δ, the closer the two (the ratio nears 1): that is what the gradient means.";
    }

    /** A Δ as a person writes it: 0.01, 0.001, and 1.0e-4 (not Java's 1.0E-4) below that. */
    private static String delta(double d) {
        return Math.abs(d) >= 1e-3 ? Format.number(d) : Format.significant(d, 2);
    }
}
