package scratchnet.engine;

/** The project's one tanh on plain doubles: the scalar engine, the batched one and the fast forward pass all call it. */
public final class Tanh {
    private Tanh() {
    }

    /**
     * tanh(x), and exactly ±1 for |x| > 20. {@link Math#tanh} alone is not enough in the browser:
     * TeaVM 0.16 computes it as (e − 1/e) / (e + 1/e) with e = exp(x), which is ∞/∞ = NaN once
     * exp overflows (|x| > 709.8), e.g. in a neuron of an imported model with large weights.
     * Beyond 20 the true tanh rounds to ±1 anyway, so on the JVM nothing changes. NaN stays NaN.
     */
    public static double tanh(double x) {
        return x > 20 ? 1 : x < -20 ? -1 : Math.tanh(x);
    }
}
