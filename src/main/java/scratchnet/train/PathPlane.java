package scratchnet.train;

import static scratchnet.train.Vectors.dot;
import static scratchnet.train.Vectors.scale;
import static scratchnet.train.Vectors.subtract;

/**
 * The plane a training path lies closest to (Li et al. 2018): the two principal
 * directions of x_i = θ_i − θ_now over the points of a {@link WeightPath}, through the weights now.
 *
 * <p>Uncentred about θ_now, as Li et al.'s code does: the directions are those of largest
 * Σ (x_i·d)², not of the spread about the path's mean, so the plane passes through the weights
 * now (the landscape's origin) and the two fractions {@link #explained} are of how far the path
 * strayed from them, Σ|x_i|². A path's own plane makes even a random walk look smooth: its two
 * directions are chosen to hold as much of the path as they can.
 *
 * <p>How: the small n×n Gram matrix G_ij = x_i·x_j (n ≤ 200 points), from the path's kept inner
 * products ({@link WeightPath#dot}) in n² steps; its two leading eigenvectors by subspace
 * iteration (a block power iteration of two vectors with a 2×2 Rayleigh–Ritz step each round, at
 * most {@link #MAX_ITERATIONS} rounds of 2n² multiply-adds, stopping once each Ritz vector's
 * residual is below 10⁻¹¹ of the largest eigenvalue); mapped back to parameter space
 * (d = Σ_j v_j x_j), normalised, d2 made orthogonal to d1. Coordinates, distances from the plane
 * and the explained fractions are then computed on the parameters themselves, not from G, so a
 * path that lies in a plane is 10⁻¹⁶-close to it. In all, about 9·n·P + rounds·2n² multiply-adds
 * ({@link #work}): at n = 200 and P = 105 (the default network) 0.2 million plus 80,000 a round,
 * on a real training path at most 5.2 million (93 rounds), under 3 ms on the JVM; at P = 5,409
 * (six layers of 32) about 11 million, 4–7 ms, once per frame the weights moved (printed by
 * {@code NetworkPlaneBenchmark}). With {@code previous}, the directions keep its signs, so the
 * picture does not flip between frames. A path on one line has no second principal direction:
 * d2 is then the parameter axis least along d1, made orthogonal to it (its fraction is 0).
 */
public final class PathPlane {
    /** Rounds of the subspace iteration at most. */
    public static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-11;

    private final boolean tooShort;
    private double[] d1;
    private double[] d2;
    private final double[] explained = new double[2];
    private double[] as = new double[0];
    private double[] bs = new double[0];
    private double[] off = new double[0];
    private int rounds;
    private long work;

    private PathPlane(boolean tooShort) {
        this.tooShort = tooShort;
    }

    /** The plane of {@code path} through {@code now} (as many parameters as the path's points). */
    public static PathPlane of(WeightPath path, double[] now) {
        return of(path, now, null);
    }

    /** As {@link #of(WeightPath, double[])}, each direction's sign chosen to agree with {@code previous}'s (when it has directions of this length). */
    public static PathPlane of(WeightPath path, double[] now, PathPlane previous) {
        int n = path.size();
        if (n > 0 && now.length != path.parameters()) {
            throw new IllegalArgumentException(now.length + " parameters now, the path's have " + path.parameters());
        }
        double[] toNow = new double[now.length]; // θ_now − θ_0
        double[] k = new double[n];              // (θ_i − θ_0)·(θ_now − θ_0)
        int away = 0;                            // points other than θ_now
        if (n > 0) {
            double[] origin = path.row(0);
            for (int p = 0; p < now.length; p++) {
                toNow[p] = now[p] - origin[p];
            }
            for (int i = 0; i < n; i++) {
                double[] q = path.row(i);
                double s = 0;
                boolean differs = false;
                for (int p = 0; p < now.length; p++) {
                    s += (q[p] - origin[p]) * toNow[p];
                    differs |= q[p] != now[p];
                }
                k[i] = s;
                away += differs ? 1 : 0;
            }
        }
        if (away < 2) {
            return new PathPlane(true);
        }
        double c = dot(toNow, toNow);
        double[] g = new double[n * n]; // x_i·x_j = (u_i − u_now)·(u_j − u_now), u = θ − θ_0
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g[i * n + j] = path.dot(i, j) - k[i] - k[j] + c;
            }
        }
        PathPlane plane = new PathPlane(false);
        plane.solve(path, now, g, n, previous);
        plane.work += (long) n * now.length;
        return plane;
    }

    private void solve(WeightPath path, double[] now, double[] g, int n, PathPlane previous) {
        int size = now.length;
        // Start from the point farthest from now and the one farthest from its line: G's columns are X·x.
        double[] v1 = new double[n];
        double[] v2 = new double[n];
        int far = 0;
        for (int i = 1; i < n; i++) {
            far = g[i * n + i] > g[far * n + far] ? i : far;
        }
        int wide = far == 0 ? 1 : 0;
        double best = -1;
        for (int i = 0; i < n; i++) {
            double r = g[i * n + i] - g[i * n + far] * g[i * n + far] / g[far * n + far];
            if (r > best) {
                best = r;
                wide = i;
            }
        }
        for (int i = 0; i < n; i++) {
            v1[i] = g[i * n + far];
            v2[i] = g[i * n + wide];
        }
        Vectors.orthonormalise(v1, v2);
        double[] w1 = new double[n];
        double[] w2 = new double[n];
        for (rounds = 1; ; rounds++) {
            for (int i = 0; i < n; i++) {
                double s1 = 0;
                double s2 = 0;
                for (int j = 0; j < n; j++) {
                    s1 += g[i * n + j] * v1[j];
                    s2 += g[i * n + j] * v2[j];
                }
                w1[i] = s1;
                w2[i] = s2;
            }
            work += 2L * n * n;
            // Rayleigh–Ritz on span(v1, v2): the 2×2 matrix Vᵀ G V, its eigenvectors by one rotation.
            double h11 = dot(v1, w1);
            double h12 = dot(v1, w2);
            double h22 = dot(v2, w2);
            double angle = 0.5 * Math.atan2(2 * h12, h11 - h22);
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            double l1 = h11 * cos * cos + 2 * h12 * cos * sin + h22 * sin * sin;
            double l2 = h11 * sin * sin - 2 * h12 * cos * sin + h22 * cos * cos;
            double residual = 0;
            for (int i = 0; i < n; i++) {
                double y1 = cos * v1[i] + sin * v2[i];
                double y2 = -sin * v1[i] + cos * v2[i];
                double gy1 = cos * w1[i] + sin * w2[i];
                double gy2 = -sin * w1[i] + cos * w2[i];
                residual = Math.max(residual, Math.max(Math.abs(gy1 - l1 * y1), Math.abs(gy2 - l2 * y2)));
                v1[i] = y1;
                v2[i] = y2;
                w1[i] = gy1;
                w2[i] = gy2;
            }
            if (residual * Math.sqrt(n) <= TOLERANCE * Math.abs(l1) || rounds == MAX_ITERATIONS) {
                break; // v1, v2: the Ritz vectors
            }
            System.arraycopy(w1, 0, v1, 0, n);
            System.arraycopy(w2, 0, v2, 0, n);
            Vectors.orthonormalise(v1, v2);
        }
        directions(path, now, v1, v2);
        orient(path, now, previous != null && previous.d1 != null && previous.d1.length == size ? previous : null);
        measure(path, now);
    }

    /** d = Σ_j v_j x_j for both, normalised, d2 orthogonal to d1 (an axis when the path is a line). */
    private void directions(WeightPath path, double[] now, double[] v1, double[] v2) {
        int size = now.length;
        d1 = new double[size];
        d2 = new double[size];
        for (int j = 0; j < v1.length; j++) {
            double[] q = path.row(j);
            for (int p = 0; p < size; p++) {
                double x = q[p] - now[p];
                d1[p] += v1[j] * x;
                d2[p] += v2[j] * x;
            }
        }
        work += 2L * v1.length * size;
        double first = Math.sqrt(dot(d1, d1)); // the square root of d1's eigenvalue
        scale(d1, 1 / first);
        subtract(d2, dot(d2, d1), d1);
        double left = Math.sqrt(dot(d2, d2));
        if (!(left > 1e-9 * first)) { // no second direction: the axis least along d1
            Vectors.leastAxis(d1, d2);
            left = 1;
        }
        scale(d2, 1 / left);
        subtract(d2, dot(d2, d1), d1); // once more: orthogonal to rounding
        scale(d2, 1 / Math.sqrt(dot(d2, d2)));
    }

    /** Signs that hold still: as {@code previous}'s directions, or else the path's start at negative a and b. */
    private void orient(WeightPath path, double[] now, PathPlane previous) {
        if (previous != null ? dot(d1, previous.d1) < 0 : along(path.row(0), now, d1) > 0) {
            scale(d1, -1);
        }
        if (previous != null ? dot(d2, previous.d2) < 0 : along(path.row(0), now, d2) > 0) {
            scale(d2, -1);
        }
    }

    /** Each point's coordinates and distance from the plane, and the explained fractions, on the parameters. */
    private void measure(WeightPath path, double[] now) {
        int n = path.size();
        int size = now.length;
        as = new double[n];
        bs = new double[n];
        off = new double[n];
        double total = 0;
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < n; i++) {
            double[] q = path.row(i);
            double a = along(q, now, d1);
            double b = along(q, now, d2);
            double r2 = 0;
            double x2 = 0;
            for (int p = 0; p < size; p++) {
                double x = q[p] - now[p];
                double r = x - a * d1[p] - b * d2[p];
                r2 += r * r;
                x2 += x * x;
            }
            as[i] = a;
            bs[i] = b;
            off[i] = Math.sqrt(r2);
            total += x2;
            sa += a * a;
            sb += b * b;
        }
        work += 6L * n * size;
        explained[0] = sa / total;
        explained[1] = sb / total;
    }

    /** (q − now)·d */
    private static double along(double[] q, double[] now, double[] d) {
        double s = 0;
        for (int p = 0; p < d.length; p++) {
            s += (q[p] - now[p]) * d[p];
        }
        return s;
    }

    /** The path has fewer than three points apart from the weights now: no plane (and no directions). */
    public boolean tooShort() {
        return tooShort;
    }

    /** The first and second principal directions, unit length and orthogonal, copies; null with a problem. */
    public double[] first() {
        return d1 == null ? null : d1.clone();
    }

    public double[] second() {
        return d2 == null ? null : d2.clone();
    }

    /** {fraction of Σ|x_i|² along d1, along d2}, each in [0, 1], summing to at most 1; NaN with a problem. */
    public double[] explained() {
        return tooShort ? new double[] {Double.NaN, Double.NaN} : explained.clone();
    }

    /** Points measured: the path's size when made (0 with a problem). */
    public int points() {
        return as.length;
    }

    /** Point {@code k}'s (a, b): θ_k ≈ θ_now + a·d1 + b·d2. */
    public double[] coordinates(int k) {
        return new double[] {as[k], bs[k]};
    }

    /** Point {@code k}'s distance from the plane: |x_k − a·d1 − b·d2|. */
    public double offPlane(int k) {
        return off[k];
    }

    /** The largest {@link #offPlane} over the points (0 with a problem). */
    public double largestOffPlane() {
        double m = 0;
        for (double d : off) {
            m = Math.max(m, d);
        }
        return m;
    }

    /** Rounds the subspace iteration took (0 with a problem). */
    public int iterations() {
        return rounds;
    }

    /** Multiply-adds this plane took, in all. */
    public long work() {
        return work;
    }
}
