package scratchnet.playground.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.engine.Value;
import scratchnet.io.Format;
import scratchnet.nn.MLP;
import scratchnet.playground.Playground;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;

/**
 * What the one screen's diagram and the tour read from the inspector: the input column's rows (every
 * feature, the inputs in their features' places), the weights' grads for the tour's "backward", the
 * gradient requests that stay out of a closed graph, and the weight the last update moved most
 * with the update rule's own arithmetic.
 */
class DiagramViewsTest {
    @Test
    void theInputsStandInTheirFeaturesRows() {
        Playground p = new Playground("features=x,y2,sinx");
        Diagram d = p.inspector().diagram();
        assertEquals(7, d.inputSlots, "x, y, x², y², xy, sin x, sin y");
        assertArrayEquals(new int[] {0, 3, 5}, d.inputRows);
        assertEquals(List.of("x", "y²", "sin x"), List.of(d.inputs));
    }

    @Test
    void theGradientsAreTheWeightsOwnAfterBackward() {
        Playground p = new Playground("");
        p.runPhase(); // forward
        p.runPhase(); // backward
        Diagram d = p.inspector().diagram();
        Session replica = new Session(new Settings());
        replica.trainer().forward();
        replica.trainer().backward();
        assertEquals(replica.model().layers.get(1).neurons.get(3).w.get(5).grad, d.grads[1][3][5], 0);
        double largest = 0;
        for (double[][] layer : d.grads) {
            for (double[] neuron : layer) {
                for (double g : neuron) {
                    largest = Math.max(largest, Math.abs(g));
                }
            }
        }
        assertTrue(largest > 0, "backward gave the weights gradients");
        assertEquals(largest, d.largestGrad, 0);
        assertEquals(4, d.gradWidthClass(largest), "the largest is the widest");
        assertEquals(0, d.gradWidthClass(0), "no gradient, no line");
    }

    @Test
    void aClosedGraphIsNotBuiltButTheDiagramIs() {
        Playground p = new Playground("");
        Inspector in = p.inspector();
        assertEquals(List.of(RedrawPolicy.Part.NETWORK), in.frame(false, false, false));
        assertEquals(List.of(RedrawPolicy.Part.GRAPH, RedrawPolicy.Part.NETWORK), in.frame(false, true, false),
                "opened, the graph is still due");
    }

    @Test
    void theMostMovedWeightIsSaidWithTheUpdatesArithmetic() {
        Playground p = new Playground("");
        assertNull(p.inspector().moves().mostMoved(), "no update yet");
        p.step();
        int[] w = p.inspector().moves().mostMoved();
        MLP model = new Session(new Settings()).model();
        Session replica = new Session(new Settings());
        replica.step();
        // The biggest |before − after| among the weights, found by hand.
        double most = -1;
        int[] expected = null;
        for (int l = 0; l < model.layers.size(); l++) {
            for (int o = 0; o < model.layers.get(l).nout(); o++) {
                for (int i = 0; i < model.layers.get(l).neurons.get(o).w.size(); i++) {
                    double a = model.layers.get(l).neurons.get(o).w.get(i).data;
                    double b = replica.model().layers.get(l).neurons.get(o).w.get(i).data;
                    if (Math.abs(a - b) > most) {
                        most = Math.abs(a - b);
                        expected = new int[] {l, o, i};
                    }
                }
            }
        }
        assertArrayEquals(expected, w);
        Value after = replica.model().layers.get(w[0]).neurons.get(w[1]).w.get(w[2]);
        double was = model.layers.get(w[0]).neurons.get(w[1]).w.get(w[2]).data;
        String text = p.inspector().moves().movedText(w[0], w[1], w[2]);
        assertEquals("w[" + w[0] + "][" + w[1] + "][" + w[2] + "] went from " + Format.compact(was) + " to "
                + Format.compact(after.data) + ": p.data −= lr · p.grad, " + Format.compact(was) + " − 0.3 × ("
                + Format.compact(after.grad) + ")", text);
        assertEquals(was - 0.3 * after.grad, after.data, 1e-15, "the sentence's arithmetic is the update's");
    }

    @Test
    void theParameterCountIsSummedByLayer() {
        assertEquals("2·8+8 + 8·8+8 + 8·1+1 = 105", new Playground("").inspector().parameterSum());
        assertEquals("3·4+4 + 4·4+4 + 4·1+1 = 41", Names.parameterSum(new MLP(3, new int[] {4, 4, 1})));
        assertEquals("2·1+1 = 3", new Playground("layers=0").inspector().parameterSum());
    }

    @Test
    void theTablesLastChangeIsAfterMinusBeforeTheSignTheParameterMoved() {
        Playground p = new Playground("");
        Session before = new Session(new Settings());
        p.step();
        Session after = new Session(new Settings());
        after.step();
        String[] rows = new String[4];
        p.inspector().parameterRows(0, 1, rows);
        double was = before.model().parameters().get(0).data;
        double now = after.model().parameters().get(0).data;
        assertEquals(Format.compact(now - was), rows[3], "after − before");
        assertEquals(Format.compact(-0.3 * after.model().parameters().get(0).grad), rows[3], "−lr·grad for SGD");
    }

    @Test
    void weightsAreEditedAsTheBiasIsWithTheSameValidation() {
        Playground p = new Playground("");
        Inspector in = p.inspector();
        in.selectNeuron(0, 3);
        assertTrue(in.setWeight(1, " -0.625 "));
        assertEquals(-0.625, p.session().model().layers.get(0).neurons.get(3).w.get(1).data, 0);
        for (String bad : new String[] {"abc", "1e999", "NaN", "", "0x10"}) {
            assertFalse(in.setWeight(1, bad), bad);
        }
        assertFalse(in.setWeight(2, "1"), "layer 0's neurons read 2 inputs");
        assertEquals("-0.625", in.neuron().weights[1][1], "unchanged by the refused texts, and shown exactly");
    }

    @Test
    void aNudgeRaisesTheParameterSaysWhatTheLossDidAndIsPutBackExactly() {
        Playground p = new Playground("");
        Inspector in = p.inspector();
        in.selectNeuron(2, 0);
        assertEquals(List.of("w[2][0][0]", "w[2][0][1]", "w[2][0][2]", "w[2][0][3]", "w[2][0][4]", "w[2][0][5]",
                "w[2][0][6]", "w[2][0][7]", "b[2][0]"), List.of(in.neuronParameters()));
        Value w = p.session().model().layers.get(2).neurons.get(0).w.get(3);
        double was = w.data;
        assertEquals(null, in.moves().nudge("w[2][0][3]", "0"), "Δ 0 is refused");
        assertEquals(null, in.moves().nudge("w[9][0][3]", "0.01"), "no such parameter");
        NudgeView n = in.moves().nudge("w[2][0][3]", "0.01");
        assertEquals(was + 0.01, w.data, 0, "raised by Δ");
        assertEquals(3, n.rows.length);
        assertEquals(List.of("0.01", "0.001", "1.0e-4"), List.of(n.rows[0][0], n.rows[1][0], n.rows[2][0]));
        double ratio = Double.parseDouble(n.rows[2][4]);
        assertEquals(1, ratio, 1e-2, "at Δ/100 the change is grad × Δ: " + java.util.Arrays.deepToString(n.rows));
        assertTrue(n.summary.startsWith("w[2][0][3] raised by 0.01, from "), n.summary);
        assertTrue(in.moves().canPutBack());
        in.moves().putBack();
        assertEquals(was, w.data, 0, "put back exactly");
        assertFalse(in.moves().canPutBack());
    }
}
