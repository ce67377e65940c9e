package scratchnet.train;

/**
 * The loss over a square of two parameters' values, all others fixed: an n×n grid of
 * (p_first, p_second) centred on their current values and spanning ±{@link #radius} on both axes
 * (one scale for both, so the gradient arrow stays at right angles to the contours). Each cell is
 * exactly the trainer's loss at those weights ({@link Landscape}); computed in slices ({@link Sweep}).
 *
 * <p>Cell {@code (row, col)} is at {@code values[row * n + col]}: column {@code col} has
 * p_first = {@link #first(int)}, row {@code row} p_second = {@link #second(int)}, both increasing
 * (row 0 is the lowest p_second: flip it to paint with y up). With n odd the middle cell is the
 * current weights exactly, and its value is {@link Landscape#value}.
 */
public final class PairGrid extends Sweep {
    /** The default grid: 41×41. */
    public static final int SIZE = 41;

    /** The two parameters, as indices into {@code MLP.parameters()}. */
    public final int first;
    public final int second;
    /** Cells per side. */
    public final int size;
    /** Half the side of the square, in parameter units. */
    public final double radius;

    /** {@link #PairGrid(Landscape, int, int, int, double)} with {@link #radius(Landscape, int, int)}. */
    public PairGrid(Landscape landscape, int first, int second, int size) {
        this(landscape, first, second, size, radius(landscape, checked(landscape, first, second), second));
    }

    private static int checked(Landscape landscape, int first, int second) {
        int n = landscape.parameters();
        if (first < 0 || first >= n || second < 0 || second >= n) {
            throw new IllegalArgumentException("parameters " + first + " and " + second + ": there are " + n);
        }
        return first;
    }

    /**
     * @throws IllegalArgumentException for no such parameter, the same parameter twice, fewer than
     *     2 cells a side, or a radius that is not positive and finite (unless the landscape has a problem)
     */
    public PairGrid(Landscape landscape, int first, int second, int size, double radius) {
        super(landscape, size * size);
        checked(landscape, first, second);
        if (first == second) {
            throw new IllegalArgumentException("two different parameters are needed, got " + first + " twice");
        }
        if (size < 2) {
            throw new IllegalArgumentException("at least 2 cells a side, was " + size);
        }
        if (landscape.problem() == null && !(radius > 0 && radius < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the radius must be positive and finite, was " + radius);
        }
        this.first = first;
        this.second = second;
        this.size = size;
        this.radius = radius;
    }

    /**
     * The default half-width: {@code max(|p_first|, |p_second|, 3·lr·max(|g_first|, |g_second|), 0.5)}:
     * wide enough to show the way back to 0, the next three plain-SGD steps, and at least ±0.5
     * around a small weight. NaN when the landscape has a problem.
     */
    public static double radius(Landscape landscape, int first, int second) {
        if (landscape.problem() != null) {
            return Double.NaN;
        }
        double weights = Math.max(Math.abs(landscape.at(first)), Math.abs(landscape.at(second)));
        double step = landscape.learningRate * Math.max(Math.abs(landscape.gradient(first)),
                Math.abs(landscape.gradient(second)));
        return Math.max(Math.max(weights, 3 * step), 0.5);
    }

    /** p_first at column {@code col}: the current value offset by {@code radius·(2·col − (n − 1)) / (n − 1)}. */
    public double first(int col) {
        return landscape.at(first) + offset(col);
    }

    /** p_second at row {@code row}. */
    public double second(int row) {
        return landscape.at(second) + offset(row);
    }

    private double offset(int k) {
        return radius * (2 * k - (size - 1)) / (size - 1);
    }

    /** The loss at cell {@code (row, col)} (NaN until computed). */
    public double cell(int row, int col) {
        return row * size + col < computed() ? values[row * size + col] : Double.NaN;
    }

    /** Rows whose every cell is computed (they can be painted already). */
    public int rowsDone() {
        return computed() / size;
    }

    @Override
    void place(int k) {
        landscape.params.get(first).data = first(k % size);
        landscape.params.get(second).data = second(k / size);
    }

    /** ∂L/∂p_first and ∂L/∂p_second: the uphill arrow, from backward(). */
    public double gradientFirst() {
        return landscape.gradient(first);
    }

    public double gradientSecond() {
        return landscape.gradient(second);
    }

    /**
     * The pair's move in the next plain-SGD step, −lr·g (the marker is at the current values plus
     * this). With momentum or Adam the optimiser's own step differs: the marker still shows plain
     * SGD's, on the full batch, the direction straight downhill.
     */
    public double stepFirst() {
        return -landscape.learningRate * gradientFirst();
    }

    public double stepSecond() {
        return -landscape.learningRate * gradientSecond();
    }

    /** Ten contour levels of the computed cells ({@link ContourLevels}). */
    public ContourLevels levels() {
        return ContourLevels.of(values(), 10);
    }
}
