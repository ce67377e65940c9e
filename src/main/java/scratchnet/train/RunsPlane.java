package scratchnet.train;

import static scratchnet.train.Vectors.dot;
import static scratchnet.train.Vectors.norm;
import static scratchnet.train.Vectors.scale;
import static scratchnet.train.Vectors.subtract;

/**
 * The plane through three weights: two runs' shared start θ₀ and their weights now, θ_A and θ_B.
 * d1 = (θ_A − θ₀)/|θ_A − θ₀|; d2 = the part of θ_B − θ₀ orthogonal to d1, normalised; so θ₀, θ_A
 * and θ_B all lie in the plane θ₀ + a·d1 + b·d2 exactly (to rounding). When run A is still at the
 * start, d1 comes from run B. When the three lie on one line (B's weights on A's line: two runs
 * that went the same way) there is no plane through them: d2 is then a spare direction (a random
 * one from the caller, or else the parameter axis least along d1), made orthogonal to d1, so a
 * picture still draws, and {@link #note()} says so.
 */
public final class RunsPlane {
    /** Below this fraction of |θ_B − θ₀| left after removing d1, B counts as on A's line. */
    static final double COLLINEAR = 1e-10;

    private final double[] start;
    private final double[] d1;
    private final double[] d2;
    private final Problem problem;
    private final Line note;

    /** Why no plane holds both runs; the page words it ({@code playground.inspect.LandscapeWords}). */
    public enum Problem {
        /** The two networks have different numbers of parameters. */
        DIFFERENT_SIZES,
        /** A run's weights are not finite. */
        NOT_FINITE,
        /** Both runs are still at their start. */
        AT_START
    }

    /** The three points lie on a line, so the second direction is the spare one: which line. */
    public enum Line {
        /** Run B's weights lie on the line through the start and run A's. */
        B_ON_A_LINE,
        /** Run B is still at the start. */
        B_AT_START,
        /** Run A is still at the start. */
        A_AT_START
    }

    private RunsPlane(double[] start, double[] d1, double[] d2, Problem problem, Line note) {
        this.start = start;
        this.d1 = d1;
        this.d2 = d2;
        this.problem = problem;
        this.note = note;
    }

    /** The plane through {@code start}, {@code a} and {@code b}; an axis as the spare direction. */
    public static RunsPlane of(double[] start, double[] a, double[] b) {
        return of(start, a, b, null);
    }

    /** As {@link #of(double[], double[], double[])}, with {@code spare} (or null) for d2 when the three lie on a line. */
    public static RunsPlane of(double[] start, double[] a, double[] b, double[] spare) {
        if (a.length != b.length || start.length != a.length) {
            return new RunsPlane(null, null, null, Problem.DIFFERENT_SIZES, null);
        }
        double[] u = difference(a, start);
        double[] v = difference(b, start);
        double nu = norm(u);
        double nv = norm(v);
        if (!Double.isFinite(nu) || !Double.isFinite(nv)) {
            return new RunsPlane(null, null, null, Problem.NOT_FINITE, null);
        }
        if (nu == 0 && nv == 0) {
            return new RunsPlane(null, null, null, Problem.AT_START, null);
        }
        boolean fromA = nu > 0;
        double[] d1 = fromA ? u : v;
        scale(d1, 1 / (fromA ? nu : nv));
        Line note = null;
        double[] d2 = null;
        if (fromA && nv > 0) {
            d2 = v;
            subtract(d2, dot(d2, d1), d1);
            double left = norm(d2);
            if (!(left > COLLINEAR * nv)) {
                d2 = null;
            } else {
                scale(d2, 1 / left);
            }
        }
        if (d2 == null) {
            note = fromA && nv > 0 ? Line.B_ON_A_LINE : fromA ? Line.B_AT_START : Line.A_AT_START;
            d2 = spare(d1, spare);
        }
        subtract(d2, dot(d2, d1), d1); // once more: orthogonal to rounding
        scale(d2, 1 / norm(d2));
        return new RunsPlane(start.clone(), d1, d2, null, note);
    }

    /** {@code spare} (or the axis least along d1) made orthogonal to d1; an axis when the spare has nothing else. */
    private static double[] spare(double[] d1, double[] spare) {
        if (spare != null && spare.length == d1.length) {
            double[] d = spare.clone();
            subtract(d, dot(d, d1), d1);
            double n = norm(d);
            if (n > 1e-9 * norm(spare)) {
                scale(d, 1 / n);
                return d;
            }
        }
        double[] d = new double[d1.length];
        Vectors.leastAxis(d1, d);
        return d;
    }

    /** Why there is no plane (different parameter counts, both runs at the start); null when there is one. */
    public Problem problem() {
        return problem;
    }

    /** Set when the three weights lie on one line and d2 is the spare direction: which way they fell; else null. */
    public Line note() {
        return note;
    }

    /** The plane's origin θ₀, and its directions (unit length, orthogonal), copies; null with a problem. */
    public double[] start() {
        return start == null ? null : start.clone();
    }

    public double[] first() {
        return d1 == null ? null : d1.clone();
    }

    public double[] second() {
        return d2 == null ? null : d2.clone();
    }

    /** (a, b) = ((θ − θ₀)·d1, (θ − θ₀)·d2): the nearest point of the plane to θ is θ₀ + a·d1 + b·d2. */
    public double[] coordinates(double[] theta) {
        double a = 0;
        double b = 0;
        for (int p = 0; p < theta.length; p++) {
            double x = theta[p] - start[p];
            a += x * d1[p];
            b += x * d2[p];
        }
        return new double[] {a, b};
    }

    /** θ's distance from the plane: |θ − θ₀ − a·d1 − b·d2|. */
    public double distance(double[] theta) {
        double[] ab = coordinates(theta);
        double s = 0;
        for (int p = 0; p < theta.length; p++) {
            double r = theta[p] - start[p] - ab[0] * d1[p] - ab[1] * d2[p];
            s += r * r;
        }
        return Math.sqrt(s);
    }

    private static double[] difference(double[] x, double[] y) {
        double[] d = new double[x.length];
        for (int p = 0; p < x.length; p++) {
            d[p] = x[p] - y[p];
        }
        return d;
    }
}
