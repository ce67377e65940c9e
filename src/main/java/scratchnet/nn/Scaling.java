package scratchnet.nn;

import java.util.List;
import scratchnet.data.Point;
import scratchnet.engine.Value;

/**
 * Standardisation of a network's inputs: before its features, a point (x, y) of the plane becomes
 * ((x − meanX) / spreadX, (y − meanY) / spreadY), so data in [0, 1000] reaches the first layer near
 * [-2, 2], where tanh is not saturated. The numbers are frozen with the model: computed once from
 * the training points when the model is made ({@link #of}), never again as points are added.
 *
 * <p>Like {@link Feature}, computed twice side by side with the same operations in the same order
 * (x + (−mean), then times spread^−1), so the graph's nodes and the plain doubles are the same bits.
 * {@link #NONE} changes nothing and adds no node: networks without it compute exactly as before.
 */
public final class Scaling {
    /** No standardisation: x and y as they are. */
    public static final Scaling NONE = new Scaling(0, 1, 0, 1);

    public final double meanX;
    public final double spreadX;
    public final double meanY;
    public final double spreadY;
    // spread^-1 computed as Value.pow computes it, so double and graph agree to the bit.
    private final double factorX;
    private final double factorY;

    /**
     * @throws IllegalArgumentException if a number is not finite or a spread is not positive
     */
    public Scaling(double meanX, double spreadX, double meanY, double spreadY) {
        if (!Double.isFinite(meanX) || !Double.isFinite(meanY) || !(spreadX > 0) || !(spreadY > 0)
                || !Double.isFinite(spreadX) || !Double.isFinite(spreadY)) {
            throw new IllegalArgumentException("a scaling needs finite means and positive finite spreads, was "
                    + meanX + ", " + spreadX + ", " + meanY + ", " + spreadY);
        }
        this.meanX = meanX;
        this.spreadX = spreadX;
        this.meanY = meanY;
        this.spreadY = spreadY;
        factorX = Math.pow(spreadX, -1);
        factorY = Math.pow(spreadY, -1);
    }

    /**
     * The mean and standard deviation (population, over n) of the points' x and of their y; a
     * spread of 0 (every point on one line, or one point) or of no points becomes 1, and no points
     * give mean 0.
     */
    public static Scaling of(List<Point> points) {
        int n = points.size();
        if (n == 0) {
            return NONE;
        }
        double sx = 0;
        double sy = 0;
        for (Point p : points) {
            sx += p.x;
            sy += p.y;
        }
        // Coordinates so large their sum overflows get no centring rather than an infinite mean.
        double mx = Double.isFinite(sx) ? sx / n : 0;
        double my = Double.isFinite(sy) ? sy / n : 0;
        double vx = 0;
        double vy = 0;
        for (Point p : points) {
            vx += (p.x - mx) * (p.x - mx);
            vy += (p.y - my) * (p.y - my);
        }
        return new Scaling(mx, spread(vx / n), my, spread(vy / n));
    }

    private static double spread(double variance) {
        double s = Math.sqrt(variance);
        return s > 0 && Double.isFinite(s) ? s : 1;
    }

    /** Whether this changes nothing (means 0, spreads 1). */
    public boolean isNone() {
        return meanX == 0 && spreadX == 1 && meanY == 0 && spreadY == 1;
    }

    /** x standardised, as a number. */
    public double x(double x) {
        return isNone() ? x : (x + -meanX) * factorX;
    }

    /** y standardised, as a number. */
    public double y(double y) {
        return isNone() ? y : (y + -meanY) * factorY;
    }

    /** x standardised as nodes of x's graph, (x − meanX) / spreadX; x itself for {@link #NONE}. */
    public Value x(Value x) {
        return isNone() ? x : x.sub(meanX).div(spreadX);
    }

    /** y standardised as nodes of y's graph; y itself for {@link #NONE}. */
    public Value y(Value y) {
        return isNone() ? y : y.sub(meanY).div(spreadY);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scaling s && s.meanX == meanX && s.spreadX == spreadX && s.meanY == meanY && s.spreadY == spreadY;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(meanX) * 31 + Double.hashCode(spreadX) * 17 + Double.hashCode(meanY) * 7 + Double.hashCode(spreadY);
    }

    @Override
    public String toString() {
        return isNone() ? "no scaling" : "x' = (x − " + meanX + ") / " + spreadX + ", y' = (y − " + meanY + ") / " + spreadY;
    }
}
