package scratchnet.train;

/**
 * The loss along the downhill direction: at θ − s·g for every parameter at once, g the gradient of
 * the regularised full-batch loss ({@link Landscape}), for step sizes s from 0 to
 * {@code rates × lr} in {@code perRate} samples per learning rate. Sample {@link #rateSample()} is at
 * s = lr exactly: the next plain-SGD step, whose loss is {@link Landscape#nextStepLoss()}, bit for
 * bit. For momentum, Adam or mini-batches it is still plain SGD's full-batch forecast, not the
 * optimiser's. Each sample is exact; computed in slices ({@link Sweep}).
 */
public final class GradientLine extends Sweep {
    /** The default: 20 samples per rate, up to 3 × lr: 61 samples. */
    public static final int PER_RATE = 20;
    public static final int RATES = 3;

    private final int perRate;
    private final double[] direction; // g

    /** The default line: 0 to 3 × lr in 61 samples. */
    public GradientLine(Landscape landscape) {
        this(landscape, PER_RATE, RATES);
    }

    public GradientLine(Landscape landscape, int perRate, int rates) {
        super(landscape, checked(perRate, rates) * rates + 1);
        this.perRate = perRate;
        this.direction = landscape.gradient();
    }

    private static int checked(int perRate, int rates) {
        if (perRate < 1 || rates < 1) {
            throw new IllegalArgumentException("at least 1 sample per rate and 1 rate, were " + perRate + " and " + rates);
        }
        return perRate;
    }

    /** Sample k's step size: {@code lr · (k / perRate)} (so sample perRate is lr itself). */
    public double stepSize(int k) {
        return landscape.learningRate * ((double) k / perRate);
    }

    /** The sample at the current learning rate. */
    public int rateSample() {
        return perRate;
    }

    @Override
    void place(int k) {
        double s = stepSize(k);
        for (int p = 0; p < direction.length; p++) {
            landscape.params.get(p).data = landscape.at(p) - s * direction[p];
        }
    }
}
