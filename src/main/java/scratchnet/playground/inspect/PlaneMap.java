package scratchnet.playground.inspect;

import java.util.Arrays;
import java.util.List;
import scratchnet.io.Format;
import scratchnet.train.PathPlane;
import scratchnet.train.WeightPath;

/**
 * {@link NetworkPlane}'s plane as numbers for the map: its two directions through the weights now,
 * each path's points in (a, b), their largest distance off the plane and their length, and the
 * square of (a, b) the map covers; plane ↔ map fractions in one place.
 */
final class PlaneMap {
    private String problem;
    String text = "";
    private double[] d1;
    private double[] d2;
    private double[][] as = new double[0][];
    private double[][] bs = new double[0][];
    double[] off = new double[0];
    double[] lengths = new double[0];
    double aLow;
    double aHigh;
    double bLow;
    double bHigh;

    /** Nothing mapped, for {@code problem} (null: not yet). */
    void clear(String problem) {
        this.problem = problem;
        text = "";
        d1 = null;
        d2 = null;
        as = new double[0][];
        bs = new double[0][];
        off = new double[0];
        lengths = new double[0];
    }

    String problem() {
        return problem;
    }

    double[] first() {
        return d1;
    }

    double[] second() {
        return d2;
    }

    /**
     * The plane through {@code now} along {@code d1} and {@code d2} (any two independent directions:
     * each point's (a, b) by least squares), each path projected, the map at least ±{@code atLeast}.
     */
    void project(double[] now, double[] d1, double[] d2, List<WeightPath> paths, double atLeast) {
        double g11 = dot(d1, d1);
        double g12 = dot(d1, d2);
        double g22 = dot(d2, d2);
        double det = g11 * g22 - g12 * g12;
        if (!(det > 0) || !Double.isFinite(det)) {
            clear("the two directions span no plane (every weight is 0?)");
            return;
        }
        start(d1, d2, paths.size());
        double[] x = new double[now.length];
        for (int k = 0; k < paths.size(); k++) {
            WeightPath path = paths.get(k);
            int n = path.size();
            as[k] = new double[n];
            bs[k] = new double[n];
            for (int i = 0; i < n; i++) {
                path.point(i, x);
                double r1 = 0;
                double r2 = 0;
                for (int p = 0; p < x.length; p++) {
                    x[p] -= now[p];
                    r1 += x[p] * d1[p];
                    r2 += x[p] * d2[p];
                }
                double a = (g22 * r1 - g12 * r2) / det;
                double b = (g11 * r2 - g12 * r1) / det;
                double s = 0;
                for (int p = 0; p < x.length; p++) {
                    double r = x[p] - a * d1[p] - b * d2[p];
                    s += r * r;
                }
                as[k][i] = a;
                bs[k][i] = b;
                off[k] = Math.max(off[k], Math.sqrt(s));
            }
            lengths[k] = length(path);
        }
        endAtNow(paths.get(0), now);
        cover(atLeast);
    }

    /** The path's own plane ({@link PathPlane}): its coordinates, distances and explained fractions. */
    void path(double[] now, PathPlane plane, WeightPath path) {
        if (plane.tooShort()) {
            clear(LandscapeWords.PATH_TOO_SHORT);
            return;
        }
        start(plane.first(), plane.second(), 1);
        int n = plane.points();
        as[0] = new double[n];
        bs[0] = new double[n];
        for (int i = 0; i < n; i++) {
            as[0][i] = plane.coordinates(i)[0];
            bs[0][i] = plane.coordinates(i)[1];
        }
        off[0] = plane.largestOffPlane();
        lengths[0] = length(path);
        endAtNow(path, now);
        cover(0);
        double[] explained = plane.explained();
        text = "the path's own plane: its two principal directions explain " + Format.percent(explained[0]) + " and "
                + Format.percent(explained[1]) + " of how far the path strayed from the weights now."
                + " A path's own plane makes even a random walk look smooth.";
    }

    private void start(double[] d1, double[] d2, int paths) {
        clear(null);
        this.d1 = d1;
        this.d2 = d2;
        as = new double[paths][];
        bs = new double[paths][];
        off = new double[paths];
        lengths = new double[paths];
    }

    /** The shown run's path ends at the weights now (the origin): when they moved without a step, the origin is added. */
    private void endAtNow(WeightPath path, double[] now) {
        int n = path.size();
        boolean there = n > 0;
        for (int p = 0; there && p < now.length; p++) {
            there = path.value(n - 1, p) == now[p];
        }
        if (!there) {
            as[0] = Arrays.copyOf(as[0], n + 1);
            bs[0] = Arrays.copyOf(bs[0], n + 1);
            if (n > 0) {
                double s = 0;
                for (int p = 0; p < now.length; p++) {
                    s += (now[p] - path.value(n - 1, p)) * (now[p] - path.value(n - 1, p));
                }
                lengths[0] += Math.sqrt(s);
            }
        }
    }

    /** The square of (a, b): the origin and every point, their extent × MARGIN about its middle, at least ±atLeast. */
    private void cover(double atLeast) {
        double loA = 0;
        double hiA = 0;
        double loB = 0;
        double hiB = 0;
        for (int k = 0; k < as.length; k++) {
            for (int i = 0; i < as[k].length; i++) {
                loA = Math.min(loA, as[k][i]);
                hiA = Math.max(hiA, as[k][i]);
                loB = Math.min(loB, bs[k][i]);
                hiB = Math.max(hiB, bs[k][i]);
            }
        }
        double half = NetworkPlane.MARGIN * Math.max(hiA - loA, hiB - loB) / 2;
        double ca = (loA + hiA) / 2;
        double cb = (loB + hiB) / 2;
        if (atLeast > 0) { // the square and ±atLeast, squared again
            loA = Math.min(ca - half, -atLeast);
            hiA = Math.max(ca + half, atLeast);
            loB = Math.min(cb - half, -atLeast);
            hiB = Math.max(cb + half, atLeast);
            half = Math.max(hiA - loA, hiB - loB) / 2;
            ca = (loA + hiA) / 2;
            cb = (loB + hiB) / 2;
        }
        if (!(half > 0 && half < Double.POSITIVE_INFINITY)) {
            half = 1; // no extent at all: a map of ±1
        }
        aLow = ca - half;
        aHigh = ca + half;
        bLow = cb - half;
        bHigh = cb + half;
    }

    /** E.g. "a and b from −1 to 1", or "a from −0.5 to 2.1, b from −1.3 to 1.3". */
    String range() {
        if (aLow == bLow && aHigh == bHigh) {
            return "a and b from " + signed(aLow) + " to " + signed(aHigh);
        }
        return "a from " + signed(aLow) + " to " + signed(aHigh) + ", b from " + signed(bLow) + " to " + signed(bHigh);
    }

    /** Two significant digits, trailing zeros dropped, a true minus sign: "−1", "0.35", "1.2e-4". */
    private static String signed(double v) {
        String s = Format.significant(v, 2);
        if (s.indexOf('.') >= 0 && s.indexOf('e') < 0) {
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            s = s.substring(0, s.charAt(end - 1) == '.' ? end - 1 : end);
        }
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    /** (a, b) as fractions {x, y} of a map of {@code side} cells (see {@link NetworkPlane#paths}). */
    double[] fraction(double a, double b, int side) {
        return new double[] {
            (0.5 + (side - 1) * (a - aLow) / (aHigh - aLow)) / side,
            1 - (0.5 + (side - 1) * (b - bLow) / (bHigh - bLow)) / side,
        };
    }

    /** Every path as {x0, y0, x1, y1, ...}. */
    double[][] fractions(int side) {
        double[][] f = new double[as.length][];
        for (int k = 0; k < as.length; k++) {
            f[k] = new double[2 * as[k].length];
            for (int i = 0; i < as[k].length; i++) {
                double[] xy = fraction(as[k][i], bs[k][i], side);
                f[k][2 * i] = xy[0];
                f[k][2 * i + 1] = xy[1];
            }
        }
        return f;
    }

    /** The polyline's length through the path's points. */
    private static double length(WeightPath path) {
        double total = 0;
        for (int i = 1; i < path.size(); i++) {
            double s = 0;
            for (int p = 0; p < path.parameters(); p++) {
                double d = path.value(i, p) - path.value(i - 1, p);
                s += d * d;
            }
            total += Math.sqrt(s);
        }
        return total;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
