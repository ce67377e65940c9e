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

    /** Gram–Schmidt on two vectors; a second one that vanishes is replaced by an axis made orthogonal. */
    static void orthonormalise(double[] v1, double[] v2) {
        double n1 = Math.sqrt(dot(v1, v1));
        if (!(n1 > 0)) {
            Arrays.fill(v1, 0);
            v1[0] = 1;
            n1 = 1;
        }
        scale(v1, 1 / n1);
        double before = Math.sqrt(dot(v2, v2));
        subtract(v2, dot(v2, v1), v1);
        double n2 = Math.sqrt(dot(v2, v2));
        if (!(n2 > 1e-12 * before) || !(n2 > 0)) {
            leastAxis(v1, v2);
            n2 = 1;
        }
        scale(v2, 1 / n2);
    }
}
