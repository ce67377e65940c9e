package scratchnet.playground.export;

import scratchnet.nn.MLP;
import scratchnet.train.Loss;

/**
 * A network of raw inputs with the examples it trains on, ready for {@link CodeExport#python(RawExamples)}
 * and {@link CodeExport#java(RawExamples)}: micrograd's classic {@code MLP(3, [4, 4, 1])} on four
 * examples of three numbers, or any network whose inputs are given as numbers rather than read from
 * a point (x, y) of the plane. The programs name the inputs x1, x2, ..., write each example as a row
 * of its inputs then its target, recompute the page's loss and train on with plain gradient descent
 * ({@code p.data -= lr * p.grad}, no L1, L2, decay or schedule) on every example at every step.
 *
 * <p>Everything is read when this is made: the model's weights (later training does not change what
 * is exported), the examples (copied) and the settings.
 */
public final class RawExamples {
    /** The program's numbers and words, read once. */
    final CodeExport export;

    /**
     * @param model the network, any activations; its first layer reads each row of {@code inputs} as
     *     it is, as {@link MLP#forward(double[])} does: its features and scaling, if it has any (a
     *     network of two inputs reads x and y), are not applied
     * @param inputs one row per example, each {@code model.nin()} numbers long
     * @param targets each example's target, what the loss compares its outputs with: for sse, mse
     *     and hinge one output, and -1 or +1 for two classes (then the programs print the accuracy
     *     too) or any real number for a regression (not hinge); for ce one output per class (at
     *     least two) and the class index 0 .. K-1
     * @param loss the loss the page trains with
     * @param learningRate plain gradient descent's, the same at every step
     * @param step the steps taken so far: the programs go on from the next one
     * @param pageLoss the loss the page shows at these weights, printed beside the programs' own
     *     (which must agree with it to 1e-9, relative, or they exit with status 1)
     * @param source where the examples come from, for the files' header, e.g. "the classic
     *     example, micrograd's"; "" says nothing
     * @throws IllegalArgumentException if the rows are not one per target or not {@code model.nin()}
     *     long, or the loss does not fit the targets and the outputs (as above)
     */
    public RawExamples(MLP model, double[][] inputs, double[] targets, Loss loss, double learningRate, int step,
                       double pageLoss, String source) {
        CodeExport.Parts p = new CodeExport.Parts();
        p.model = model;
        p.inputs = inputs;
        p.targets = targets;
        p.loss = loss;
        p.learningRate = learningRate;
        p.step = step;
        p.pageLoss = pageLoss;
        p.source = source;
        export = CodeExport.of(p);
    }
}
