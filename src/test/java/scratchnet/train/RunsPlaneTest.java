package scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import scratchnet.data.Rng;
import scratchnet.data.Shape;
import scratchnet.nn.Activation;

/** The comparison plane: through two runs' shared start and both runs' weights now, exactly. */
class RunsPlaneTest {
    static double[][] twoRuns(double lrA, double lrB, int steps) {
        Trainer a = LandscapeTest.trainer(Shape.SPIRAL, 3, Loss.CROSS_ENTROPY, Activation.LINEAR, 0.001, 0.002);
        Trainer b = LandscapeTest.trainer(Shape.SPIRAL, 3, Loss.CROSS_ENTROPY, Activation.LINEAR, 0.001, 0.002);
        double[] start = LandscapeTest.data(a.model);
        assertArrayEquals(start, LandscapeTest.data(b.model), 0, "the same init");
        a.learningRate = lrA;
        b.learningRate = lrB;
        for (int s = 0; s < steps; s++) {
            a.step();
            b.step();
        }
        return new double[][] {start, LandscapeTest.data(a.model), LandscapeTest.data(b.model)};
    }

    static void assertInPlane(RunsPlane plane, double[] theta, String name) {
        assertEquals(0, plane.distance(theta), 1e-12, name + " lies in the plane");
        double[] ab = plane.coordinates(theta);
        double[] start = plane.start();
        double[] d1 = plane.first();
        double[] d2 = plane.second();
        for (int p = 0; p < theta.length; p++) {
            assertEquals(theta[p], start[p] + ab[0] * d1[p] + ab[1] * d2[p], 1e-12, name + ": start + a·d1 + b·d2, p" + p);
        }
    }

    @Test
    void bothRunsWeightsAndTheStartLieInThePlane() {
        double[][] runs = twoRuns(0.3, 0.05, 20);
        RunsPlane plane = RunsPlane.of(runs[0], runs[1], runs[2]);
        assertNull(plane.problem());
        assertNull(plane.note());
        double[] d1 = plane.first();
        double[] d2 = plane.second();
        assertEquals(1, Vectors.dot(d1, d1), 1e-12);
        assertEquals(1, Vectors.dot(d2, d2), 1e-12);
        assertEquals(0, Vectors.dot(d1, d2), 1e-12);
        String[] names = {"the start", "run A's weights", "run B's weights"};
        double worst = 0;
        for (int k = 0; k < 3; k++) {
            assertInPlane(plane, runs[k], names[k]);
            worst = Math.max(worst, plane.distance(runs[k]));
        }
        assertArrayEquals(new double[] {0, 0}, plane.coordinates(runs[0]), 0);
        double[] u = runs[1].clone();
        Vectors.subtract(u, 1, runs[0]);
        assertEquals(Vectors.norm(u), plane.coordinates(runs[1])[0], 1e-12, "A along d1 at its distance from the start");
        assertEquals(0, plane.coordinates(runs[1])[1], 1e-12);
        System.out.printf("two runs (lr 0.3 and 0.05, 20 steps, %d parameters): largest distance from their plane %.1e; "
                + "B at (%.4f, %.4f)%n", runs[0].length, worst, plane.coordinates(runs[2])[0], plane.coordinates(runs[2])[1]);
    }

    @Test
    void onOneLineTheSecondDirectionIsTheSpare() {
        double[][] same = twoRuns(0.1, 0.1, 5);
        double[] spare = new double[same[0].length];
        Rng rng = new Rng(3);
        for (int p = 0; p < spare.length; p++) {
            spare[p] = rng.nextGaussian();
        }
        RunsPlane plane = RunsPlane.of(same[0], same[1], same[2], spare);
        assertNull(plane.problem());
        assertEquals(RunsPlane.Line.B_ON_A_LINE, plane.note());
        assertEquals(0, Vectors.dot(plane.first(), plane.second()), 1e-12);
        assertEquals(1, Vectors.dot(spare, plane.second()) / Vectors.norm(spare)
                / Math.sqrt(1 - Math.pow(Vectors.dot(spare, plane.first()) / Vectors.norm(spare), 2)), 1e-12,
                "d2 is the spare's part orthogonal to d1");
        for (double[] theta : same) {
            assertInPlane(plane, theta, "a point of the line");
        }
        RunsPlane stillA = RunsPlane.of(same[0], same[0], same[2]);
        assertEquals(RunsPlane.Line.A_AT_START, stillA.note());
        assertInPlane(stillA, same[2], "run B's weights");
    }

    @Test
    void noPlaneForDifferentNetworksOrRunsAtTheStart() {
        double[] three = {1, 2, 3};
        RunsPlane different = RunsPlane.of(three, three, new double[] {1, 2, 3, 4});
        assertEquals(RunsPlane.Problem.DIFFERENT_SIZES, different.problem());
        assertNull(different.first());
        assertEquals(RunsPlane.Problem.AT_START, RunsPlane.of(three, three, three).problem());
        assertEquals(RunsPlane.Problem.NOT_FINITE, RunsPlane.of(three, new double[] {Double.NaN, 2, 3}, three).problem());
    }
}
