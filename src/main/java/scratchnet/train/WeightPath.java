package scratchnet.train;

/**
 * The way the whole parameter vector went during training: at most {@link #CAPACITY} points,
 * evenly spread from the first record to now. Records are counted; record r is kept when r is a
 * multiple of the stride (1 at first). When the kept points fill up, every other one is dropped
 * and the stride doubles, so the kept ones stay evenly spread and the first is always kept. The
 * newest record is always there too, as the last point (the latest, kept or not).
 *
 * <p>Alongside, it keeps the inner products {@link #dot}(i, j) = (θ_i − θ_0)·(θ_j − θ_0) of every
 * pair of points, each new record's row as it comes (points × parameters multiply-adds per record),
 * so {@link PathPlane} needs no pass of points² × parameters over the path.
 *
 * <p>Storage is allocated once, at the first record (or when the parameter count changes); a
 * record copies θ into it and allocates nothing.
 */
public final class WeightPath {
    /** Points kept at most, the latest included. */
    public static final int CAPACITY = 200;

    private double[][] points = new double[CAPACITY][];
    private final int[] steps = new int[CAPACITY];
    private final double[] dots = new double[CAPACITY * CAPACITY]; // symmetric, dots[i * CAPACITY + j]
    private int kept;            // points 0..kept-1 are every stride-th record
    private boolean latest;      // point kept holds the newest record, not a stride-th one
    private long records;        // records since the last clear
    private long stride = 1;
    private int parameters = -1;

    /**
     * Records the weights {@code theta} after step {@code step}; a call with the same step as the
     * last record adds nothing. Every record has the same number of parameters until {@link #clear}
     * (a different count starts afresh).
     */
    public void record(int step, double[] theta) {
        if (size() > 0 && step == steps[size() - 1]) {
            return;
        }
        if (theta.length != parameters) {
            clear();
            parameters = theta.length;
            points = new double[CAPACITY][];
        }
        int at = kept;
        if (points[at] == null) {
            points[at] = new double[parameters];
        }
        System.arraycopy(theta, 0, points[at], 0, parameters);
        steps[at] = step;
        fillDots(at);
        boolean strideth = records % stride == 0;
        records++;
        if (!strideth) {
            latest = true;
            return;
        }
        kept++;
        latest = false;
        if (kept == CAPACITY) {
            thin();
        }
    }

    /** Drops every other kept point (the first stays), doubles the stride; the dropped newest stays as the latest. */
    private void thin() {
        int last = kept - 1; // odd: CAPACITY is even
        int half = kept / 2;
        for (int j = 0; j < half; j++) {
            move(2 * j, j); // reads only rows not yet written (2j >= j)
        }
        move(last, half);
        for (int i = 0; i <= half; i++) {
            for (int l = 0; l < i; l++) {
                dots[l * CAPACITY + i] = dots[i * CAPACITY + l]; // move() wrote the lower triangle
            }
        }
        kept = half;
        latest = true;
        stride *= 2;
    }

    /** Point {@code from} becomes point {@code to}: its array (swapped, not copied), step and row of dots up to {@code to}. */
    private void move(int from, int to) {
        double[] swap = points[to];
        points[to] = points[from];
        points[from] = swap;
        steps[to] = steps[from];
        for (int l = 0; l <= to; l++) {
            int source = l == to ? from : 2 * l; // new point l < to was old point 2l
            dots[to * CAPACITY + l] = dots[from * CAPACITY + source];
        }
    }

    /** Row {@code at} of the dots: (θ_at − θ_0)·(θ_i − θ_0) for i ≤ at, mirrored. */
    private void fillDots(int at) {
        double[] origin = points[0];
        double[] p = points[at];
        for (int i = 0; i <= at; i++) {
            double[] q = points[i];
            double s = 0;
            for (int k = 0; k < parameters; k++) {
                s += (p[k] - origin[k]) * (q[k] - origin[k]);
            }
            dots[at * CAPACITY + i] = s;
            dots[i * CAPACITY + at] = s;
        }
    }

    /** Forgets every point (the stride back to 1). */
    public void clear() {
        kept = 0;
        latest = false;
        records = 0;
        stride = 1;
    }

    /** Points there are, at most {@link #CAPACITY}: the kept ones and the latest. */
    public int size() {
        return kept + (latest ? 1 : 0);
    }

    /** Records between two kept points now: 1, 2, 4, ... */
    public long stride() {
        return stride;
    }

    /** The step point {@code k} was recorded after, 0 the oldest. */
    public int step(int k) {
        check(k);
        return steps[k];
    }

    /** Point {@code k}'s weights, a copy. */
    public double[] point(int k) {
        check(k);
        return points[k].clone();
    }

    /** Point {@code k}'s weights copied into {@code into} (as long as the parameters); returns it. */
    public double[] point(int k, double[] into) {
        check(k);
        System.arraycopy(points[k], 0, into, 0, parameters);
        return into;
    }

    /** Parameter {@code p} of point {@code k}. */
    public double value(int k, int p) {
        check(k);
        return points[k][p];
    }

    /** (θ_i − θ_0)·(θ_j − θ_0), as kept when the later of the two was recorded. */
    public double dot(int i, int j) {
        check(i);
        check(j);
        return dots[i * CAPACITY + j];
    }

    /** The parameters of each point; -1 before the first record. */
    public int parameters() {
        return parameters;
    }

    /** Read-only access for {@link PathPlane}: point {@code k}'s own array. */
    double[] row(int k) {
        return points[k];
    }

    private void check(int k) {
        if (k < 0 || k >= size()) {
            throw new IndexOutOfBoundsException("point " + k + " of " + size());
        }
    }
}
