package scratchnet.playground;

import java.util.List;
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

    /** Two-class points: kind 0 is -1 (orange), kind 1 is +1 (blue). */
    static Marks of(List<Point> points) {
        int n = points.size();
        double[] x = new double[n];
        double[] y = new double[n];
        int[] kind = new int[n];
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            x[i] = p.x;
            y[i] = p.y;
            kind[i] = p.label > 0 ? 1 : 0;
        }
        return new Marks(x, y, kind, new int[] {HeatMap.NEGATIVE, HeatMap.POSITIVE});
    }

    public int size() {
        return x.length;
    }
}
