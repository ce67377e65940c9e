package scratchnet.train;

import java.util.Arrays;

/**
 * Where a map's contour lines go, from its values. When the finite values span more than two orders
 * of magnitude (max / min > 100 with min > 0) the levels are evenly spaced in log between min and
 * max ({@link #logScale}); otherwise they are quantiles of the values, so each band holds about as
 * many cells. Either way the levels lie strictly between min and max, in increasing order, with
 * repeats dropped (a flat map has fewer, or none). Values that are NaN or infinite are left out.
 */
public final class ContourLevels {
    /** The levels, increasing. */
    public final double[] levels;
    /** Spaced evenly in log rather than by quantile. */
    public final boolean logScale;
    /** The smallest and largest finite value (NaN when there is none). */
    public final double min;
    public final double max;

    private ContourLevels(double[] levels, boolean logScale, double min, double max) {
        this.levels = levels;
        this.logScale = logScale;
        this.min = min;
        this.max = max;
    }

    /** Up to {@code count} levels for {@code values}. */
    public static ContourLevels of(double[] values, int count) {
        double[] finite = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                finite[n++] = v;
            }
        }
        if (n == 0) {
            return new ContourLevels(new double[0], false, Double.NaN, Double.NaN);
        }
        finite = Arrays.copyOf(finite, n);
        Arrays.sort(finite);
        double min = finite[0];
        double max = finite[n - 1];
        boolean log = min > 0 && max / min > 100;
        double[] levels = new double[count];
        int m = 0;
        for (int k = 1; k <= count; k++) {
            double f = (double) k / (count + 1);
            double level = log ? Math.exp(Math.log(min) + f * (Math.log(max) - Math.log(min)))
                    : finite[(int) Math.round(f * (n - 1))];
            if (level > min && level < max && (m == 0 || level > levels[m - 1])) {
                levels[m++] = level;
            }
        }
        return new ContourLevels(Arrays.copyOf(levels, m), log, min, max);
    }
}
