package scratchnet.train;

import java.util.Arrays;

/** The few vector steps the planes take ({@link PathPlane}, {@link RunsPlane}), on plain arrays. */
final class Vectors {
    private Vectors() {
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    /** x −= f·y */
    static void subtract(double[] x, double f, double[] y) {
        for (int i = 0; i < x.length; i++) {
            x[i] -= f * y[i];
        }
    }

    static void scale(double[] x, double f) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= f;
        }
    }

    /** Sets {@code into} to the axis least along the unit vector {@code d}, made orthogonal to it, unit length. */
    static void leastAxis(double[] d, double[] into) {
        int axis = 0;
        for (int i = 1; i < d.length; i++) {
            axis = Math.abs(d[i]) < Math.abs(d[axis]) ? i : axis;
        }
        Arrays.fill(into, 0);
        into[axis] = 1;
        subtract(into, d[axis], d);
        scale(into, 1 / norm(into));
    }
}
