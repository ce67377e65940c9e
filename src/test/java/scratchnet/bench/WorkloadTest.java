package scratchnet.bench;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The benchmark workloads train to the peers' reference results, on both engines. */
class WorkloadTest {

    static Workload load(String name) throws IOException {
        try (InputStream in = WorkloadTest.class.getResourceAsStream("/bench/" + name + ".json")) {
            return Workload.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void w1ReachesTheReferenceLossAndAccuracy() throws IOException {
        Workload w1 = load("W1");
        double[] batched = w1.train(true);
        System.out.printf("W1 batched: loss %.8f accuracy %.4f%n", batched[0], batched[1]);
        assertNull(w1.mismatch(batched));
        double[] scalar = w1.train(false);
        System.out.printf("W1 scalar:  loss %.8f accuracy %.4f%n", scalar[0], scalar[1]);
        assertNull(w1.mismatch(scalar));
    }

    @Test
    void w2ReachesTheReferenceLossAndAccuracy() throws IOException {
        Workload w2 = load("W2");
        double[] batched = w2.train(true);
        System.out.printf("W2 batched: loss %.8f accuracy %.4f%n", batched[0], batched[1]);
        assertNull(w2.mismatch(batched));
    }
}
