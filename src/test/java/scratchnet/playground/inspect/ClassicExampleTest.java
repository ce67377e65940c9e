package scratchnet.playground.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassicExampleTest {

    @Test
    void twentyStepsDriveTheLossFarDown() {
        ClassicExample classic = new ClassicExample();
        assertEquals(41, classic.model.parameters().size());
        double first = classic.loss();
        assertEquals(first, classic.step(), 1e-12, "step reports the loss before its update");
        for (int i = 1; i < 20; i++) {
            classic.step();
        }
        double last = classic.loss();
        System.out.println("classic example: loss " + first + " -> " + last + " after 20 steps");
        assertEquals(20, classic.steps());
        assertTrue(last < first / 20 && last < 0.1, first + " -> " + last);
        double[] out = classic.predictions();
        for (int k = 0; k < 4; k++) {
            assertEquals(Math.signum(ClassicExample.YS[k]), Math.signum(out[k]), "example " + k);
        }
    }

    @Test
    void eachExamplesGraphIsTheWholeNetwork() {
        ClassicExample classic = new ClassicExample();
        ComputationGraph g = classic.graph(2);
        assertEquals(3 + 4 * 11 + 4 * 14 + 14 + 3, g.nodes.size());
        assertEquals(classic.predictions()[2], g.output, 0);
        assertEquals(0.5, g.nodes.stream().filter(n -> n.label.equals("x0")).findFirst().orElseThrow().data, 0, "example 2's first input");
    }
}
