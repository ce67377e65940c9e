package scratchnet.train;

/**
 * A learning-rate schedule: the rate of step k (counted from 0) from the base rate. Immutable.
 *
 * <ul>
 *   <li>constant: {@code base}</li>
 *   <li>step: {@code base · factor^⌊k / every⌋}, down by {@code factor} every {@code every} steps</li>
 *   <li>exp: {@code base · factor^(k / every)}, the same decline made smooth (= base · e^(−rate·k)
 *       with rate = −ln(factor) / every)</li>
 *   <li>cosine: from {@code base} down to {@code base · factor} along half a cosine over
 *       {@code every} steps, then {@code base · factor}</li>
 *   <li>micrograd: {@code 1.0 − 0.9 · k / 100}, the schedule of micrograd's demo.ipynb, which
 *       ignores the base rate; its demo stops at k = 99, here it stays at 0.1 from k = 100 on</li>
 * </ul>
 *
 * A linear warm-up of {@code warmup} steps multiplies any of them by {@code (k + 1) / warmup}
 * while {@code k < warmup} (the schedule's own clock is not shifted); the trainer's inverse-time
 * {@code decay} divides the result by {@code 1 + decay · k}.
 */
public final class Schedule {
    /** The kinds, each with its name in a link. */
    public enum Kind {
        CONSTANT("constant"), STEP("step"), EXP("exp"), COSINE("cosine"), MICROGRAD("micrograd");

        public final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The kind named {@code label}, or null. */
        public static Kind byLabel(String label) {
            for (Kind k : values()) {
                if (k.label.equals(label)) {
                    return k;
                }
            }
            return null;
        }
    }

    public static final Schedule CONSTANT = new Schedule(Kind.CONSTANT, 100, 0.5, 0);

    public final Kind kind;
    /** Steps per decline (step, exp) or the length of the cosine; at least 1. */
    public final int every;
    /** What the rate is multiplied by per {@code every} steps (step, exp), or the cosine's end as a fraction of the base; 0–1. */
    public final double factor;
    /** Steps of linear warm-up at the start; 0 for none. */
    public final int warmup;

    /** @throws IllegalArgumentException for every &lt; 1, factor outside 0–1, or warmup &lt; 0 */
    public Schedule(Kind kind, int every, double factor, int warmup) {
        if (kind == null || every < 1 || !(factor >= 0 && factor <= 1) || warmup < 0) {
            throw new IllegalArgumentException("a schedule needs a kind, every ≥ 1, factor in 0–1 and warmup ≥ 0; got "
                    + kind + ", " + every + ", " + factor + ", " + warmup);
        }
        this.kind = kind;
        this.every = every;
        this.factor = factor;
        this.warmup = warmup;
    }

    /** The learning rate of step {@code k} (from 0) for the base rate {@code base}, before any decay. */
    public double rate(double base, int k) {
        double lr;
        switch (kind) {
            case STEP:
                lr = base * Math.pow(factor, k / every);
                break;
            case EXP:
                lr = base * Math.pow(factor, (double) k / every);
                break;
            case COSINE:
                double end = base * factor;
                lr = end + (base - end) * (1 + Math.cos(Math.PI * Math.min(k, every) / every)) / 2;
                break;
            case MICROGRAD:
                lr = 1.0 - 0.9 * Math.min(k, 100) / 100;
                break;
            default:
                lr = base;
        }
        return k < warmup ? lr * (k + 1) / warmup : lr;
    }
}
