package scratchnet.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The datasets the playground offers. All live roughly in [-1.5, 2.5] × [-1.5, 1.5], with
 * labels -1 and +1, and come out in random order.
 */
public enum Shape implements Generator {
    /** scikit-learn's make_moons: outer arc (cos t, sin t) is -1, inner (1 - cos t, 1 - sin t - 0.5) is +1. */
    MOONS("moons") {
        public List<Point> generate(int count, double noise, Rng rng) {
            int outer = count / 2;
            int inner = count - outer;
            List<Point> points = new ArrayList<>(count);
            for (int i = 0; i < outer; i++) {
                double t = Math.PI * linspace(i, outer);
                points.add(noisy(Math.cos(t), Math.sin(t), -1, noise, rng));
            }
            for (int i = 0; i < inner; i++) {
                double t = Math.PI * linspace(i, inner);
                points.add(noisy(1 - Math.cos(t), 1 - Math.sin(t) - 0.5, 1, noise, rng));
            }
            return shuffled(points, rng);
        }
    },
    /** scikit-learn's make_circles(factor=0.5): outer circle of radius 1 is -1, inner of radius 0.5 is +1. */
    CIRCLES("circles") {
        public List<Point> generate(int count, double noise, Rng rng) {
            int outer = count / 2;
            int inner = count - outer;
            List<Point> points = new ArrayList<>(count);
            for (int i = 0; i < outer; i++) {
                double t = 2 * Math.PI * i / outer;
                points.add(noisy(Math.cos(t), Math.sin(t), -1, noise, rng));
            }
            for (int i = 0; i < inner; i++) {
                double t = 2 * Math.PI * i / inner;
                points.add(noisy(0.5 * Math.cos(t), 0.5 * Math.sin(t), 1, noise, rng));
            }
            return shuffled(points, rng);
        }
    },
    /** Uniform in [-1, 1]², kept a little off the axes; +1 where x and y have the same sign. */
    XOR("xor") {
        public List<Point> generate(int count, double noise, Rng rng) {
            List<Point> points = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                double x = awayFromAxis(rng.uniform(-1, 1));
                double y = awayFromAxis(rng.uniform(-1, 1));
                points.add(noisy(x, y, x * y > 0 ? 1 : -1, noise, rng));
            }
            return points;
        }
    },
    /** Two round clouds of spread 0.25 + noise, around (-0.6, -0.6) (-1) and (0.6, 0.6) (+1). */
    GAUSSIANS("gaussians") {
        public List<Point> generate(int count, double noise, Rng rng) {
            double spread = 0.25 + noise;
            List<Point> points = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int label = i % 2 == 0 ? 1 : -1;
                points.add(noisy(0.6 * label, 0.6 * label, label, spread, rng));
            }
            return shuffled(points, rng);
        }
    },
    /** Two interleaved spiral arms reaching radius 1, each making 1.75 turns. */
    SPIRAL("spiral") {
        public List<Point> generate(int count, double noise, Rng rng) {
            int first = count / 2;
            List<Point> points = new ArrayList<>(count);
            addArm(points, first, 0, 1, noise, rng);
            addArm(points, count - first, Math.PI, -1, noise, rng);
            return shuffled(points, rng);
        }

        private void addArm(List<Point> points, int n, double phase, int label, double noise, Rng rng) {
            for (int i = 0; i < n; i++) {
                double r = (double) i / n;
                double t = 1.75 * 2 * Math.PI * r + phase;
                points.add(noisy(r * Math.sin(t), r * Math.cos(t), label, noise, rng));
            }
        }
    };

    /** The short lower-case name used on the page and in share links. */
    public final String label;

    Shape(String label) {
        this.label = label;
    }

    /** The shape called {@code label}, or null if there is none. */
    public static Shape byLabel(String label) {
        for (Shape s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        return null;
    }

    /** The i-th of n evenly spaced numbers from 0 to 1 inclusive (numpy's linspace). */
    static double linspace(int i, int n) {
        return n == 1 ? 0 : (double) i / (n - 1);
    }

    static Point noisy(double x, double y, int label, double noise, Rng rng) {
        if (noise == 0) {
            return new Point(x, y, label);
        }
        double nx = noise * rng.nextGaussian();
        double ny = noise * rng.nextGaussian();
        return new Point(x + nx, y + ny, label);
    }

    static double awayFromAxis(double v) {
        return v + (v > 0 ? 0.05 : -0.05);
    }

    static List<Point> shuffled(List<Point> points, Rng rng) {
        int[] order = new int[points.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        rng.shuffle(order);
        List<Point> out = new ArrayList<>(points.size());
        for (int i : order) {
            out.add(points.get(i));
        }
        return out;
    }
}
