package scratchnet.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An immutable list of points of one kind of problem, in the shapes the engine wants them.
 * {@link #classes} says which kind (see {@link Point}): 2 for two classes (labels ±1), K for K
 * classes (labels 0 .. K−1), {@link #REGRESSION} for real-valued targets.
 */
public final class Dataset {
    /** The {@link #classes} of a regression dataset: it has targets, not classes. */
    public static final int REGRESSION = 0;

    public final List<Point> points;
    /** 2: two classes, labels -1 and +1. 3 .. {@link Point#MAX_CLASSES}: class indices. {@link #REGRESSION}: targets. */
    public final int classes;

    /** Points of a two-class problem (labels -1 and +1). */
    public Dataset(List<Point> points) {
        this(points, 2);
    }

    /**
     * @param classes 2 (labels ±1), 3 .. {@link Point#MAX_CLASSES} (labels 0 .. classes − 1), or {@link #REGRESSION}
     * @throws IllegalArgumentException if {@code classes} is none of those, or a point's label does not fit it
     */
    public Dataset(List<Point> points, int classes) {
        if (classes != REGRESSION && (classes < 2 || classes > Point.MAX_CLASSES)) {
            throw new IllegalArgumentException("classes must be 0 (regression) or 2 to " + Point.MAX_CLASSES + ", was " + classes);
        }
        for (int i = 0; i < points.size(); i++) {
            int label = points.get(i).label;
            boolean fits = classes == 2 ? label == -1 || label == 1 : classes == REGRESSION ? label == 0 : label >= 0 && label < classes;
            if (!fits) {
                throw new IllegalArgumentException("point " + i + " has label " + label + ", which does not fit "
                        + (classes == REGRESSION ? "regression (label 0)" : classes == 2 ? "two classes (-1 or +1)"
                        : classes + " classes (0 to " + (classes - 1) + ")"));
            }
        }
        this.points = Collections.unmodifiableList(new ArrayList<>(points));
        this.classes = classes;
    }

    /** {@code count} points of two-class {@code shape} with the given noise, all drawn from {@code rng}. */
    public static Dataset generate(Shape shape, int count, double noise, Rng rng) {
        return generate(shape, count, noise, 2, rng);
    }

    /**
     * {@code count} points of {@code shape} by its generator version 1 (the noise in plane units),
     * all drawn from {@code rng}, with {@code shape.classes(classes)} classes: as many as asked where
     * the shape allows it (spiral arms, Gaussian blobs), the shape's own number otherwise,
     * {@link #REGRESSION} for a regression shape.
     */
    public static Dataset generate(Shape shape, int count, double noise, int classes, Rng rng) {
        return generate(shape, 1, count, noise, classes, rng);
    }

    /**
     * {@link #generate(Shape, int, double, int, Rng)} by the shape's generator of {@code version}
     * ({@link Shape#generator}: 1, noise in plane units, the points shapes always made; 2, noise in
     * the shape's own {@link Shape#scale}).
     */
    public static Dataset generate(Shape shape, int version, int count, double noise, int classes, Rng rng) {
        Generator generator = shape.generator(version);
        if (count < 0) {
            throw new IllegalArgumentException("count must be at least 0, was " + count);
        }
        if (!(noise >= 0)) {
            throw new IllegalArgumentException("noise must be at least 0, was " + noise);
        }
        int k = shape.classes(classes);
        return new Dataset(generator.generate(count, noise, k, rng), k);
    }

    public int size() {
        return points.size();
    }

    public boolean isRegression() {
        return classes == REGRESSION;
    }

    /** One row {x, y} per point. */
    public double[][] inputs() {
        double[][] xs = new double[points.size()][];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = new double[] {points.get(i).x, points.get(i).y};
        }
        return xs;
    }

    /** The labels as doubles: -1 or +1 with two classes (the targets a loss on one output compares with). */
    public double[] labels() {
        double[] ys = new double[points.size()];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = points.get(i).label;
        }
        return ys;
    }

    /** Each point's {@link Point#target}: ±1 with two classes, the real value for regression. */
    public double[] targets() {
        double[] ts = new double[points.size()];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = points.get(i).target;
        }
        return ts;
    }

    /** Each point's {@link Point#classIndex()}, 0 .. K−1 (two classes: -1 is 0, +1 is 1), as doubles. */
    public double[] classIndices() {
        double[] cs = new double[points.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = points.get(i).classIndex();
        }
        return cs;
    }

    /** This dataset with one more point. */
    public Dataset with(Point p) {
        List<Point> more = new ArrayList<>(points);
        more.add(p);
        return new Dataset(more, classes);
    }

    /** This dataset without the point at {@code index}. */
    public Dataset without(int index) {
        List<Point> fewer = new ArrayList<>(points);
        fewer.remove(index);
        return new Dataset(fewer, classes);
    }

    /**
     * Splits into a training part and a test part: the first {@code round(size * trainFraction)}
     * points after a shuffle by {@code rng} train, the rest test. Both keep {@link #classes}.
     */
    public Dataset[] split(double trainFraction, Rng rng) {
        if (!(trainFraction >= 0 && trainFraction <= 1)) {
            throw new IllegalArgumentException("trainFraction must be in [0, 1], was " + trainFraction);
        }
        int[] order = new int[points.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        rng.shuffle(order);
        int nTrain = (int) Math.round(points.size() * trainFraction);
        List<Point> train = new ArrayList<>(nTrain);
        List<Point> test = new ArrayList<>(points.size() - nTrain);
        for (int i = 0; i < order.length; i++) {
            (i < nTrain ? train : test).add(points.get(order[i]));
        }
        return new Dataset[] {new Dataset(train, classes), new Dataset(test, classes)};
    }
}
