package scratchnet.playground.picture;

import java.util.List;
import scratchnet.data.Dataset;
import scratchnet.data.Point;

/**
 * Points to draw on the picture: plane coordinates and, for each, which of {@link #colours} it
 * is drawn in (its class). The page draws each colour's points in one path.
 */
public final class Marks {
    public final double[] x;
    public final double[] y;
    /** Per point, an index into {@link #colours}. */
    public final int[] kind;
    /** 0xRRGGBB per kind. */
    public final int[] colours;

    private Marks(double[] x, double[] y, int[] kind, int[] colours) {
        this.x = x;
        this.y = y;
        this.kind = kind;
        this.colours = colours;
    }

    // A regression's targets are drawn in this many shades from -1 to +1 (one path each).
    static final int SHADES = 21;

    /**
     * Points of a problem of {@code classes} classes: a kind per class (two classes: kind 0 is -1,
     * orange, kind 1 is +1, blue; K classes: {@link HeatMap#CLASSES}); for a regression
     * ({@link Dataset#REGRESSION}) a kind per shade of the target on the heat map's diverging scale.
     */
    public static Marks of(List<Point> points, int classes) {
        int n = points.size();
        double[] x = new double[n];
        double[] y = new double[n];
        int[] kind = new int[n];
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            x[i] = p.x;
            y[i] = p.y;
            kind[i] = classes == Dataset.REGRESSION
                    ? (int) Math.round((Math.max(-1, Math.min(1, p.target)) + 1) / 2 * (SHADES - 1)) : p.classIndex();
        }
        int[] colours;
        if (classes == Dataset.REGRESSION) {
            colours = new int[SHADES];
            for (int k = 0; k < SHADES; k++) {
                colours[k] = HeatMap.targetColour(2.0 * k / (SHADES - 1) - 1);
            }
        } else {
            colours = java.util.Arrays.copyOf(HeatMap.CLASSES, Math.max(2, classes));
        }
        return new Marks(x, y, kind, colours);
    }

    public int size() {
        return x.length;
    }
}
