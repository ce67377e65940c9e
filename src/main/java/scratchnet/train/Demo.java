package scratchnet.train;

import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.data.Rng;
import scratchnet.data.Shape;
import scratchnet.nn.Activation;
import scratchnet.nn.MLP;
import scratchnet.nn.Snapshot;

/**
 * Trains a small MLP on the two moons from the console, printing step, loss and accuracy, then
 * draws the learned decision boundary in text.
 *
 * <p>Run: {@code java -cp target/classes scratchnet.train.Demo [steps]}
 */
public final class Demo {
    // The defaults, in one place.
    static final long SEED = 1337;
    static final int POINTS = 100;
    static final double NOISE = 0.1;
    static final int[] SIZES = {16, 16, 1};
    static final double LEARNING_RATE = 1.0;
    static final int DEFAULT_STEPS = 100;

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_STEPS;
        Rng rng = new Rng(SEED);
        Dataset data = Dataset.generate(Shape.MOONS, POINTS, NOISE, rng);
        MLP model = new MLP(2, SIZES, Activation.TANH, Activation.TANH, rng);
        System.out.println(model);

        Trainer trainer = new Trainer(model, data, Loss.HINGE, new Optimizer.Sgd(), rng);
        trainer.learningRate = LEARNING_RATE;
        trainer.l2 = 1e-4;
        for (int k = 0; k < steps; k++) {
            Trainer.Result r = trainer.step();
            if (k % 10 == 0 || k == steps - 1) {
                System.out.printf("step %3d  loss %.4f  accuracy %.1f%%%n", r.step, r.loss, 100 * r.accuracy);
            }
        }
        System.out.println();
        System.out.print(picture(model.snapshot(), data, 64, 24));
    }

    /**
     * The plane as text: '.' where the model says -1, '+' where it says +1, and the data on top
     * as 'o' (label -1) and '#' (label +1).
     */
    static String picture(Snapshot model, Dataset data, int cols, int rows) {
        double xMin = -1.5, xMax = 2.5, yMin = -1, yMax = 1.5;
        double[] scores = new double[cols * rows];
        model.grid(xMin, xMax, yMin, yMax, cols, rows, scores);
        char[][] canvas = new char[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                canvas[r][c] = scores[r * cols + c] > 0 ? '+' : '.';
            }
        }
        for (Point p : data.points) {
            int c = (int) Math.floor((p.x - xMin) / (xMax - xMin) * cols);
            int r = (int) Math.floor((yMax - p.y) / (yMax - yMin) * rows);
            if (r >= 0 && r < rows && c >= 0 && c < cols) {
                canvas[r][c] = p.label > 0 ? '#' : 'o';
            }
        }
        StringBuilder s = new StringBuilder();
        for (char[] line : canvas) {
            s.append(line).append('\n');
        }
        return s.toString();
    }

    private Demo() {
    }
}
