package scratchnet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whether each dataset looks like itself at the page's defaults (200 points, noise 0.1, seed 1,
 * the default classes): the 5-nearest-neighbour self-vote, the share of points whose 5 nearest
 * other points mostly carry their own class (the most votes wins; a tie goes to the tied class
 * nearest the point). A blob of mixed classes scores about 1/K, a crisp shape near 1. For a
 * regression, the 5-NN R²: how much of the targets' variance the mean of each point's 5 nearest
 * neighbours' targets explains.
 */
class RecognisableTest {
    static final int POINTS = 200;
    static final double NOISE = 0.1;
    static final int NEIGHBOURS = 5;

    /** Each classification dataset at its default classes, and the spiral with three arms. */
    static final Object[][] CLASSIFICATIONS = {
        {Shape.MOONS, 2}, {Shape.CIRCLES, 2}, {Shape.XOR, 2}, {Shape.GAUSSIANS, 2}, {Shape.SPIRAL, 2}, {Shape.SPIRAL, 3},
        {Shape.YINYANG, 3},
    };

    @Test
    void versionTwoIsRecognisableAtTheDefaults() {
        for (Object[] c : CLASSIFICATIONS) {
            double vote = selfVote(Dataset.generate((Shape) c[0], 2, POINTS, NOISE, (int) c[1], new Rng(1)).points);
            String what = ((Shape) c[0]).label + " " + c[1];
            System.out.println("version 2, 5-NN self-vote, " + what + ": " + vote);
            assertTrue(vote >= 0.95, what + ": " + vote);
        }
        for (Shape shape : new Shape[] {Shape.PLANE, Shape.BUMPS}) {
            double r2 = neighboursR2(Dataset.generate(shape, 2, POINTS, NOISE, 0, new Rng(1)).points);
            System.out.println("version 2, 5-NN R², " + shape.label + ": " + r2);
            assertTrue(r2 >= 0.9, shape.label + ": " + r2);
        }
    }

    @Test
    void versionOneFiguresAsMeasured() {
        // Today's points, for the record (the README quotes them): the spirals are blobs at noise 0.1.
        double[] expected = {0.99, 0.99, 0.925, 0.995, 0.72, 0.49, 0.82};
        double[] seen = new double[CLASSIFICATIONS.length];
        for (int i = 0; i < seen.length; i++) {
            Object[] c = CLASSIFICATIONS[i];
            seen[i] = selfVote(Dataset.generate((Shape) c[0], 1, POINTS, NOISE, (int) c[1], new Rng(1)).points);
            System.out.println("version 1, 5-NN self-vote, " + ((Shape) c[0]).label + " " + c[1] + ": " + seen[i]);
        }
        assertEquals(Arrays.toString(expected), Arrays.toString(seen));
        for (Shape shape : new Shape[] {Shape.PLANE, Shape.BUMPS}) {
            System.out.println("version 1, 5-NN R², " + shape.label + ": "
                    + neighboursR2(Dataset.generate(shape, 1, POINTS, NOISE, 0, new Rng(1)).points));
        }
    }

    @Test
    void theVoteSeesABlobAsABlob() {
        // Without noise every shape of version 2 votes nearly perfectly; with classes drawn at random, about 1/K.
        for (Object[] c : CLASSIFICATIONS) {
            assertTrue(selfVote(Dataset.generate((Shape) c[0], 2, POINTS, 0, (int) c[1], new Rng(1)).points) >= 0.95);
        }
        Rng rng = new Rng(4);
        Point[] mixed = new Point[400];
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = new Point(rng.uniform(-1, 1), rng.uniform(-1, 1), rng.nextInt(2) == 0 ? -1 : 1);
        }
        assertEquals(0.5, selfVote(List.of(mixed)), 0.1);
    }

    /** The share of points whose {@link #NEIGHBOURS} nearest other points vote for their own class. */
    static double selfVote(List<Point> points) {
        int right = 0;
        for (int i = 0; i < points.size(); i++) {
            Integer[] near = nearest(points, i);
            int[] votes = new int[Point.MAX_CLASSES];
            int most = 0;
            for (int j : near) {
                most = Math.max(most, ++votes[points.get(j).classIndex()]);
            }
            int winner = -1;
            for (int j : near) { // the nearest of the classes with the most votes
                if (votes[points.get(j).classIndex()] == most) {
                    winner = points.get(j).classIndex();
                    break;
                }
            }
            right += winner == points.get(i).classIndex() ? 1 : 0;
        }
        return (double) right / points.size();
    }

    /** 1 − Σ(t − mean of the 5 nearest neighbours' t)² / Σ(t − mean t)². */
    static double neighboursR2(List<Point> points) {
        double mean = points.stream().mapToDouble(p -> p.target).average().orElse(0);
        double residual = 0, total = 0;
        for (int i = 0; i < points.size(); i++) {
            double guess = 0;
            for (int j : nearest(points, i)) {
                guess += points.get(j).target / NEIGHBOURS;
            }
            double t = points.get(i).target;
            residual += (t - guess) * (t - guess);
            total += (t - mean) * (t - mean);
        }
        return 1 - residual / total;
    }

    /** The indices of point i's {@link #NEIGHBOURS} nearest other points, nearest first (ties by index). */
    private static Integer[] nearest(List<Point> points, int i) {
        Point p = points.get(i);
        Integer[] others = new Integer[points.size() - 1];
        for (int j = 0, n = 0; j < points.size(); j++) {
            if (j != i) {
                others[n++] = j;
            }
        }
        Arrays.sort(others, (a, b) -> {
            int byDistance = Double.compare(squared(p, points.get(a)), squared(p, points.get(b)));
            return byDistance != 0 ? byDistance : Integer.compare(a, b);
        });
        return Arrays.copyOf(others, NEIGHBOURS);
    }

    private static double squared(Point a, Point b) {
        return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y);
    }
}
