package scratchnet.nn;

import scratchnet.data.Rng;

/**
 * How a layer's weights are first drawn, from the seeded {@link Rng}: neuron by neuron, each
 * neuron's weights in input order, one draw per weight (none for {@link #ZERO}). Biases start at 0
 * in every scheme. {@code fanIn} is a neuron's inputs, {@code fanOut} its layer's neurons.
 *
 * <p>The normal schemes take their draws from Box–Muller through {@code StrictMath} (fdlibm, as the
 * browsers' {@code Math} is), so the weights agree on the JVM and in the browser.
 */
public enum Init {
    /** U(−1/√fanIn, 1/√fanIn): the seed's scheme, the default. */
    UNIFORM("uniform") {
        public double weight(int fanIn, int fanOut, Rng rng) {
            return rng.uniform(-1, 1) * (1 / Math.sqrt(fanIn));
        }
    },
    /** Every weight 0: every neuron of a layer computes the same thing and gets the same gradient. */
    ZERO("zero") {
        public double weight(int fanIn, int fanOut, Rng rng) {
            return 0;
        }
    },
    /** N(0, 1), whatever the fan-in: wide layers start with large sums (tanh and sigmoid saturate). */
    NORMAL("normal") {
        public double weight(int fanIn, int fanOut, Rng rng) {
            return gaussian(rng);
        }
    },
    /** Glorot and Bengio 2010, uniform: U(−a, a) with a = √(6 / (fanIn + fanOut)). */
    GLOROT("glorot") {
        public double weight(int fanIn, int fanOut, Rng rng) {
            return rng.uniform(-1, 1) * Math.sqrt(6.0 / (fanIn + fanOut));
        }
    },
    /** He et al. 2015, normal: N(0, 2 / fanIn), for ReLU layers. */
    HE("he") {
        public double weight(int fanIn, int fanOut, Rng rng) {
            return gaussian(rng) * Math.sqrt(2.0 / fanIn);
        }
    };

    /** The name in links and files. */
    public final String label;

    Init(String label) {
        this.label = label;
    }

    /** One weight of a neuron with {@code fanIn} inputs in a layer of {@code fanOut} neurons. */
    public abstract double weight(int fanIn, int fanOut, Rng rng);

    /** The scheme called {@code label}, or null. */
    public static Init byLabel(String label) {
        for (Init i : values()) {
            if (i.label.equals(label)) {
                return i;
            }
        }
        return null;
    }

    /** Every scheme's label, in order. */
    public static String[] labels() {
        Init[] all = values();
        String[] labels = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            labels[i] = all[i].label;
        }
        return labels;
    }

    /** A standard normal draw: two uniforms, Box–Muller. */
    static double gaussian(Rng rng) {
        double u = 1 - rng.nextDouble(); // in (0, 1], so the log is finite
        double v = rng.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }
}
