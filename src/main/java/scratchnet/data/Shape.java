package scratchnet.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The datasets the playground offers. All live roughly in [-1.5, 2.5] × [-1.5, 1.5] and come out
 * in random order. Moons, circles and XOR have two classes (labels -1 and +1); Gaussians and the
 * spiral two to {@link Point#MAX_CLASSES} (with two, labels ±1 and exactly the points they always
 * had for a seed; with more, class indices); yin-yang three; plane and bumps are regression (real
 * targets in [-1, 1]).
 *
 * <p>Each shape is two generators of one signature ({@link #generator(int)}). Version 1, the shape
 * itself ({@link #generate}), makes the points it always made: the noise is an absolute standard
 * deviation in plane units, which blurs a spiral whose arms are 0.29 apart into a blob while it
 * hardly touches the moons. Version 2 measures the noise in each shape's own natural length,
 * σ = noise × {@link #scale} (the spiral's gap between arms, the circles' gap between rings...),
 * so that one noise blurs every shape alike; and where version 1's points were not recognisable
 * even without noise (a nearest-neighbour vote over them fails), it draws them a little
 * differently too: the spiral's arms lie 0.29 apart for any number of arms, with their points
 * spread evenly along them, and yin-yang keeps its points off the lines between its classes.
 */
public enum Shape implements Generator {
    /** scikit-learn's make_moons: outer arc (cos t, sin t) is -1, inner (1 - cos t, 1 - sin t - 0.5) is +1. */
    MOONS("moons", 2, 2, 1) { // version 2: σ = noise × the moons' radius (the same points as version 1)
        public List<Point> generate(int count, double noise, int classes, Rng rng) {
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
    CIRCLES("circles", 2, 2, 0.5) { // version 2: σ = noise × the gap between the rings
        public List<Point> generate(int count, double noise, int classes, Rng rng) {
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
    XOR("xor", 2, 2, 0.5) { // version 2: σ = noise × half a quadrant's side
        public List<Point> generate(int count, double noise, int classes, Rng rng) {
            List<Point> points = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                double x = awayFromAxis(rng.uniform(-1, 1));
                double y = awayFromAxis(rng.uniform(-1, 1));
                points.add(noisy(x, y, x * y > 0 ? 1 : -1, noise, rng));
            }
            return points;
        }
    },
    /**
     * Round clouds of spread 0.25 + noise, one per class. Two: around (0.6, 0.6) (+1) and
     * (-0.6, -0.6) (-1). More: evenly around a circle of radius 0.85, class 0 at 45°.
     */
    // Version 2: σ = noise × 1 (the same points as version 1): the noise widens each blob (0.25 + σ),
    // whose centre lies 0.85 from the line between two blobs.
    GAUSSIANS("gaussians", 2, Point.MAX_CLASSES, 1) {
        public List<Point> generate(int count, double noise, int classes, Rng rng) {
            int k = classes(classes);
            double spread = 0.25 + noise;
            List<Point> points = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int label = label(i % k, k);
                double angle = Math.PI / 4 + 2 * Math.PI * (i % k) / k;
                double cx = k == 2 ? 0.6 * label : 0.85 * Math.cos(angle);
                double cy = k == 2 ? 0.6 * label : 0.85 * Math.sin(angle);
                points.add(noisy(cx, cy, label, spread, rng));
            }
            return shuffled(points, rng);
        }
    },
    /**
     * Interleaved spiral arms reaching radius 1, one per class. Version 1: each arm makes 1.75
     * turns, its points evenly spaced in radius (so crowded at the centre and sparse outside).
     * Version 2: the arms make 3.5 turns between them (each 3.5 / K; two arms 1.75 as before), so
     * neighbouring arms are always 1 / 3.5 ≈ 0.29 apart, and the points lie nearly evenly along each
     * arm (radius √((i + ½) / n): an Archimedean spiral's length grows as the radius squared).
     */
    SPIRAL("spiral", 2, Point.MAX_CLASSES, 1 / 3.5) { // version 2: σ = noise × the gap between neighbouring arms
        public List<Point> generate(int count, double noise, int classes, Rng rng) {
            return arms(count, noise, classes, rng, false);
        }

        @Override
        List<Point> version2(int count, double sigma, int classes, Rng rng) {
            return arms(count, sigma, classes, rng, true);
        }

        private List<Point> arms(int count, double noise, int classes, Rng rng, boolean even) {
            int k = classes(classes);
            double turns = even ? 3.5 / k : 1.75;
            List<Point> points = new ArrayList<>(count);
            for (int arm = 0; arm < k; arm++) {
                int n = count * (arm + 1) / k - count * arm / k; // two arms: count / 2, then the rest
                for (int i = 0; i < n; i++) {
                    double r = even ? Math.sqrt((i + 0.5) / n) : (double) i / n;
                    double t = turns * 2 * Math.PI * r + 2 * Math.PI * arm / k;
                    points.add(noisy(r * Math.sin(t), r * Math.cos(t), label(arm, k), noise, rng));
                }
            }
            return shuffled(points, rng);
        }
    },
    /**
     * Three classes in the unit disc: yin (0) and yang (1), the two halves of the symbol, and the
     * two dots (2) of radius 0.2 at (0, ±0.5). Each class gets a third of the points (uniform over
     * its region, by rejection), so the small dots are as well represented as the halves. Version 2
     * keeps the points {@link #YIN_YANG_MARGIN} away from the lines between the classes, as XOR
     * keeps its points off the axes.
     */
    YINYANG("yinyang", 3, 3, 0.2) { // version 2: σ = noise × the dots' radius
        public List<Point> generate(int count, double noise, int classes, Rng rng) {
            return symbol(count, noise, 0, rng);
        }

        @Override
        List<Point> version2(int count, double sigma, int classes, Rng rng) {
            return symbol(count, sigma, YIN_YANG_MARGIN, rng);
        }

        private List<Point> symbol(int count, double noise, double margin, Rng rng) {
            List<Point> points = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int label = i % 3;
                double x, y;
                do {
                    x = rng.uniform(-1, 1);
                    y = rng.uniform(-1, 1);
                } while (x * x + y * y > 1 || yinYangClass(x, y) != label || margin > 0 && yinYangEdge(x, y) < margin);
                points.add(noisy(x, y, label, noise, rng));
            }
            return shuffled(points, rng);
        }
    },
    /** Regression: uniform in [-1, 1]², target (x + y) / 2, a plane through the origin. */
    PLANE("plane", 0, 0, 1) { // version 2: σ = noise × the half-width of its square (the same points as version 1)
        public List<Point> generate(int count, double noise, int classes, Rng rng) {
            List<Point> points = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                double x = rng.uniform(-1, 1);
                double y = rng.uniform(-1, 1);
                points.add(noisyTarget(x, y, (x + y) / 2, noise, rng));
            }
            return points;
        }
    },
    /**
     * Regression: uniform in [-1, 1]², target a sum of four Gaussian bumps of width 0.35, +1 at
     * (-0.5, 0.5) and (0.5, -0.5), -1 at (0.5, 0.5) and (-0.5, -0.5) (a smooth checkerboard),
     * within (-1, 1).
     */
    BUMPS("bumps", 0, 0, 0.5) { // version 2: σ = noise × half the side of a bump's cell, as XOR's quadrants
        public List<Point> generate(int count, double noise, int classes, Rng rng) {
            List<Point> points = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                double x = rng.uniform(-1, 1);
                double y = rng.uniform(-1, 1);
                double t = bump(x, y, -0.5, 0.5) + bump(x, y, 0.5, -0.5) - bump(x, y, 0.5, 0.5) - bump(x, y, -0.5, -0.5);
                points.add(noisyTarget(x, y, t, noise, rng));
            }
            return points;
        }
    };

    /** The generator versions, 1 to this: see the class comment. */
    public static final int VERSIONS = 2;
    /** How far version 2's yin-yang keeps its points from the lines between its classes (XOR keeps 0.05 off its axes). */
    static final double YIN_YANG_MARGIN = 0.07;

    /** The short lower-case name used on the page and in share links. */
    public final String label;
    /** The fewest and the most classes this shape makes; both 0 for a regression shape. */
    public final int minClasses;
    public final int maxClasses;
    /** Version 2's unit of noise, the shape's natural length in plane units: σ = noise × scale. */
    public final double scale;

    Shape(String label, int minClasses, int maxClasses, double scale) {
        this.label = label;
        this.minClasses = minClasses;
        this.maxClasses = maxClasses;
        this.scale = scale;
    }

    /**
     * This shape's generator of {@code version}: 1 is the shape itself (the points it always made,
     * noise an absolute standard deviation); 2 takes the noise in units of {@link #scale}.
     *
     * @throws IllegalArgumentException for a version outside 1 to {@link #VERSIONS}
     */
    public Generator generator(int version) {
        if (version == 1) {
            return this;
        }
        if (version == 2) {
            return (count, noise, classes, rng) -> version2(count, noise * scale, classes, rng);
        }
        throw new IllegalArgumentException("generator version must be 1 to " + VERSIONS + ", was " + version);
    }

    /** Version 2's points with noise of standard deviation {@code sigma}: version 1's, unless the shape draws them its own way. */
    List<Point> version2(int count, double sigma, int classes, Rng rng) {
        return generate(count, sigma, classes, rng);
    }

    /** Whether the points have real-valued targets rather than classes. */
    public boolean isRegression() {
        return maxClasses == 0;
    }

    /**
     * How many classes this shape makes when asked for {@code asked}: {@code asked} brought into
     * [{@link #minClasses}, {@link #maxClasses}]; {@link Dataset#REGRESSION} for a regression shape.
     */
    public int classes(int asked) {
        return isRegression() ? Dataset.REGRESSION : Math.max(minClasses, Math.min(maxClasses, asked));
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

    /** The label of the k-th arm or blob of {@code classes}: with two, +1 then -1 (as always); with more, k. */
    static int label(int k, int classes) {
        return classes == 2 ? (k == 0 ? 1 : -1) : k;
    }

    /**
     * A point of class {@code label} (±1, or an index) at (x, y) plus Gaussian noise, x's drawn
     * first; nothing is drawn when the noise is 0. Label 1 is the same point in either kind.
     */
    static Point noisy(double x, double y, int label, double noise, Rng rng) {
        if (noise != 0) {
            x += noise * rng.nextGaussian();
            y += noise * rng.nextGaussian();
        }
        return label == -1 || label == 1 ? new Point(x, y, label) : Point.ofClass(x, y, label);
    }

    /** A regression point: {@code target} belongs to (x, y); the noise moves the point, not the target. */
    static Point noisyTarget(double x, double y, double target, double noise, Rng rng) {
        if (noise != 0) {
            x += noise * rng.nextGaussian();
            y += noise * rng.nextGaussian();
        }
        return Point.ofTarget(x, y, target);
    }

    /**
     * The yin-yang class of a point of the unit disc: 2 in a dot (radius 0.2 around (0, ±0.5));
     * 0 in the upper small disc (radius 0.5 around (0, 0.5)) or in the left half outside the lower
     * one; 1 elsewhere (the lower small disc, and the right half outside the upper one).
     */
    static int yinYangClass(double x, double y) {
        double up = x * x + (y - 0.5) * (y - 0.5);
        double down = x * x + (y + 0.5) * (y + 0.5);
        if (up < 0.2 * 0.2 || down < 0.2 * 0.2) {
            return 2;
        }
        return up <= 0.25 || x < 0 && down > 0.25 ? 0 : 1;
    }

    /**
     * How far (x, y) lies from the nearest line between two yin-yang classes: a dot's rim, or the S
     * between the halves (the right half of the upper small circle and the left half of the lower one).
     */
    static double yinYangEdge(double x, double y) {
        double up = Math.sqrt(x * x + (y - 0.5) * (y - 0.5));
        double down = Math.sqrt(x * x + (y + 0.5) * (y + 0.5));
        double dots = Math.min(Math.abs(up - 0.2), Math.abs(down - 0.2));
        // Off its own half, a half circle's nearest point is one of its ends: (0, 0) and (0, ±1).
        double origin = Math.sqrt(x * x + y * y);
        double upper = x >= 0 ? Math.abs(up - 0.5) : Math.min(origin, Math.sqrt(x * x + (y - 1) * (y - 1)));
        double lower = x <= 0 ? Math.abs(down - 0.5) : Math.min(origin, Math.sqrt(x * x + (y + 1) * (y + 1)));
        return Math.min(dots, Math.min(upper, lower));
    }

    /** A Gaussian bump of height 1 and width 0.35 centred at (cx, cy). */
    static double bump(double x, double y, double cx, double cy) {
        double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
        return Math.exp(-d2 / (2 * 0.35 * 0.35));
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
