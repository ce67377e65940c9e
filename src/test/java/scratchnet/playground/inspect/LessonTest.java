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
import scratchnet.nn.Neuron;
import scratchnet.playground.Playground;
import scratchnet.train.Loss;
import scratchnet.train.Nudge;

/**
 * The lesson's example ({@code lesson=1}) in every view: micrograd's MLP(3, [4, 4, 1]) on its four
 * examples, each view's numbers against the same computation done directly with {@code Value}.
 */
class LessonTest {
    /** micrograd's loop, written out: the loss over the four examples, then backward(). */
    private static Value lessonLoss(MLP model) {
        Value loss = new Value(0);
        for (int k = 0; k < 4; k++) {
            loss = loss.add(model.forward(ClassicExample.XS[k]).get(0).sub(ClassicExample.YS[k]).pow(2));
        }
        return loss;
    }

    @Test
    void theLinkPutsTheLessonInEveryView() {
        Playground p = new Playground("#lesson=1");
        Inspector in = p.inspector();
        assertTrue(p.lesson());
        assertTrue(p.link().contains("lesson=1"), p.link());
        assertEquals(41, in.parameterNames().length, "the parameter table's rows");
        assertEquals("3·4+4 + 4·4+4 + 4·1+1 = 41", in.parameterSum());
        assertEquals(41, p.readout().parameters);
        Diagram d = in.diagram();
        assertEquals("[3, 4, 4, 1]", java.util.Arrays.toString(d.widths));
        assertEquals("x0, x1, x2 → 4 tanh → 4 tanh → 1 tanh (output)", d.layers);
        assertEquals(3, d.inputSlots, "no feature rows: raw inputs");
        assertNull(d.thumbnails, "no plane to draw a neuron's output over");
        MLP same = new ClassicExample().model;
        assertEquals(same.layers.get(1).neurons.get(2).w.get(3).data, d.weights[1][2][3], 0);
        assertNull(in.selectedPoint(), "no point of the plane is selected");
        // the neuron panel on the chosen example: its formula's inputs are that example's
        in.chooseClassicExample(1);
        in.selectNeuron(0, 0);
        NeuronView n = in.neuron();
        assertEquals(Inspection.formula(same, 0, 0, ClassicExample.XS[1]), n.formula);
        assertTrue(n.formula.contains("·3.00 + ") && n.formula.contains("·(-1.00) + "), n.formula);
        assertEquals(3, n.weights.length);
        assertNull(n.map);
        // the diagram's fills are the network's activity on the chosen example
        Diagram d1 = in.diagram();
        var snap = same.snapshot();
        snap.predict(ClassicExample.XS[1]);
        assertEquals(scratchnet.playground.picture.HeatMap.colour(snap.activity(1)[2]), d1.fill[2][2]);
    }

    @Test
    void eachExamplesGraphIsTheScalarEnginesAndTheTableIsItsParameters() {
        Playground p = new Playground("#lesson=1");
        Inspector in = p.inspector();
        MLP model = new ClassicExample().model;
        for (int k = 0; k < 4; k++) {
            in.chooseClassicExample(k);
            in.frame(false, true, true);
            ComputationGraph g = in.buildGraph();
            Value out = model.forward(ClassicExample.XS[k]).get(0);
            Value loss = out.sub(ClassicExample.YS[k]).pow(2);
            model.zeroGrad();
            loss.backward();
            assertEquals(out.data, g.output, 0, "example " + k);
            assertEquals(loss.data, g.loss, 0, "example " + k);
            for (ComputationGraph.Node node : g.nodes) {
                if (node.label.equals("w[1][3][2]")) {
                    assertEquals(model.layers.get(1).neurons.get(3).w.get(2).grad, node.grad, 0,
                            "this example's gradient, as the scalar engine gives it");
                }
            }
        }
        String[] rows = new String[4 * 41];
        in.parameterRows(0, 41, rows);
        List<Value> params = model.parameters();
        assertEquals("w[0][0][0]", rows[0]);
        assertEquals("b[2][0]", rows[4 * 40]);
        assertEquals(Format.compact(params.get(40).data), rows[4 * 40 + 1]);
    }

    @Test
    void stepPhasesResetAndCheckTrainTheLessonNotTheData() {
        Playground p = new Playground("#lesson=1");
        Inspector in = p.inspector();
        int dataSteps = p.session().trainer().steps();
        MLP model = new ClassicExample().model;
        Value loss = lessonLoss(model);
        model.zeroGrad();
        loss.backward();
        double[] grads = model.parameters().stream().mapToDouble(v -> v.grad).toArray();
        assertTrue(p.step());
        for (int i = 0; i < grads.length; i++) {
            model.parameters().get(i).data -= 0.1 * grads[i];
        }
        assertEquals(1, p.steps());
        assertEquals(lessonLoss(model).data, p.readout().trainLoss, 1e-15, "p.data -= 0.1 * p.grad, by hand");
        String[] row = new String[4];
        in.parameterRows(5, 1, row);
        assertEquals(Format.compact(-0.1 * grads[5]), row[3], "the table's last change: −lr · grad");
        // phase by phase: the same as a step
        assertEquals("forward", in.phaseNext());
        assertTrue(p.runPhase());
        assertTrue(p.runPhase());
        assertTrue(p.runPhase());
        assertEquals(2, p.steps());
        assertEquals(dataSteps, p.session().trainer().steps(), "the data's network waits");
        // the gradient check runs on the lesson's network and examples
        in.startCheck();
        while (!in.check().advance()) {
            // slices
        }
        assertTrue(in.check().text().contains("41 parameters, all 4 examples · at step 2"), in.check().text());
        p.reset();
        assertEquals(0, p.steps());
        assertEquals(new ClassicExample().loss(), p.readout().trainLoss, 0);
        // untick: the data's network again, as it was
        p.set("lesson", "0");
        assertFalse(p.lesson());
        assertEquals(105, in.parameterNames().length);
        assertTrue(p.link().contains("lesson=0"), p.link());
    }

    @Test
    void aNudgesChangeIsTheLossAtTheNudgedWeightsAndItsGapShrinksLikeDeltaSquared() {
        ClassicExample classic = new ClassicExample();
        for (int k : new int[] {0, 17, 40}) {
            Nudge n = Nudge.of(classic.trainer, k, 0.01);
            MLP copy = classic.model.copy();
            Value p = copy.parameters().get(k);
            double base = p.data;
            for (int j = 0; j < 3; j++) {
                p.data = base + n.deltas[j];
                assertEquals(lessonLoss(copy).data - classic.loss(), n.change(j), 1e-15, "parameter " + k + ", Δ " + n.deltas[j]);
            }
            Value loss = lessonLoss(classic.model.copy());
            MLP g = classic.model.copy();
            Value lg = lessonLoss(g);
            g.zeroGrad();
            lg.backward();
            assertEquals(g.parameters().get(k).grad, n.grad, 1e-12 * Math.max(1, Math.abs(n.grad)), "backward()'s gradient");
            double gap0 = Math.abs(n.change(0) - n.predicted(0));
            double gap1 = Math.abs(n.change(1) - n.predicted(1));
            double ratio = gap0 / gap1;
            System.out.println("lesson nudge, parameter " + k + ": |Δloss − grad·Δ| " + gap0 + " at Δ 0.01, " + gap1
                    + " at 0.001, " + Math.abs(n.change(2) - n.predicted(2)) + " at 1e-4");
            assertTrue(ratio > 50 && ratio < 200, "parameter " + k + ": the gap fell by " + ratio + " for Δ ÷ 10 (Δ²: 100)");
            assertTrue(Double.isFinite(loss.data));
        }
        // through the page's door: the nudge raises the live lesson weight, put back restores it exactly
        Playground page = new Playground("#lesson=1");
        Inspector in = page.inspector();
        double before = in.model().parameters().get(3).data;
        NudgeView v = in.moves().nudge(in.parameterNames()[3], "0.01");
        assertEquals("b[0][0]", in.parameterNames()[3], "w[0][0][0..2], then its bias");
        assertTrue(v.summary.startsWith("b[0][0] raised by 0.01, from 0.0000 to 0.0100"), v.summary);
        assertEquals(before + 0.01, in.model().parameters().get(3).data, 0);
        in.moves().putBack();
        assertEquals(before, in.model().parameters().get(3).data, 0);
        assertArrayEquals(new double[] {0.01, 0.001, 1e-4}, Nudge.of(in.trainer(), 3, 0.01).deltas, 1e-18);
    }

    @Test
    void aParameterTableRowSelectsItsNeuronForTheNudge() {
        Inspector in = new Playground("#lesson=1").inspector();
        assertTrue(in.selectParameter("w[1][3][2]"));
        assertEquals(1, in.selectedLayer());
        assertEquals(3, in.selectedNeuron());
        assertTrue(java.util.Arrays.asList(in.neuronParameters()).contains("w[1][3][2]"));
        assertTrue(in.selectParameter("b[2][0]"));
        assertEquals(2, in.selectedLayer());
        assertFalse(in.selectParameter("w[1][3][9]"), "no such weight");
        assertFalse(in.selectParameter("w[7][0][0]"));
        assertEquals(2, in.selectedLayer(), "nothing changed");
    }

    @Test
    void theExamplesTableReadsEachExample() {
        ClassicExample c = new ClassicExample();
        String[] row = c.row(2);
        assertEquals("0.5", row[0]);
        assertEquals("1", row[1]);
        assertEquals("-1", row[3]);
        double out = c.predictions()[2];
        assertEquals(Format.fixed(out, 4), row[4]);
        assertEquals(Format.fixed((out + 1) * (out + 1), 4), row[5]);
        Neuron unused = c.model.layers.get(0).neurons.get(0);
        assertEquals(3, unused.w.size());
    }
}
