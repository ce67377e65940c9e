package scratchnet.data;

/**
 * The one seeded random source that data generation, weight initialisation and mini-batch
 * sampling all draw from, so a seed reproduces a run exactly.
 *
 * <p>SplitMix64: integer arithmetic only, so the sequence of {@link #nextLong()} and
 * {@link #nextDouble()} is bit-identical on the JVM and in the browser (JS and Wasm).
 * {@link #nextGaussian()} goes through {@code Math.log} and {@code Math.cos}, which may differ
 * across platforms in the last bit.
 */
public final class Rng {
    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    /** The state the next draw starts from (to move a run elsewhere: {@link #restore}). */
    public long state() {
        return state;
    }

    /** Continues from {@code state}, as the generator that had it would. */
    public void restore(long state) {
        this.state = state;
    }

    /** A generator that continues from this one's state, independently of it. */
    public Rng copy() {
        return new Rng(state);
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1), 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [low, high). */
    public double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /** Uniform in [0, bound); {@code bound} must be positive. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        return (int) ((nextLong() >>> 33) % bound);
    }

    /** Standard normal (Box–Muller; one draw per call, the partner is discarded for simplicity). */
    public double nextGaussian() {
        double u = 1 - nextDouble(); // in (0, 1], so the log is finite
        double v = nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Shuffles {@code a} in place (Fisher–Yates). */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
