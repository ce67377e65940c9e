package scratchnet.playground.inspect;

import scratchnet.playground.Playground;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Point;
import scratchnet.io.Format;
import scratchnet.nn.MLP;
import scratchnet.train.GradientCheck;

/** The inspector's state and views, as the page shows them, against the same computations done directly. */
class InspectorTest {
    @Test
    void theGraphIsTheSelectedPointsAndFollowsTraining() {
        Playground p = new Playground("");
        Inspector in = p.inspector();
        Session jvm = new Session(new Settings());
        Point q = jvm.train().points.get(11);
        assertTrue(in.selectNear(q.x, q.y));
        assertEquals(List.of(RedrawPolicy.Part.GRAPH, RedrawPolicy.Part.NETWORK), in.frame(false, false));
        ComputationGraph g = in.buildGraph();
        ComputationGraph expected = Inspection.graph(jvm.model(), new double[] {q.x, q.y}, q.label);
        assertEquals(expected.nodes.size(), g.nodes.size());
        assertEquals(expected.loss, g.loss, 0);
        assertTrue(in.graphSummary().startsWith("point #11 (" + Format.fixed(q.x, 3) + ", "), in.graphSummary());
        assertEquals(g.nodes.size() + " nodes", in.graphSize());
        ComputationGraph.Node last = g.nodes.get(g.nodes.size() - 1);
        assertEquals("^2: data " + Format.compact(last.data) + ", grad 1.0000", in.nodeText(g.nodes.size() - 1),
                "the loss, whose own gradient is 1");
        // Nothing moved: only the diagram is redrawn. A step moves the model: the graph too.
        assertEquals(List.of(RedrawPolicy.Part.NETWORK), in.frame(false, false));
        p.step();
        assertEquals(List.of(RedrawPolicy.Part.GRAPH, RedrawPolicy.Part.NETWORK), in.frame(false, false));
    }

    @Test
    void theGraphOneBoxPerNeuronOnDemandWithTheSameNumbers() {
        Playground p = new Playground("#lesson=1");
        Inspector in = p.inspector();
        assertFalse(in.groupedByNeuron(), "every value unless asked");
        ComputationGraph whole = in.buildGraph();
        assertEquals("120 nodes", in.graphSize());
        in.groupByNeuron(true);
        assertTrue(in.groupedByNeuron());
        assertEquals(List.of(RedrawPolicy.Part.GRAPH, RedrawPolicy.Part.NETWORK), in.frame(false, false), "redrawn");
        ComputationGraph g = in.buildGraph();
        assertTrue(g.collapsed);
        assertEquals(13, g.nodes.size());
        assertEquals("120 nodes, shown as 9 neurons — untick to see every value", in.graphSize());
        assertEquals(whole.loss, g.loss, 0);
        assertTrue(in.graphSummary().startsWith("example 0: x = (2.0, 3.0, -1.0), y = 1 · output "
                + Format.fixed(whole.output, 4)), in.graphSummary());
        int k = g.find("n[1][3]");
        ComputationGraph.Node box = g.nodes.get(k);
        assertEquals("n[1][3] tanh: data " + Format.compact(box.data) + ", grad " + Format.compact(box.grad), in.nodeText(k));
        ComputationGraph.Node same = whole.nodes.get(g.counterpart(k));
        assertEquals(same.data, box.data, 0);
        assertEquals(same.grad, box.grad, 0);
        // Looking trained nothing: the classic example's loss over its four examples is the untrained one's.
        assertEquals(new ClassicExample().loss(), in.classicLoss(), 0);
        // The selected point's graph too; a big network is by neuron either way, and says why.
        p.set("lesson", "0");
        Session jvm = new Session(new Settings());
        Point q = jvm.train().points.get(0);
        ComputationGraph point = in.buildGraph();
        ComputationGraph expected = Inspection.graph(jvm.model(), new double[] {q.x, q.y}, q.label);
        assertEquals(expected.nodes.size() + " nodes, shown as 17 neurons — untick to see every value", in.graphSize());
        assertEquals(expected.loss, point.loss, 0);
        in.groupByNeuron(false);
        assertEquals(expected.nodes.size(), in.buildGraph().nodes.size());
        Inspector big = new Playground("#layers=16,16").inspector();
        ComputationGraph b = big.buildGraph();
        assertTrue(b.collapsed && b.whole() == null);
        assertEquals(b.wholeSize + " nodes, shown as 33 neurons — more than 600 are too many to draw one by one", big.graphSize());
    }

    @Test
    void theDiagramAndNeuronPanelShowTheLiveModel() {
        Playground p = new Playground("#layers=3");
        Inspector in = p.inspector();
        Diagram d = in.diagram();
        assertEquals("[2, 3, 1]", java.util.Arrays.toString(d.widths));
        assertEquals("x", d.inputs[0]);
        assertEquals("x, y → 3 tanh → 1 tanh (output)", d.layers);
        assertEquals("x, y → 3 elu → 2 sine → 1 tanh (output)",
                new Playground("#layers=3,2&activation=elu,sine").inspector().diagram().layers);
        MLP model = new Session(Settings.fromHash("layers=3").settings).model();
        assertEquals(model.layers.get(0).neurons.get(1).w.get(0).data, d.weights[0][1][0], 0);
        assertEquals("b " + Format.fixed(model.layers.get(1).neurons.get(0).b.data, 2), d.bias[2][0]);
        assertEquals(4, d.widthClass(d.largest));
        assertEquals(0, d.widthClass(0), "near zero: its own class, drawn dashed");
        assertEquals(0, d.widthClass(-0.0009));
        assertEquals(1, d.widthClass(0.0011));
        // The output neuron is selected at first; its view has its formula and weights.
        NeuronView n = in.neuron();
        assertEquals("the output neuron (layer 1)", n.title);
        assertEquals(3, n.weights.length);
        assertEquals("w[1][0][2]", n.weights[2][0]);
        assertNotNull(n.map);
        assertEquals(NeuronView.MAP_SIDE * NeuronView.MAP_SIDE, n.map.length);
        in.selectNeuron(0, 2);
        assertEquals("layer 0, neuron 2", in.neuron().title);
        in.selectNeuron(5, 9); // not in this network: back to the output neuron
        assertEquals(1, in.selectedLayer());
    }

    @Test
    void aBiasEditChangesTheModelAndBadTextChangesNothing() {
        Playground p = new Playground("");
        Inspector in = p.inspector();
        String before = p.readout().trainLossText();
        assertFalse(in.setBias("abc"));
        assertFalse(in.setBias("Infinity"));
        assertEquals(before, p.readout().trainLossText());
        assertTrue(in.setBias(" -1.25 "));
        assertEquals("-1.25", in.neuron().bias);
        Session jvm = new Session(new Settings());
        MLP m = jvm.model();
        m.layers.get(m.layers.size() - 1).neurons.get(0).b.data = -1.25;
        assertEquals(Format.fixed(jvm.readout().trainLoss, 4), p.readout().trainLossText());
    }

    @Test
    void theDiagramCountsTheWeightsL1DrivesToZero() {
        Playground l1 = new Playground("#lr=0.1&l1=0.003&speed=50");
        Playground l2 = new Playground("#lr=0.1&l2=0.003&speed=50");
        assertEquals("", l1.inspector().diagram().nearZeroText(), "none at the start");
        for (int k = 0; k < 40; k++) {
            l1.train(() -> 0);
            l2.train(() -> 0);
        }
        Diagram d1 = l1.inspector().diagram();
        Diagram d2 = l2.inspector().diagram();
        System.out.println("diagram after 2000 steps: L1 " + d1.nearZeroText() + "; L2 " + d2.nearZeroText());
        assertEquals(2 * 8 + 8 * 8 + 8, d1.weightCount);
        assertTrue(d1.nearZero > 30, d1.nearZeroText());
        assertTrue(d1.nearZero > d2.nearZero + 25, d1.nearZero + " vs " + d2.nearZero);
        assertEquals("· " + d1.nearZero + " of 88 weights near zero (|w| < 0.001), dashed", d1.nearZeroText());
        int zeroClass = 0;
        for (double[][] layer : d1.weights) {
            for (double[] row : layer) {
                for (double w : row) {
                    zeroClass += d1.widthClass(w) == 0 ? 1 : 0;
                }
            }
        }
        assertEquals(d1.nearZero, zeroClass, "each of them drawn in the near-zero class");
    }

    @Test
    void theUpdateShowsTheScheduledRateAndTheLossItsRegularisation() {
        Playground p = new Playground("#layers=2&lr=0.4&schedule=step&every=2&factor=0.5&l1=0.01&l2=0.001");
        Inspector in = p.inspector();
        assertEquals("update: p.data −= lr · p.grad; the next step's is 0.4000 (lr · 0.5^⌊k/2⌋, k the step); the loss"
                + " (with L1 0.01·Σ|p| = " + Format.significant(0.01 * sumAbs(p), 4) + " and L2 0.001·Σp² = "
                + Format.significant(0.001 * sumSquares(p), 4) + ")", in.updateNote());
        for (int k = 0; k < 3; k++) {
            p.step();
        }
        assertTrue(in.updateNote().startsWith("update: p.data −= lr · p.grad; the last step's lr was 0.2000;"
                + " the next step's is 0.2000"), in.updateNote());
        // Phase by phase: forward says what the penalty adds, update which rate it used.
        assertTrue(p.runPhase());
        assertTrue(in.phaseNote().contains("(with L1 0.01·Σ|p| = "), in.phaseNote());
        assertTrue(p.runPhase());
        assertTrue(p.runPhase());
        assertTrue(in.phaseNote().startsWith("update: each parameter moved by −lr·grad (the table's last change, after − before) with lr = 0.2000,"
                + " this step's rate — step 4 done"), in.phaseNote());
        p.step();
        assertTrue(in.updateNote().contains("the last step's lr was 0.1000"), in.updateNote());
    }

    private static double sumAbs(Playground p) {
        double s = 0;
        for (var v : p.session().model().parameters()) {
            s += Math.abs(v.data);
        }
        return s;
    }

    private static double sumSquares(Playground p) {
        double s = 0;
        for (var v : p.session().model().parameters()) {
            s += v.data * v.data;
        }
        return s;
    }

    @Test
    void parameterRowsAndPhases() {
        Playground p = new Playground("#layers=2");
        Inspector in = p.inspector();
        String[] names = in.parameterNames();
        assertEquals(9, names.length);
        assertTrue(names == in.parameterNames(), "the same array while the model is the same");
        String[] rows = new String[8];
        in.parameterRows(3, 2, rows);
        assertEquals("w[0][1][0]", rows[0]);
        assertEquals("0.0000", rows[2], "no gradient before the first backward()");
        assertEquals("0.0000", rows[3], "no update yet");

        assertEquals("forward", in.phaseNext());
        assertEquals("", in.phaseLit());
        assertTrue(p.runPhase());
        assertEquals("forward", in.phaseLit());
        assertTrue(in.phaseNote().startsWith("forward: the batch's loss is "), in.phaseNote());
        assertTrue(p.runPhase());
        assertEquals("backward", in.phaseLit());
        in.parameterRows(3, 2, rows);
        assertFalse(rows[2].equals("0.0000"), "backward filled the grads");
        assertTrue(p.runPhase());
        assertEquals("update", in.phaseLit());
        assertEquals(1, p.steps());
        assertTrue(in.phaseNote().endsWith("step 1 done"), in.phaseNote());
        in.parameterRows(3, 2, rows);
        assertFalse(rows[3].equals("0.0000"), "the last update");
        p.step();
        assertEquals("", in.phaseLit(), "a step by the Step button is not a phase run here");
        p.set("layers", "3");
        assertFalse(names == in.parameterNames(), "a new model, new names");
    }

    @Test
    void theGradientCheckRunsInSlicesToTheSameVerdict() {
        Playground p = new Playground("#layers=8,8");
        Inspector in = p.inspector();
        assertNull(in.check());
        in.startCheck();
        CheckRun run = in.check();
        assertEquals("checking 105 parameters…", run.text());
        while (!run.advance()) {
            p.step(); // training goes on between slices: the check has its own copy
        }
        Session jvm = new Session(Settings.fromHash("layers=8,8").settings);
        GradientCheck.Result r = GradientCheck.run(jvm.model(), jvm.train(), jvm.trainer().loss, jvm.trainer().l2);
        assertEquals(r.maxRelativeError, run.error(), 0);
        assertTrue(run.text().endsWith(" · 105 parameters, all 160 training points · at step 0"), run.text());
        assertTrue(run.slices() >= 1);
    }
}
