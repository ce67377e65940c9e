package scratchnet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import scratchnet.nn.MLP;
import scratchnet.train.Trainer;

/**
 * The benchmark cases on the JVM, measured by JMH: one training step of W1, W2 and W3 (tensor path),
 * one of W1 on the scalar Value path, one 100 × 100 heat-map grid of the trained W1 model, and
 * one whole downhill map of it (downhill.json: the 41 × 41 grid of two parameters and the line).
 * Each iteration's score is ms per call; {@link Bench} reports the median iteration.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 9, time = 1)
@Fork(1)
public class JvmBenchmarks {

    /** Where the workload files are, from the project folder (the working directory of scripts/bench). */
    static final Path WORKLOADS = Path.of("src/bench/workloads");

    static Workload workload(String name) {
        try {
            return Workload.parse(name, Files.readString(WORKLOADS.resolve(name + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read workload " + name + " (run from the project folder)", e);
        }
    }

    /** The downhill case, src/bench/workloads/downhill.json. */
    static DownhillCase downhillCase() {
        try {
            return DownhillCase.parse(Files.readString(WORKLOADS.resolve("downhill.json")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the downhill case (run from the project folder)", e);
        }
    }

    @State(Scope.Thread)
    public static class W1 {
        Trainer trainer;

        @Setup
        public void setup() {
            trainer = workload("W1").trainer(true);
        }
    }

    @State(Scope.Thread)
    public static class W2 {
        Trainer trainer;

        @Setup
        public void setup() {
            trainer = workload("W2").trainer(true);
        }
    }

    @State(Scope.Thread)
    public static class W3 {
        Trainer trainer;

        @Setup
        public void setup() {
            trainer = workload("W3").trainer(true);
        }
    }

    @State(Scope.Thread)
    public static class W1Scalar {
        Trainer trainer;

        @Setup
        public void setup() {
            trainer = workload("W1").trainer(false);
        }
    }

    @State(Scope.Thread)
    public static class Heatmap {
        MLP model;
        double[] scores = new double[Workload.GRID * Workload.GRID];

        @Setup
        public void setup() {
            model = workload("W1").trained(true).model;
        }
    }

    @State(Scope.Thread)
    public static class Downhill {
        DownhillMap map;

        @Setup
        public void setup() {
            DownhillCase c = downhillCase();
            map = new DownhillMap(workload(c.workload).trained(true), c.first, c.second, c.size);
        }
    }

    @Benchmark
    public double w1(W1 s) {
        return s.trainer.step().loss;
    }

    @Benchmark
    public double w2(W2 s) {
        return s.trainer.step().loss;
    }

    @Benchmark
    public double w3(W3 s) {
        return s.trainer.step().loss;
    }

    @Benchmark
    public double w1Scalar(W1Scalar s) {
        return s.trainer.step().loss;
    }

    /** The grid only: the JVM has no canvas to paint on. */
    @Benchmark
    public double heatmap(Heatmap s) {
        double[] v = Workload.VIEW;
        s.model.snapshot().grid(v[0], v[1], v[2], v[3], Workload.GRID, Workload.GRID, s.scores);
        return s.scores[0];
    }

    /** One whole downhill map: the landscape, then every slice of the grid and of the line. */
    @Benchmark
    public double downhill(Downhill s) {
        s.map.run();
        return s.map.lineSum();
    }
}
