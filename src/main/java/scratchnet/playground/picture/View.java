package scratchnet.playground.picture;

import java.util.List;
import scratchnet.data.Point;
import scratchnet.io.Format;

/**
 * The part of the plane the picture shows, and the one mapping between plane coordinates and a
 * canvas's pixels: x grows to the right, y grows upwards (row 0 of a picture is the top, yMax).
 * Immutable.
 */
public final class View {
    public final double xMin;
    public final double xMax;
    public final double yMin;
    public final double yMax;

    public View(double xMin, double xMax, double yMin, double yMax) {
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    /** What is shown when there are no points. */
    static final View EMPTY = new View(-1.5, 1.5, -1.5, 1.5);

    /**
     * A square around the points with a margin, so every point is well inside the picture; at
     * least ±1 around points of the playground's own scale (a few close points are not blown up),
     * but for points that all lie within ±s of the origin, s < 1, at least ±s: imported data in
     * [0, 0.01] is shown as data in [0, 1] is.
     */
    public static View around(List<Point> points) {
        if (points.isEmpty()) {
            return EMPTY;
        }
        double xLow = Double.POSITIVE_INFINITY, xHigh = Double.NEGATIVE_INFINITY;
        double yLow = Double.POSITIVE_INFINITY, yHigh = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            xLow = Math.min(xLow, p.x);
            xHigh = Math.max(xHigh, p.x);
            yLow = Math.min(yLow, p.y);
            yHigh = Math.max(yHigh, p.y);
        }
        double cx = (xLow + xHigh) / 2, cy = (yLow + yHigh) / 2;
        double size = Math.max(Math.max(-xLow, xHigh), Math.max(-yLow, yHigh)); // the farthest from 0 on an axis
        double half = Math.max(Math.min(1, size), Math.max(xHigh - xLow, yHigh - yLow) / 2 * 1.15);
        if (!(half > 0)) {
            half = 1; // every point at the origin
        }
        return new View(cx - half, cx + half, cy - half, cy + half);
    }

    /** True if (x, y) lies strictly inside. */
    public boolean contains(double x, double y) {
        return x > xMin && x < xMax && y > yMin && y < yMax;
    }

    /** The pixel column of plane x on a picture {@code width} pixels wide. */
    public double pixelX(double x, double width) {
        return (x - xMin) * width / (xMax - xMin);
    }

    /** The pixel row of plane y on a picture {@code height} pixels high. */
    public double pixelY(double y, double height) {
        return (yMax - y) * height / (yMax - yMin);
    }

    /** The plane x of pixel column {@code px} on a picture {@code width} pixels wide. */
    public double planeX(double px, double width) {
        return xMin + px / Math.max(1, width) * (xMax - xMin);
    }

    /** The plane y of pixel row {@code py} on a picture {@code height} pixels high. */
    public double planeY(double py, double height) {
        return yMax - py / Math.max(1, height) * (yMax - yMin);
    }

    /**
     * The marks along one axis of the picture, in the data's own units: round values one nice step
     * apart (1, 2, 2.5 or 5 times a power of ten, about {@link #TICKS} of them across the view) and
     * their labels, with as many decimals as the step needs.
     */
    public static final class Axis {
        public final double step;
        public final double[] values;
        public final String[] labels;

        Axis(double min, double max) {
            step = niceStep((max - min) / TICKS);
            long first = (long) Math.ceil(min / step - 1e-9);
            long last = (long) Math.floor(max / step + 1e-9);
            int n = (int) Math.max(0, Math.min(2 * TICKS + 2, last - first + 1));
            values = new double[n];
            labels = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = (first + i) * step;
                labels[i] = label(values[i], step);
            }
        }

        /** The labels joined by ", ", e.g. "0, 250, 500, 750, 1000". */
        public String text() {
            return String.join(", ", labels);
        }
    }

    /** The marks as text, for screen readers and tests: "x axis: 0, 250, ...; y axis: ...". */
    public String axesText() {
        return "x axis: " + xAxis().text() + "; y axis: " + yAxis().text();
    }

    /** About how many marks an axis gets. */
    static final int TICKS = 5;

    /** The x axis's marks. */
    public Axis xAxis() {
        return new Axis(xMin, xMax);
    }

    /** The y axis's marks (the same step as x: the picture is square, one scale for both). */
    public Axis yAxis() {
        return new Axis(yMin, yMax);
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code rough}. */
    static double niceStep(double rough) {
        if (!(rough > 0) || !Double.isFinite(rough)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= rough * (1 - 1e-9)) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** A mark's label: as many decimals as the step has (2.5 steps one more), no "-0". */
    static String label(double v, double step) {
        if (Math.abs(v) < step * 1e-6) {
            return "0";
        }
        if (step >= 1e6 || step < 1e-6) {
            return Format.significant(v, 3);
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        if (Math.abs(mantissa - 2.5) < 1e-6 && step < 10) {
            decimals++;
        }
        return Format.fixed(v, decimals);
    }

    /** A length of {@code pixels} on a picture {@code width} pixels wide, in plane units. */
    public double planeLength(double pixels, double width) {
        return pixels / Math.max(1, width) * (xMax - xMin);
    }

    /**
     * The part of the line {@code a·x + b·y + c = 0} inside the view, as {x0, y0, x1, y1}; null if
     * the line misses it (or is no line: a = b = 0, or not finite).
     */
    public double[] clip(double a, double b, double c) {
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c)) || (a == 0 && b == 0)) {
            return null;
        }
        double scale = Math.max(Math.abs(a), Math.abs(b)); // the same line, with no overflow in a² + b²
        a /= scale;
        b /= scale;
        c /= scale;
        // Walk along the line: the point nearest the view's centre plus t times the direction (−b, a).
        double cx = (xMin + xMax) / 2, cy = (yMin + yMax) / 2;
        double n2 = a * a + b * b;
        double d = (a * cx + b * cy + c) / n2;
        double px = cx - a * d, py = cy - b * d;
        double dx = -b, dy = a;
        double low = Double.NEGATIVE_INFINITY, high = Double.POSITIVE_INFINITY;
        double[][] slabs = {{px, dx, xMin, xMax}, {py, dy, yMin, yMax}};
        for (double[] s : slabs) {
            if (s[1] == 0) {
                if (s[0] < s[2] || s[0] > s[3]) {
                    return null;
                }
            } else {
                double t0 = (s[2] - s[0]) / s[1], t1 = (s[3] - s[0]) / s[1];
                low = Math.max(low, Math.min(t0, t1));
                high = Math.min(high, Math.max(t0, t1));
            }
        }
        if (!(low < high)) {
            return null;
        }
        return new double[] {px + low * dx, py + low * dy, px + high * dx, py + high * dy};
    }
}
