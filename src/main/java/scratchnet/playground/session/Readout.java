package scratchnet.playground.session;

import scratchnet.io.Format;

/**
 * Loss (without regularisation) and accuracy of a session's model on its training and test points
 * at one step, and the same as the page's text: "—" where there is nothing to measure (no points).
 */
public final class Readout {
    public final int step;
    public final int epoch;
    public final double trainLoss;
    public final double trainAccuracy;
    public final double testLoss;
    public final double testAccuracy;
    public final int parameters;
    public final int trainPoints;
    public final int testPoints;
    /** The learning rate the next step will use (its schedule's and decay's); NaN if unknown. */
    public final double learningRate;

    Readout(int step, int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
            int parameters, int trainPoints, int testPoints) {
        this(step, epoch, trainLoss, trainAccuracy, testLoss, testAccuracy, parameters, trainPoints, testPoints, Double.NaN);
    }

    Readout(int step, int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
            int parameters, int trainPoints, int testPoints, double learningRate) {
        this.learningRate = learningRate;
        this.step = step;
        this.epoch = epoch;
        this.trainLoss = trainLoss;
        this.trainAccuracy = trainAccuracy;
        this.testLoss = testLoss;
        this.testAccuracy = testAccuracy;
        this.parameters = parameters;
        this.trainPoints = trainPoints;
        this.testPoints = testPoints;
    }

    /**
     * The readout of a network trained on examples with no test set (the lesson's four): its loss
     * and accuracy over them at step {@code step}, with the next step's learning rate.
     */
    public static Readout ofExamples(int step, double loss, double accuracy, int parameters, int examples,
                                     double learningRate) {
        return new Readout(step, step, loss, accuracy, Double.NaN, Double.NaN, parameters, examples, 0, learningRate);
    }

    public String trainLossText() {
        return trainPoints > 0 ? Format.fixed(trainLoss, 4) : "—";
    }

    public String trainAccuracyText() {
        return trainPoints > 0 ? Format.percent(trainAccuracy) : "—";
    }

    public String testLossText() {
        return testPoints > 0 ? Format.fixed(testLoss, 4) : "—";
    }

    public String testAccuracyText() {
        return testPoints > 0 ? Format.percent(testAccuracy) : "—";
    }

    /** The next step's learning rate, 4 significant digits: e.g. "0.3000", "2.50e-5". */
    public String learningRateText() {
        return Format.significant(learningRate, 4);
    }

    /** E.g. "160 training points, 40 test". */
    public String pointsText() {
        return pointsText(trainPoints, testPoints);
    }

    /** E.g. "160 training points, 40 test". */
    public static String pointsText(int train, int test) {
        return train + " training points, " + test + " test";
    }
}
