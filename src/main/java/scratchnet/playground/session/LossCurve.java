package scratchnet.playground.session;

import scratchnet.io.Format;

/**
 * The readouts seen so far, for the live chart: at most {@code capacity} samples however long
 * training runs. When full it drops every other sample and from then on records half as often,
 * so the whole run stays in view at an even spacing.
 */
public final class LossCurve {
    private final int capacity;
    private final int[] steps;
    private final double[] trainLoss;
    private final double[] testLoss;
    private final double[] trainAccuracy;
    private final double[] testAccuracy;
    private final double[] learningRate;
    private int size;
    private int stride = 1; // record a step only if it is a multiple of this

    public LossCurve(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2, was " + capacity);
        }
        this.capacity = capacity;
        steps = new int[capacity];
        trainLoss = new double[capacity];
        testLoss = new double[capacity];
        trainAccuracy = new double[capacity];
        testAccuracy = new double[capacity];
        learningRate = new double[capacity];
    }

    /**
     * Adds a readout if it is due. A step at or before the last one recorded means training
     * started over (reset, new weights, new data): the curve is cleared first.
     */
    public void record(Readout r) {
        if (size > 0 && r.step <= steps[size - 1]) {
            if (r.step == steps[size - 1]) {
                return; // nothing new (e.g. a repaint while paused)
            }
            clear();
        }
        if (size > 0 && r.step % stride != 0) {
            return;
        }
        if (size == capacity) {
            compact();
        }
        steps[size] = r.step;
        trainLoss[size] = r.trainLoss;
        testLoss[size] = r.testLoss;
        trainAccuracy[size] = r.trainAccuracy;
        testAccuracy[size] = r.testAccuracy;
        learningRate[size] = r.learningRate;
        size++;
    }

    private void compact() {
        int kept = 0;
        for (int i = 0; i < size; i += 2) {
            steps[kept] = steps[i];
            trainLoss[kept] = trainLoss[i];
            testLoss[kept] = testLoss[i];
            trainAccuracy[kept] = trainAccuracy[i];
            testAccuracy[kept] = testAccuracy[i];
            learningRate[kept] = learningRate[i];
            kept++;
        }
        size = kept;
        stride *= 2;
    }

    public void clear() {
        size = 0;
        stride = 1;
    }

    public int size() {
        return size;
    }

    public int step(int i) {
        return steps[i];
    }

    public double trainLoss(int i) {
        return trainLoss[i];
    }

    public double testLoss(int i) {
        return testLoss[i];
    }

    public double trainAccuracy(int i) {
        return trainAccuracy[i];
    }

    public double testAccuracy(int i) {
        return testAccuracy[i];
    }

    /** The learning rate the step after this point's used (the next step's at that point); NaN if unknown. */
    public double learningRate(int i) {
        return learningRate[i];
    }

    /** The largest finite learning rate recorded, or 0: the scale of the chart's lr axis. */
    public double maxLearningRate() {
        double max = 0;
        for (int i = 0; i < size; i++) {
            if (Double.isFinite(learningRate[i])) {
                max = Math.max(max, learningRate[i]);
            }
        }
        return max;
    }

    /** True if the learning rate changed over the points recorded: only then does the chart draw it. */
    public boolean learningRateVaries() {
        for (int i = 1; i < size; i++) {
            if (learningRate[i] != learningRate[0]) {
                return true;
            }
        }
        return false;
    }

    /** The lr axis's label, e.g. "lr 0.300": the largest learning rate, 3 significant digits. */
    public String maxLearningRateText() {
        return learningRateText(maxLearningRate());
    }

    /** The learning-rate axis's top label, e.g. "lr 0.3". */
    public static String learningRateText(double lr) {
        return "lr " + Format.significant(lr, 3);
    }

    /** The chart's scale, e.g. "loss 0.693": the largest loss, 3 decimals. */
    public String maxLossText() {
        return "loss " + Format.fixed(maxLoss(), 3);
    }

    /** The largest finite loss recorded (train or test), or 0 if there is none: the chart's scale. */
    public double maxLoss() {
        double max = 0;
        for (int i = 0; i < size; i++) {
            if (Double.isFinite(trainLoss[i])) {
                max = Math.max(max, trainLoss[i]);
            }
            if (Double.isFinite(testLoss[i])) {
                max = Math.max(max, testLoss[i]);
            }
        }
        return max;
    }
}
