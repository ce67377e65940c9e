package scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

public class DataTest {

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
            for (int k = shape.minClasses; k <= shape.maxClasses; k++) {
                String what = shape.label + " " + k;
                List<Point> a = shape.generate(60, 0.1, k, new Rng(5));
                List<Point> b = shape.generate(60, 0.1, k, new Rng(5));
                List<Point> c = shape.generate(60, 0.1, k, new Rng(6));
                assertEquals(60, a.size(), what);
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(a.get(i).x, b.get(i).x, 0);
                    assertEquals(a.get(i).y, b.get(i).y, 0);
                    assertEquals(a.get(i).label, b.get(i).label);
                    assertEquals(a.get(i).target, b.get(i).target, 0);
                }
                assertNotEquals(a.get(0).x, c.get(0).x, what);
                Dataset d = new Dataset(a, k); // the labels fit the kind of data
                if (k == 2) {
                    long positives = a.stream().filter(p -> p.label == 1).count();
                    assertTrue(positives > 10 && positives < 50, what + " has both classes: " + positives);
                } else if (k > 2) {
                    for (int j = 0; j < k; j++) {
                        int label = j;
                        long n = a.stream().filter(p -> p.label == label).count();
                        assertTrue(n >= 60 / k - 1 && n <= 60 / k + 1, what + ": class " + j + " has " + n);
                    }
                } else {
                    double[] t = d.targets();
                    assertTrue(Arrays.stream(t).allMatch(v -> v >= -1 && v <= 1), what + " targets in [-1, 1]");
                    assertTrue(Arrays.stream(t).max().getAsDouble() - Arrays.stream(t).min().getAsDouble() > 0.5, what + " varies");
                }
            }
            assertEquals(shape, Shape.byLabel(shape.label));
        }
    }

    @Test
    void twoClassShapesMakeExactlyThePointsTheyAlwaysMade() {
        // Hashes of the points (bits of x and y, label) that the shapes made before they took a
        // number of classes: share links regenerate their data from the seed, so these never change.
        Object[][] cases = {
            {Shape.MOONS, -4558028723890003808L}, {Shape.CIRCLES, -3728521985211863031L},
            {Shape.XOR, -3534016850493450835L}, {Shape.GAUSSIANS, 3874879711395181176L},
            {Shape.SPIRAL, 8853042448833697980L},
        };
        for (Object[] c : cases) {
            Shape shape = (Shape) c[0];
            for (Dataset d : new Dataset[] {Dataset.generate(shape, 200, 0.1, new Rng(1)),
                    Dataset.generate(shape, 200, 0.1, 2, new Rng(1)), Dataset.generate(shape, 1, 200, 0.1, 2, new Rng(1))}) {
                assertEquals((long) c[1], hash(d.points), shape.label);
                assertEquals(2, d.classes);
            }
        }
    }

    @Test
    void versionOneOfEveryShapeAndClassCountIsAsItWas() {
        // Printed by the generators before they had versions (200 points, noise 0.1, seed 1).
        Object[][] cases = {
            {Shape.GAUSSIANS, 3, -4722737188583215971L}, {Shape.GAUSSIANS, 4, 5138942474406678641L},
            {Shape.GAUSSIANS, 5, 2174339520862299266L}, {Shape.GAUSSIANS, 6, 9154352233576056985L},
            {Shape.SPIRAL, 3, -4168673647227968789L}, {Shape.SPIRAL, 4, 4670549846733910850L},
            {Shape.SPIRAL, 5, -8660315348094611113L}, {Shape.SPIRAL, 6, 7566097642388912631L},
            {Shape.YINYANG, 3, -7108225587183033843L}, {Shape.PLANE, 0, -5603413200174931289L},
            {Shape.BUMPS, 0, 1355978896799716858L},
        };
        for (Object[] c : cases) {
            Shape shape = (Shape) c[0];
            int k = (int) c[1];
            assertEquals((long) c[2], hash(Dataset.generate(shape, 200, 0.1, k, new Rng(1)).points), shape.label + " " + k);
            assertEquals((long) c[2], hash(Dataset.generate(shape, 1, 200, 0.1, k, new Rng(1)).points), shape.label + " " + k);
        }
    }

    /** The points' bits (x, y, label and target) in order: what the pinned hashes are of. */
    public static long hash(List<Point> points) {
        long h = 17;
        for (Point p : points) {
            h = h * 31 + Double.doubleToLongBits(p.x);
            h = h * 31 + Double.doubleToLongBits(p.y);
            h = h * 31 + p.label;
            if (p.label == 0) { // a regression's (or class 0's): its target too; the two-class hashes above never see it
                h = h * 31 + Double.doubleToLongBits(p.target);
            }
        }
        return h;
    }

    @Test
    void versionOneIsTheShapeItselfAndVersionTwoIsPinned() {
        // Version 2 at the defaults (200 points, noise 0.1, seed 1, the default classes), and the
        // spiral with three arms: share links with gen=2 regenerate these, so they never change.
        Object[][] cases = {
            {Shape.MOONS, 2, -4558028723890003808L}, {Shape.CIRCLES, 2, -9089192661961413231L},
            {Shape.XOR, 2, 2795437762400755160L}, {Shape.GAUSSIANS, 2, 3874879711395181176L},
            {Shape.SPIRAL, 2, 4241601517897875406L}, {Shape.SPIRAL, 3, -1136441961157170442L},
            {Shape.YINYANG, 3, 8067954591723732607L}, {Shape.PLANE, 2, -5603413200174931289L},
            {Shape.BUMPS, 2, -4215532731927713505L},
        };
        for (Object[] c : cases) {
            Shape shape = (Shape) c[0];
            int k = (int) c[1];
            String what = shape.label + " " + k;
            assertEquals(shape, shape.generator(1), what);
            assertEquals((long) c[2], hash(Dataset.generate(shape, 2, 200, 0.1, k, new Rng(1)).points), what);
        }
        // A scale of 1 leaves the points as they were: moons, Gaussians and the plane are version 1's.
        for (Shape shape : new Shape[] {Shape.MOONS, Shape.GAUSSIANS, Shape.PLANE}) {
            assertEquals(1, shape.scale);
            assertEquals(hash(shape.generate(150, 0.3, 2, new Rng(8))), hash(shape.generator(2).generate(150, 0.3, 2, new Rng(8))));
        }
        // Elsewhere without a geometry of its own, version 2 is version 1 with σ = noise × scale.
        for (Shape shape : new Shape[] {Shape.CIRCLES, Shape.XOR, Shape.BUMPS}) {
            assertEquals(hash(shape.generate(150, 0.3 * shape.scale, 2, new Rng(8))),
                    hash(shape.generator(2).generate(150, 0.3, 2, new Rng(8))), shape.label);
        }
        assertEquals(0.5, Shape.CIRCLES.scale);
        assertEquals(1 / 3.5, Shape.SPIRAL.scale);
        assertEquals(0.2, Shape.YINYANG.scale);
        assertThrows(IllegalArgumentException.class, () -> Shape.MOONS.generator(0));
        assertThrows(IllegalArgumentException.class, () -> Dataset.generate(Shape.MOONS, Shape.VERSIONS + 1, 10, 0.1, 2, new Rng(1)));
    }

    @Test
    void versionTwoSpiralArmsAreAlwaysTheSameGapApart() {
        for (int k = 2; k <= Point.MAX_CLASSES; k++) {
            List<Point> arms = Shape.SPIRAL.generator(2).generate(120, 0, k, new Rng(2));
            assertEquals(120, arms.size());
            for (Point p : arms) {
                // On arm p's class: radius r at angle 2π · (3.5 / k) · r + the arm's phase.
                int arm = k == 2 ? (p.label == 1 ? 0 : 1) : p.label;
                double r = Math.hypot(p.x, p.y);
                double t = 3.5 / k * 2 * Math.PI * r + 2 * Math.PI * arm / k;
                assertEquals(r * Math.sin(t), p.x, 1e-12);
                assertEquals(r * Math.cos(t), p.y, 1e-12);
                assertTrue(r > 0 && r < 1);
            }
        }
        // Two arms make 1.75 turns, as in version 1; the points lie evenly along the arm, not in radius:
        // an arm's outer half (r > 0.5) holds about three quarters of them.
        long outer = Shape.SPIRAL.generator(2).generate(200, 0, 2, new Rng(3)).stream().filter(p -> Math.hypot(p.x, p.y) > 0.5).count();
        assertEquals(150, outer);
    }

    @Test
    void versionTwoYinYangKeepsOffTheLinesBetweenItsClasses() {
        assertEquals(0, Shape.yinYangEdge(0, 0.7), 1e-12); // a dot's rim
        assertEquals(0, Shape.yinYangEdge(0.5, 0.5), 1e-12); // the S, upper right half
        assertEquals(0, Shape.yinYangEdge(-0.5, -0.5), 1e-12); // the S, lower left half
        assertEquals(0, Shape.yinYangEdge(0, 0), 1e-12); // where the halves of the S meet
        assertEquals(0.3, Shape.yinYangEdge(-0.5, 0.5), 1e-12); // nearest: the upper dot's rim
        assertEquals(0.2, Shape.yinYangEdge(0, 0.5), 1e-12); // a dot's centre
        List<Point> points = Shape.YINYANG.generator(2).generate(300, 0, 3, new Rng(3));
        int[] counts = new int[3];
        for (Point p : points) {
            assertTrue(p.x * p.x + p.y * p.y <= 1);
            assertEquals(Shape.yinYangClass(p.x, p.y), p.label);
            assertTrue(Shape.yinYangEdge(p.x, p.y) >= Shape.YIN_YANG_MARGIN);
            counts[p.label]++;
        }
        assertArrayEquals(new int[] {100, 100, 100}, counts);
    }

    @Test
    void classesAreAskedForWhereTheShapeAllowsIt() {
        assertEquals(4, Dataset.generate(Shape.SPIRAL, 40, 0.1, 4, new Rng(1)).classes);
        assertEquals(6, Shape.GAUSSIANS.classes(9));
        assertEquals(2, Shape.MOONS.classes(5), "moons have two classes");
        assertEquals(3, Dataset.generate(Shape.YINYANG, 30, 0.1, 2, new Rng(1)).classes);
        Dataset plane = Dataset.generate(Shape.PLANE, 30, 0.1, 3, new Rng(1));
        assertTrue(plane.isRegression() && Shape.PLANE.isRegression() && Shape.BUMPS.isRegression());
        assertEquals(Dataset.REGRESSION, plane.classes);
        // Three spiral arms a third of a turn apart, each with a third of the points.
        List<Point> arms = Shape.SPIRAL.generate(90, 0, 3, new Rng(2));
        for (Point p : arms) {
            double r = Math.hypot(p.x, p.y);
            double t = 1.75 * 2 * Math.PI * r + 2 * Math.PI * p.label / 3;
            assertEquals(r * Math.sin(t), p.x, 1e-12);
            assertEquals(r * Math.cos(t), p.y, 1e-12);
        }
    }

    @Test
    void yinYangClassesFollowTheSymbol() {
        assertEquals(2, Shape.yinYangClass(0, 0.5));
        assertEquals(2, Shape.yinYangClass(0.1, -0.45));
        assertEquals(0, Shape.yinYangClass(0.3, 0.5)); // the upper small disc
        assertEquals(0, Shape.yinYangClass(-0.7, -0.2)); // left half, outside the lower disc
        assertEquals(1, Shape.yinYangClass(-0.3, -0.5)); // the lower small disc
        assertEquals(1, Shape.yinYangClass(0.7, 0.2)); // right half, outside the upper disc
        for (Point p : Shape.YINYANG.generate(300, 0, 3, new Rng(3))) {
            assertTrue(p.x * p.x + p.y * p.y <= 1);
            assertEquals(Shape.yinYangClass(p.x, p.y), p.label);
        }
    }

    @Test
    void regressionTargetsFollowTheirFunction() {
        for (Point p : Shape.PLANE.generate(100, 0, 0, new Rng(4))) {
            assertEquals((p.x + p.y) / 2, p.target, 1e-15);
            assertEquals(0, p.label);
        }
        List<Point> bumps = Shape.BUMPS.generate(500, 0, 0, new Rng(5));
        for (Point p : bumps) {
            assertTrue(Math.abs(p.target) < 1);
        }
        // Near a +1 bump the target is near +1, near a -1 bump near -1.
        assertTrue(bumps.stream().anyMatch(p -> p.target > 0.9) && bumps.stream().anyMatch(p -> p.target < -0.9));
        // The noise moves the points, not the targets: the same targets with and without noise.
        List<Point> noisy = Shape.PLANE.generate(10, 0.3, 0, new Rng(6));
        List<Point> clean = Shape.PLANE.generate(10, 0, 0, new Rng(6));
        assertEquals(clean.get(0).target, noisy.get(0).target, 0);
    }

    @Test
    void pointsOfEachKindReadPlainly() {
        Point two = new Point(1, 2, -1);
        Point three = Point.ofClass(1, 2, 2);
        Point real = Point.ofTarget(1, 2, 0.25);
        assertEquals(-1, two.label);
        assertEquals(-1.0, two.target);
        assertEquals(0, two.classIndex());
        assertEquals(1, new Point(0, 0, 1).classIndex());
        assertEquals(2, three.label);
        assertEquals(2, three.classIndex());
        assertEquals(0.25, real.target);
        assertEquals("(1.0, 2.0) -1", two.toString());
        assertEquals("(1.0, 2.0) class 2", three.toString());
        assertEquals("(1.0, 2.0) target 0.25", real.toString());
        assertThrows(IllegalArgumentException.class, () -> Point.ofClass(0, 0, Point.MAX_CLASSES));
        assertThrows(IllegalArgumentException.class, () -> Point.ofTarget(0, 0, Double.NaN));
        // A dataset holds one kind; labels that do not fit are refused.
        assertThrows(IllegalArgumentException.class, () -> new Dataset(List.of(three)));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(List.of(three), 2));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(List.of(Point.ofClass(0, 0, 3)), 3));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(List.of(two), Dataset.REGRESSION));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(List.of(), 7));
        Dataset d = new Dataset(List.of(three, Point.ofClass(0, 0, 0)), 3);
        assertEquals(3, d.with(Point.ofClass(1, 1, 1)).classes);
        assertEquals(3, d.without(0).classes);
        assertEquals(3, d.split(0.5, new Rng(1))[1].classes);
        assertArrayEquals(new double[] {2, 0}, d.classIndices());
        assertArrayEquals(new double[] {0.25}, new Dataset(List.of(real), Dataset.REGRESSION).targets());
    }

    @Test
    void noiseFreeMoonsLieExactlyOnTheirArcs() {
        List<Point> moons = Shape.MOONS.generate(101, 0, 2, new Rng(1));
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
        for (Point p : Shape.CIRCLES.generate(40, 0, 2, new Rng(1))) {
            assertEquals(p.label < 0 ? 1 : 0.5, Math.hypot(p.x, p.y), 1e-12);
        }
    }

    @Test
    void xorLabelsFollowTheQuadrant() {
        for (Point p : Shape.XOR.generate(200, 0, 2, new Rng(1))) {
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
