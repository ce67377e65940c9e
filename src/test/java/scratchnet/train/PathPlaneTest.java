package scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import scratchnet.data.Rng;

/** The path's own plane: its principal directions, what they explain, and how far the path lies off it. */
class PathPlaneTest {
    static WeightPath path(double[]... points) {
        WeightPath path = new WeightPath();
        for (int k = 0; k < points.length; k++) {
            path.record(k, points[k]);
        }
        return path;
    }

    static void assertOrthonormal(PathPlane plane) {
        double[] d1 = plane.first();
        double[] d2 = plane.second();
        assertEquals(1, Vectors.dot(d1, d1), 1e-12);
        assertEquals(1, Vectors.dot(d2, d2), 1e-12);
        assertEquals(0, Vectors.dot(d1, d2), 1e-12);
    }

    @Test
    void aKnownGramCaseByHand() {
        // x_i = θ_i − θ_now: (3,0,0), (0,2,0), (0,0,1), 0. G = diag(9, 4, 1, 0): d1 = ±e1, d2 = ±e2.
        double[] now = {1, 1, 1};
        PathPlane plane = PathPlane.of(path(new double[] {4, 1, 1}, new double[] {1, 3, 1}, new double[] {1, 1, 2}, now), now);
        assertFalse(plane.tooShort());
        assertOrthonormal(plane);
        assertArrayEquals(new double[] {-1, 0, 0}, plane.first(), 1e-12, "the start at negative a");
        assertEquals(1, Math.abs(plane.second()[1]), 1e-12);
        assertArrayEquals(new double[] {9.0 / 14, 4.0 / 14}, plane.explained(), 1e-12);
        assertArrayEquals(new double[] {-3, 0}, plane.coordinates(0), 1e-12);
        assertEquals(2, Math.abs(plane.coordinates(1)[1]), 1e-12);
        assertEquals(0, plane.offPlane(0), 1e-12);
        assertEquals(1, plane.offPlane(2), 1e-12, "(0,0,1) lies 1 off the plane of e1 and e2");
        assertEquals(1, plane.largestOffPlane(), 1e-12);
        assertArrayEquals(new double[] {0, 0}, plane.coordinates(3), 0, "the weights now are the origin");

        // x = (2,1,0), (1,2,0): G = [[5,4],[4,5]], eigenvalues 9 and 1, vectors (1,1)/√2 and (1,−1)/√2.
        double[] zero = {0, 0, 0};
        PathPlane two = PathPlane.of(path(new double[] {2, 1, 0}, new double[] {1, 2, 0}, zero), zero);
        double r = Math.sqrt(0.5);
        assertArrayEquals(new double[] {-r, -r, 0}, two.first(), 1e-12);
        assertEquals(0, Math.abs(Vectors.dot(two.second(), new double[] {r, r, 0})), 1e-12);
        assertArrayEquals(new double[] {0.9, 0.1}, two.explained(), 1e-12, "(9 and 1) of 10");
        assertEquals(0, two.largestOffPlane(), 1e-15);
    }

    @Test
    void aPathInAKnownPlaneLiesInItAndItExplainsAll() {
        int size = 300;
        Rng rng = new Rng(4);
        double[] e = new double[size];
        double[] f = new double[size];
        double[] now = new double[size];
        for (int p = 0; p < size; p++) {
            e[p] = rng.nextGaussian();
            f[p] = rng.nextGaussian();
            now[p] = 2 * rng.nextGaussian();
        }
        WeightPath path = new WeightPath();
        for (int s = 0; s <= 500; s++) {
            double t = 1 - s / 500.0; // from far away to now
            double alpha = 3 * t * t + 0.1 * Math.sin(s);
            double beta = 0.5 * t + 0.2 * Math.cos(0.3 * s) * t;
            double[] theta = new double[size];
            for (int p = 0; p < size; p++) {
                theta[p] = now[p] + alpha * e[p] + beta * f[p];
            }
            path.record(s, theta);
        }
        PathPlane plane = PathPlane.of(path, now);
        assertFalse(plane.tooShort());
        assertOrthonormal(plane);
        double[] x = plane.explained();
        assertEquals(1, x[0] + x[1], 1e-12, "the two directions explain the whole path");
        assertTrue(x[0] > x[1]);
        assertTrue(plane.largestOffPlane() < 1e-12, plane.largestOffPlane() + " off the plane");
        for (double[] d : new double[][] {plane.first(), plane.second()}) { // each direction lies in span(e, f)
            double[] rest = d.clone();
            double[] eu = e.clone();
            Vectors.scale(eu, 1 / Vectors.norm(eu));
            double[] fu = f.clone();
            Vectors.subtract(fu, Vectors.dot(fu, eu), eu);
            Vectors.scale(fu, 1 / Vectors.norm(fu));
            Vectors.subtract(rest, Vectors.dot(rest, eu), eu);
            Vectors.subtract(rest, Vectors.dot(rest, fu), fu);
            assertEquals(0, Vectors.norm(rest), 1e-12);
        }
        for (int k = 0; k < path.size(); k += 17) {
            double[] ab = plane.coordinates(k);
            double[] d1 = plane.first();
            double[] d2 = plane.second();
            for (int p = 0; p < size; p++) {
                assertEquals(path.value(k, p), now[p] + ab[0] * d1[p] + ab[1] * d2[p], 1e-12);
            }
        }
        System.out.printf("a path in a plane (%d points, %d parameters): explained %.15f + %.2e, largest off-plane %.1e; "
                        + "%d rounds; %,d multiply-adds%n", path.size(), size, x[0], x[1],
                plane.largestOffPlane(), plane.iterations(), plane.work());
    }

    @Test
    void theSignsFollowTheLastPlane() {
        double[] now = {1, -2, 0.5, 3};
        double[] e = {0.6, 0.8, 0, 0};
        double[] f = {0, 0, 1, 0};
        WeightPath forth = new WeightPath();
        WeightPath back = new WeightPath();
        for (int s = 0; s <= 20; s++) {
            forth.record(s, point(now, e, f, -1 + s / 10.0));
            back.record(s, point(now, e, f, 1 - s / 10.0));
        }
        PathPlane first = PathPlane.of(forth, now);
        PathPlane cold = PathPlane.of(back, now);
        PathPlane following = PathPlane.of(back, now, first);
        double[] minus = first.first();
        Vectors.scale(minus, -1);
        assertArrayEquals(minus, cold.first(), 1e-12, "on its own, the start is at negative a: the other way");
        assertArrayEquals(first.first(), following.first(), 1e-12, "after the first plane: its signs");
        assertArrayEquals(first.second(), following.second(), 1e-12);
    }

    static double[] point(double[] now, double[] e, double[] f, double t) {
        double[] theta = now.clone();
        for (int p = 0; p < theta.length; p++) {
            theta[p] += t * e[p] + (t * t - 0.5) * f[p];
        }
        return theta;
    }

    @Test
    void aRandomWalksOwnPlaneExplainsMuchOfIt() {
        int size = 1000;
        Rng rng = new Rng(9);
        WeightPath path = new WeightPath();
        double[] theta = new double[size];
        for (int s = 0; s < 400; s++) {
            for (int p = 0; p < size; p++) {
                theta[p] += 0.01 * rng.nextGaussian();
            }
            path.record(s, theta);
        }
        PathPlane plane = PathPlane.of(path, theta);
        assertOrthonormal(plane);
        double[] x = plane.explained();
        // Brownian paths: about 61% and 15% in expectation (Antognini & Sohl-Dickstein 2018), in 1000 dimensions.
        assertTrue(x[0] + x[1] > 0.5, x[0] + " + " + x[1]);
        System.out.printf("a random walk of 400 steps in 1000 dimensions: its own plane explains %s and %s; %d rounds%n",
                scratchnet.io.Format.percent(x[0]), scratchnet.io.Format.percent(x[1]), plane.iterations());
    }

    @Test
    void tooShortOrOnALine() {
        double[] now = {1, 2};
        assertTrue(PathPlane.of(new WeightPath(), now).tooShort());
        assertTrue(PathPlane.of(path(new double[] {0, 0}, now), now).tooShort());
        assertTrue(PathPlane.of(path(now, now.clone(), now.clone()), now).tooShort(), "all points at θ_now");
        PathPlane none = PathPlane.of(path(new double[] {0, 0}, now), now);
        assertNull(none.first());
        assertEquals(0, none.points());
        assertTrue(Double.isNaN(none.explained()[0]));

        double[] at = {0, 0, 0, 0};
        PathPlane line = PathPlane.of(path(new double[] {3, 3, 0, 0}, new double[] {1, 1, 0, 0}, at), at);
        assertFalse(line.tooShort(), "three distinct points on a line still make a picture");
        assertOrthonormal(line);
        assertArrayEquals(new double[] {1, 0}, line.explained(), 1e-12, "nothing along the second direction");
        assertEquals(0, line.largestOffPlane(), 1e-12);
    }
}
