package scratchnet.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An immutable list of labelled points, in the shapes the engine wants them. */
public final class Dataset {
    public final List<Point> points;

    public Dataset(List<Point> points) {
        this.points = Collections.unmodifiableList(new ArrayList<>(points));
    }

    /** {@code count} points of {@code shape} with the given noise, all drawn from {@code rng}. */
    public static Dataset generate(Generator shape, int count, double noise, Rng rng) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be at least 0, was " + count);
        }
        if (!(noise >= 0)) {
            throw new IllegalArgumentException("noise must be at least 0, was " + noise);
        }
        return new Dataset(shape.generate(count, noise, rng));
    }

    public int size() {
        return points.size();
    }

    /** One row {x, y} per point. */
    public double[][] inputs() {
        double[][] xs = new double[points.size()][];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = new double[] {points.get(i).x, points.get(i).y};
        }
        return xs;
    }

    /** The labels, -1 or +1, as doubles (the targets a loss compares with). */
    public double[] labels() {
        double[] ys = new double[points.size()];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = points.get(i).label;
        }
        return ys;
    }

    /** This dataset with one more point. */
    public Dataset with(Point p) {
        List<Point> more = new ArrayList<>(points);
        more.add(p);
        return new Dataset(more);
    }

    /** This dataset without the point at {@code index}. */
    public Dataset without(int index) {
        List<Point> fewer = new ArrayList<>(points);
        fewer.remove(index);
        return new Dataset(fewer);
    }

    /**
     * Splits into a training part and a test part: the first {@code round(size * trainFraction)}
     * points after a shuffle by {@code rng} train, the rest test.
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
        return new Dataset[] {new Dataset(train), new Dataset(test)};
    }
}
