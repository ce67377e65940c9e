package scratchnet.playground.inspect;

import java.util.Arrays;
import scratchnet.playground.picture.HeatMap;
import scratchnet.train.ContourLevels;

/**
 * How a square map of loss values is drawn, for the pair's map and the network's plane alike: a
 * colour per cell and the contour lines between them. Values come as {@code values[row * side + col]}
 * with row 0 the lowest value of the vertical axis; everything returned is for a canvas, row 0 at
 * the top. The colour follows the cell's rank among the contour levels ({@link ContourLevels}: by
 * quantile, or evenly in log when the values span more than two orders of magnitude), so each band
 * of colour holds about as many cells however the loss is spread: dark blue lowest, pale yellow highest.
 */
public final class Surface {
    /** The colour of a cell not computed yet, or not finite. */
    public static final int PENDING = 0xeeeeee;
    /** The scale's stops, lowest loss first (a viridis-like ramp: dark low, light high, readable in grey). */
    private static final int[] RAMP = {0x30123b, 0x2f6db3, 0x1fa187, 0x9dd93b, 0xfde725};

    private Surface() {}

    /**
     * A map's pixels and contour lines, remade only when what is drawn changed: another grid, more
     * of its cells computed, or a problem come or gone. Playing redraws the map every frame (the
     * path moves), so this keeps a frame's painting to copying them.
     */
    static final class Drawing {
        private Object grid;
        private int computed = -1;
        private boolean blank;
        private int[] pixels;
        private double[] contours;

        /** The drawing of {@code grid} with {@code computed} cells ({@code blank}: a problem, nothing to draw). */
        void of(Object grid, int computed, boolean blank, int side, java.util.function.Supplier<double[]> values,
                java.util.function.Supplier<ContourLevels> levels) {
            if (grid == this.grid && computed == this.computed && blank == this.blank && pixels != null) {
                return;
            }
            this.grid = grid;
            this.computed = computed;
            this.blank = blank;
            if (grid == null || blank) {
                pixels = new int[side * side];
                Arrays.fill(pixels, HeatMap.abgr(PENDING));
                contours = new double[0];
                return;
            }
            double[] v = values.get();
            ContourLevels l = levels.get();
            pixels = Surface.pixels(v, side, l);
            contours = computed == side * side ? Surface.contours(v, side, l) : new double[0];
        }

        int[] pixels() {
            return pixels;
        }

        double[] contours() {
            return contours;
        }
    }

    /** The colours' range in words: "; loss from 0.312 (dark blue) to 1.25 (yellow)", or "" with no finite value. */
    public static String range(ContourLevels levels) {
        return levels.max >= levels.min ? "; loss from " + scratchnet.io.Format.significant(levels.min, 3) + " (dark blue) to "
                + scratchnet.io.Format.significant(levels.max, 3) + " (yellow)" : "";
    }

    /** Canvas pixels (0xAABBGGRR), row 0 at the top. */
    public static int[] pixels(double[] values, int side, ContourLevels levels) {
        int[] out = new int[side * side];
        Arrays.fill(out, HeatMap.abgr(PENDING));
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                double v = values[row * side + col];
                if (Double.isFinite(v)) {
                    out[(side - 1 - row) * side + col] = HeatMap.abgr(colour(rank(v, levels)));
                }
            }
        }
        return out;
    }

    /**
     * Where {@code v} stands among the levels, from 0 (the smallest value) to 1 (the largest):
     * band k of n + 1 spans [k, k + 1] / (n + 1), linearly (or in log) between its levels.
     */
    static double rank(double v, ContourLevels levels) {
        double[] l = levels.levels;
        int bands = l.length + 1;
        if (!(levels.max > levels.min)) {
            return 0;
        }
        int band = 0;
        while (band < l.length && v > l[band]) {
            band++;
        }
        double lo = band == 0 ? levels.min : l[band - 1];
        double hi = band == l.length ? levels.max : l[band];
        double f = hi > lo ? levels.logScale ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo) : 0;
        return (band + Math.max(0, Math.min(1, f))) / bands;
    }

    /** The ramp's colour (0xRRGGBB) at {@code t} in [0, 1]. */
    static int colour(double t) {
        double x = Math.max(0, Math.min(1, t)) * (RAMP.length - 1);
        int i = Math.min(RAMP.length - 2, (int) x);
        double f = x - i;
        int a = RAMP[i];
        int b = RAMP[i + 1];
        return mix(a >> 16 & 0xff, b >> 16 & 0xff, f) << 16 | mix(a >> 8 & 0xff, b >> 8 & 0xff, f) << 8 | mix(a & 0xff, b & 0xff, f);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    /**
     * The contour lines at each level (marching squares over the cells' centres, crossing points by
     * linear interpolation), as segments {x0, y0, x1, y1, ...} in fractions of the map, y down:
     * cell centres sit at (col + ½) / side. Squares with a value not finite are skipped.
     */
    public static double[] contours(double[] values, int side, ContourLevels levels) {
        double[] out = new double[64];
        int n = 0;
        double[] cross = new double[8];
        for (double level : levels.levels) {
            for (int row = 0; row + 1 < side; row++) {
                for (int col = 0; col + 1 < side; col++) {
                    // corners anticlockwise from the bottom left: (col, row), (col+1, row), (col+1, row+1), (col, row+1)
                    double a = values[row * side + col];
                    double b = values[row * side + col + 1];
                    double c = values[(row + 1) * side + col + 1];
                    double d = values[(row + 1) * side + col];
                    if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) {
                        continue;
                    }
                    int k = 0;
                    k = edge(cross, k, a, b, level, col, row, 1, 0);
                    k = edge(cross, k, b, c, level, col + 1, row, 0, 1);
                    k = edge(cross, k, d, c, level, col, row + 1, 1, 0);
                    k = edge(cross, k, a, d, level, col, row, 0, 1);
                    for (int s = 0; s + 3 < k; s += 4) { // two crossings: one segment; four (a saddle): two
                        if (n + 4 > out.length) {
                            out = Arrays.copyOf(out, out.length * 2);
                        }
                        for (int e = 0; e < 4; e += 2) {
                            out[n++] = (cross[s + e] + 0.5) / side;
                            out[n++] = 1 - (cross[s + e + 1] + 0.5) / side;
                        }
                    }
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Adds where the level crosses the edge from (x, y) to (x + dx, y + dy), whose ends hold u and v. */
    private static int edge(double[] cross, int k, double u, double v, double level, int x, int y, int dx, int dy) {
        if ((u < level) == (v < level) || k == cross.length) {
            return k;
        }
        double f = (level - u) / (v - u);
        cross[k] = x + f * dx;
        cross[k + 1] = y + f * dy;
        return k + 2;
    }
}
