package scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import scratchnet.data.Rng;

/** The path's thinning keeps the start, the newest and an even spread; its inner products are the points'. */
class WeightPathTest {
    /** The weights after step s: a wandering vector, so inner products are not trivial. */
    static double[] theta(int s, int size) {
        Rng rng = new Rng(1000 + s);
        double[] t = new double[size];
        for (int p = 0; p < size; p++) {
            t[p] = Math.sin(0.01 * s * (p + 1)) + 0.01 * rng.nextGaussian();
        }
        return t;
    }

    static double directDot(WeightPath path, int i, int j) {
        double s = 0;
        for (int p = 0; p < path.parameters(); p++) {
            s += (path.value(i, p) - path.value(0, p)) * (path.value(j, p) - path.value(0, p));
        }
        return s;
    }

    @Test
    void thinningKeepsTheStartTheNewestAndAnEvenSpread() {
        WeightPath path = new WeightPath();
        for (int s = 0; s < 1000; s++) {
            path.record(s, theta(s, 7));
            path.record(s, theta(s + 1, 7)); // the same step again: nothing added
            assertTrue(path.size() <= WeightPath.CAPACITY, "at most " + WeightPath.CAPACITY);
            assertEquals(s, path.step(path.size() - 1), "the newest is always the last point");
            assertEquals(0, path.step(0), "the start is always kept");
        }
        long stride = path.stride();
        assertEquals(8, stride, "200, 400, 800 records: three halvings");
        for (int k = 0; k < path.size() - 1; k++) {
            assertEquals(k * stride, path.step(k), "kept points every stride-th record");
        }
        assertEquals(999, path.step(path.size() - 1));
        assertEquals(125 + 1, path.size(), "0, 8, ..., 992 and the latest, 999");
        assertArrayEquals(theta(999, 7), path.point(path.size() - 1), 0);
        assertArrayEquals(theta(0, 7), path.point(0), 0, "the first record's weights, not the repeat's");
        double worst = 0;
        for (int i = 0; i < path.size(); i++) {
            for (int j = 0; j < path.size(); j++) {
                double d = directDot(path, i, j);
                assertEquals(d, path.dot(i, j), 1e-12 * Math.max(1, Math.abs(d)), i + "," + j);
                assertEquals(path.dot(j, i), path.dot(i, j), 0, "symmetric");
                worst = Math.max(worst, Math.abs(d - path.dot(i, j)));
            }
        }
        System.out.printf("weight path after 1000 records: %d points, stride %d; inner products against direct: largest difference %.1e%n",
                path.size(), stride, worst);
    }

    @Test
    void justFullAndClearedAndANewShape() {
        WeightPath path = new WeightPath();
        for (int s = 0; s < WeightPath.CAPACITY; s++) {
            path.record(10 + s, theta(s, 3));
        }
        assertEquals(101, path.size(), "the 200th kept point thins to 100 and the newest");
        assertEquals(2, path.stride());
        assertEquals(10 + 198, path.step(99));
        assertEquals(10 + 199, path.step(100));
        assertEquals(directDot(path, 100, 37), path.dot(37, 100), 1e-12);
        path.record(10 + 200, theta(200, 3));
        assertEquals(101, path.size(), "a stride-th record takes the latest's place");
        path.record(10 + 201, theta(201, 3));
        assertEquals(102, path.size());
        path.clear();
        assertEquals(0, path.size());
        assertThrows(IndexOutOfBoundsException.class, () -> path.step(0));
        path.record(5, theta(5, 4));
        assertEquals(1, path.size());
        assertEquals(4, path.parameters());
        path.record(6, theta(6, 9));
        assertEquals(1, path.size(), "another parameter count starts afresh");
        assertEquals(9, path.parameters());
        assertEquals(0, path.dot(0, 0), 0);
    }
}
