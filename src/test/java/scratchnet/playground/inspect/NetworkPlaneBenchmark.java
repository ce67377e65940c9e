package scratchnet.playground.inspect;

import scratchnet.data.Rng;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;
import scratchnet.train.PathPlane;
import scratchnet.train.Sweep;
import scratchnet.train.WeightPath;

/**
 * The whole network's plane, timed on the JVM: figures printed, nothing asserted. Run with
 * {@code mvn -o exec:java -Dexec.classpathScope=test -Dexec.mainClass=scratchnet.playground.inspect.NetworkPlaneBenchmark},
 * or from an IDE.
 */
public final class NetworkPlaneBenchmark {
    private NetworkPlaneBenchmark() {
    }

    public static void main(String[] args) {
        for (int round = 0; round < 3; round++) { // the first rounds warm the JIT
            boolean print = round == 2;
            for (NetworkPlane.Kind kind : new NetworkPlane.Kind[] {NetworkPlane.Kind.RANDOM, NetworkPlane.Kind.PATH}) {
                frames(kind, print);
            }
            defaultPca(print);
            pca(2, 8, print);
            pca(6, 32, print);
        }
    }

    /** Default settings (2-8-8-1, 160 training points), 400 steps recorded, then one step per frame: the longest frame. */
    static void frames(NetworkPlane.Kind kind, boolean print) {
        Session s = new Session(new Settings());
        NetworkPlane plane = new NetworkPlane(s::trainer, null);
        plane.kind(kind);
        for (int k = 0; k < 400; k++) {
            s.step();
            plane.afterStep();
        }
        long remapLongest = 0;
        long sliceLongest = 0;
        long[] slices = new long[20 * NetworkPlane.SIDE * NetworkPlane.SIDE];
        int sliceCount = 0;
        long total = 0;
        int frames = 0;
        for (int step = 0; step < 20; step++) {
            s.step();
            long t0 = System.nanoTime();
            plane.advance(); // a step: records, a new landscape, the plane, the paths
            long remap = System.nanoTime() - t0;
            remapLongest = Math.max(remapLongest, remap);
            total += remap;
            frames++;
            for (long f0 = System.nanoTime(); plane.advance(); f0 = System.nanoTime()) {
                long slice = System.nanoTime() - f0;
                sliceLongest = Math.max(sliceLongest, slice);
                slices[sliceCount++] = slice;
                total += slice;
                frames++;
            }
        }
        java.util.Arrays.sort(slices, 0, sliceCount);
        if (print) {
            System.out.printf("  grid slices: median %.2f ms, 95th percentile %.2f ms, of %d%n", slices[sliceCount / 2] / 1e6,
                    slices[sliceCount * 95 / 100] / 1e6, sliceCount);
            System.out.printf("%s plane at default settings (%s, %d points, path of %d): frames that map anew at most %.2f ms,"
                            + " grid slices (%d cells, at most %,d multiply-adds) at most %.2f ms; %.1f ms a whole 41×41 map on average%n",
                    kind.label, Names.parameterSum(s.model()), s.trainer().size(), WeightPath.CAPACITY, remapLongest / 1e6,
                    plane.grid().samplesPerSlice(), plane.grid().workPerSlice(), sliceLongest / 1e6, total / 20 / 1e6);
        }
    }

    /** PathPlane and WeightPath.record on a full path of a large network: layers × width, random-walk weights. */
    static void pca(int layers, int width, boolean print) {
        int size = 2 * width + width + (layers - 1) * (width * width + width) + width + 1;
        Rng rng = new Rng(1);
        double[] theta = new double[size];
        WeightPath path = new WeightPath();
        long recordLongest = 0;
        for (int s = 0; s < 398; s++) { // 199 kept points after one halving, and the latest
            for (int p = 0; p < size; p++) {
                theta[p] += 0.01 * rng.nextGaussian() + 0.002;
            }
            long t0 = System.nanoTime();
            path.record(s, theta);
            recordLongest = Math.max(recordLongest, System.nanoTime() - t0);
        }
        long t0 = System.nanoTime();
        PathPlane plane = PathPlane.of(path, theta);
        long time = System.nanoTime() - t0;
        if (print) {
            System.out.printf("path plane, %d layers of %d (%,d parameters), %d points: %d rounds, %,d multiply-adds, %.1f ms;"
                            + " a record (its row of inner products) at most %.2f ms%n",
                    layers, width, size, path.size(), plane.iterations(), plane.work(), time / 1e6, recordLongest / 1e6);
        }
    }

    /** PathPlane on a real path at default settings, once per step as the view does: the most rounds and time. */
    static void defaultPca(boolean print) {
        Session s = new Session(new Settings());
        WeightPath path = new WeightPath();
        double[] theta = new double[s.model().parameters().size()];
        int rounds = 0;
        long longest = 0;
        long work = 0;
        PathPlane last = null;
        for (int step = 0; step <= 600; step++) {
            for (int p = 0; p < theta.length; p++) {
                theta[p] = s.model().parameters().get(p).data;
            }
            path.record(step, theta);
            if (step >= 3) {
                long t0 = System.nanoTime();
                last = PathPlane.of(path, theta, last);
                longest = Math.max(longest, System.nanoTime() - t0);
                rounds = Math.max(rounds, last.iterations());
                work = Math.max(work, last.work());
            }
            s.step();
        }
        if (print) {
            System.out.printf("path plane at default settings, steps 3 to 600 (path up to %d points): at most %d rounds,"
                            + " %,d multiply-adds, %.2f ms; at step 600 it explains %s and %s%n", WeightPath.CAPACITY, rounds,
                    work, longest / 1e6, scratchnet.io.Format.percent(last.explained()[0]),
                    scratchnet.io.Format.percent(last.explained()[1]));
        }
    }
}
