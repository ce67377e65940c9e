package scratchnet.playground.inspect;

import scratchnet.playground.session.Data;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.data.Rng;
import scratchnet.engine.Value;
import scratchnet.nn.Activation;
import scratchnet.nn.MLP;
import scratchnet.train.GradientCheck;
import scratchnet.train.Trainer;
import scratchnet.io.Format;

class InspectionTest {

    @Test
    void namesFollowTheParameterOrderAndTheGraphsLabels() {
        MLP model = new MLP(2, new int[] {3, 1}, Activation.TANH, Activation.TANH, new Rng(1));
        String[] names = Names.parameters(model);
        assertEquals(model.parameters().size(), names.length);
        assertEquals("w[0][0][0]", names[0]);
        assertEquals("b[0][0]", names[2]);
        assertEquals("w[1][0][2]", names[names.length - 2]);
        assertEquals("b[1][0]", names[names.length - 1]);
        ComputationGraph g = ComputationGraph.of(model, new double[] {0.5, -0.2}, 1);
        for (String name : names) {
            assertEquals(1, g.nodes.stream().filter(n -> n.label.equals(name)).count(), name);
        }
    }

    @Test
    void lookingLeavesTheGradientsOfAStepInProgress() {
        Session session = new Session(new Settings());
        Trainer t = session.trainer();
        t.forward();
        t.backward();
        List<Value> params = session.model().parameters();
        double[] batch = new double[params.size()];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = params.get(i).grad;
        }
        Inspection.graph(session.model(), new double[] {0.1, 0.2}, -1);
        GradientCheck.Result r = GradientCheck.run(session.model(), session.train(), t.loss, t.l2);
        for (int i = 0; i < batch.length; i++) {
            assertEquals(batch[i], params.get(i).grad, 0, "grad " + i);
        }
        // The full batch's backward() is the trainer's: the check saw the same gradients.
        assertEquals(batch[5], r.batched[5], 1e-12);
        assertTrue(r.maxRelativeError < 1e-6, "" + r.maxRelativeError);
        String said = Inspection.verdict(r, Names.parameters(session.model()));
        assertTrue(said.startsWith("largest relative error ") && said.endsWith("backward() agrees"), said);
    }

    @Test
    void phasesOneAtATimeCountAStepOnlyAfterTheUpdate() {
        Session session = new Session(new Settings());
        Trainer t = session.trainer();
        Value w = session.model().parameters().get(0);
        double before = w.data;
        Trainer.Result forward = Inspection.nextPhase(t);
        assertEquals(0, forward.step);
        assertTrue(forward.loss > 0);
        assertEquals(0, w.grad, "grads are zero until backward");
        assertEquals(Trainer.Phase.BACKWARD, t.nextPhase());
        assertNull(Inspection.nextPhase(t));
        assertTrue(w.grad != 0);
        assertEquals(before, w.data, 0);
        assertEquals(0, t.steps());
        Trainer.Result update = Inspection.nextPhase(t);
        assertEquals(1, update.step);
        assertEquals(1, t.steps());
        assertTrue(w.data != before);
        // The same as one whole step.
        Session whole = new Session(new Settings());
        whole.step();
        assertEquals(whole.model().parameters().get(0).data, w.data, 0);
    }

    @Test
    void aNeuronsFormulaWithItsLiveNumbers() {
        MLP model = new MLP(2, new int[] {2, 1}, Activation.TANH, Activation.TANH, new Rng(1));
        var n = model.layers.get(0).neurons.get(1);
        n.w.get(0).data = 0.52;
        n.w.get(1).data = -1.2;
        n.b.data = 0.1;
        double[] x = {0.31, 0.77};
        assertEquals("tanh(0.52·0.31 + -1.20·0.77 + 0.10) = "
                + Format.fixed(Math.tanh(0.1 + 0.52 * 0.31 - 1.2 * 0.77), 2), Inspection.formula(model, 0, 1, x));
        assertEquals("tanh(0.52·(-0.31) + -1.20·0.77 + 0.10) = "
                + Format.fixed(Math.tanh(0.1 - 0.52 * 0.31 - 1.2 * 0.77), 2),
                Inspection.formula(model, 0, 1, new double[] {-0.31, 0.77}), "a negative input in brackets");
        // The output neuron reads the hidden layer's outputs.
        double[] hidden = Inspection.neuronInputs(model, 1, x);
        var s = model.snapshot();
        double out = s.predict(x)[0];
        assertEquals(s.activity(0)[1], hidden[1], 0);
        assertTrue(Inspection.formula(model, 1, 0, x).endsWith(" = " + Format.fixed(out, 2)));
        MLP linear = new MLP(2, new int[] {1}, Activation.TANH, Activation.LINEAR, new Rng(1));
        assertTrue(Inspection.formula(linear, 0, 0, x).matches("[-0-9.]+·0\\.31 \\+ [-0-9.]+·0\\.77 \\+ 0\\.00 = [-0-9.]+"),
                Inspection.formula(linear, 0, 0, x));
    }

    @Test
    void aBigNetworksGradientCheckUsesFewerPoints() {
        assertEquals(160, Inspection.pointsToCheck(105, 160), "the default network: every point");
        int big = Inspection.pointsToCheck(5409, 800);
        assertTrue(big >= 1 && big < 20, "" + big);
        assertEquals(0, Inspection.pointsToCheck(105, 0));
    }

    @Test
    void theNearestPoint() {
        Dataset d = new Dataset(List.of(new Point(0, 0, 1), new Point(1, 1, -1), new Point(-1, 0.5, 1)));
        assertEquals(1, Data.nearest(d.points, 0.8, 0.9));
        assertEquals(2, Data.nearest(d.points, -3, 0));
        assertEquals(-1, Data.nearest(List.of(), 0, 0));
    }
}
