package scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataTest {

    @Test
    void rngIsDeterministicAndUniform() {
        Rng a = new Rng(42), b = new Rng(42);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
        // SplitMix64 reference: the first output for seed 0 (from the published C code).
        assertEquals(0xE220A8397B1DCDAFL, new Rng(0).nextLong());
        Rng r = new Rng(1);
        double sum = 0, sumSq = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            assertTrue(u >= 0 && u < 1);
            sum += u;
        }
        assertEquals(0.5, sum / n, 0.01);
        sum = 0;
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            sum += g;
            sumSq += g * g;
        }
        assertEquals(0, sum / n, 0.02);
        assertEquals(1, sumSq / n, 0.02);
    }

    @Test
    void everyShapeIsDeterministicForASeed() {
        for (Shape shape : Shape.values()) {
            List<Point> a = shape.generate(50, 0.1, new Rng(5));
            List<Point> b = shape.generate(50, 0.1, new Rng(5));
            List<Point> c = shape.generate(50, 0.1, new Rng(6));
            assertEquals(50, a.size(), shape.label);
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).x, b.get(i).x, 0);
                assertEquals(a.get(i).y, b.get(i).y, 0);
                assertEquals(a.get(i).label, b.get(i).label);
            }
            assertNotEquals(a.get(0).x, c.get(0).x, shape.label);
            long positives = a.stream().filter(p -> p.label == 1).count();
            assertTrue(positives > 10 && positives < 40, shape.label + " has both classes: " + positives);
            assertEquals(shape, Shape.byLabel(shape.label));
        }
    }

    @Test
    void noiseFreeMoonsLieExactlyOnTheirArcs() {
        List<Point> moons = Shape.MOONS.generate(101, 0, new Rng(1));
        assertEquals(101, moons.size());
        int outer = 0;
        for (Point p : moons) {
            if (p.label == -1) {
                outer++;
                assertEquals(1, p.x * p.x + p.y * p.y, 1e-12);
                assertTrue(p.y >= 0);
            } else {
                assertEquals(1, (p.x - 1) * (p.x - 1) + (p.y - 0.5) * (p.y - 0.5), 1e-12);
                assertTrue(p.y <= 0.5);
            }
        }
        assertEquals(50, outer); // scikit-learn: n // 2 on the outer arc
        // The arcs' ends are included, as with numpy's linspace.
        Set<String> ends = new HashSet<>();
        for (Point p : moons) {
            ends.add(Math.round(p.x * 1e9) + "," + Math.round(p.y * 1e9));
        }
        assertTrue(ends.contains("1000000000,0") && ends.contains("-1000000000,0"));
        assertTrue(ends.contains("0,500000000") && ends.contains("2000000000,500000000"));
    }

    @Test
    void noiseFreeCirclesHaveRadiiOneAndAHalf() {
        for (Point p : Shape.CIRCLES.generate(40, 0, new Rng(1))) {
            assertEquals(p.label < 0 ? 1 : 0.5, Math.hypot(p.x, p.y), 1e-12);
        }
    }

    @Test
    void xorLabelsFollowTheQuadrant() {
        for (Point p : Shape.XOR.generate(200, 0, new Rng(1))) {
            assertEquals(p.x * p.y > 0 ? 1 : -1, p.label);
            assertTrue(Math.abs(p.x) >= 0.05 && Math.abs(p.y) >= 0.05);
        }
    }

    @Test
    void splitKeepsEveryPointOnce() {
        Dataset d = Dataset.generate(Shape.MOONS, 100, 0.1, new Rng(2));
        Dataset[] parts = d.split(0.8, new Rng(3));
        assertEquals(80, parts[0].size());
        assertEquals(20, parts[1].size());
        Set<Point> all = new HashSet<>(parts[0].points);
        all.addAll(parts[1].points);
        assertEquals(new HashSet<>(d.points), all);
    }

    @Test
    void inputsAndLabelsLineUp() {
        Dataset d = Dataset.generate(Shape.SPIRAL, 30, 0.05, new Rng(4));
        double[][] xs = d.inputs();
        double[] ys = d.labels();
        for (int i = 0; i < d.size(); i++) {
            assertEquals(d.points.get(i).x, xs[i][0]);
            assertEquals(d.points.get(i).y, xs[i][1]);
            assertEquals(d.points.get(i).label, ys[i]);
        }
        Dataset more = d.with(new Point(0, 0, 1));
        assertEquals(31, more.size());
        assertEquals(30, d.size(), "datasets are immutable");
        assertEquals(d.points.get(1), more.without(0).points.get(0));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.generate(Shape.MOONS, -1, 0.1, new Rng(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.generate(Shape.MOONS, 10, Double.NaN, new Rng(1)));
        assertTrue(e.getMessage().contains("NaN"));
        assertThrows(IllegalArgumentException.class, () -> new Point(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Rng(1).nextInt(0));
    }
}
