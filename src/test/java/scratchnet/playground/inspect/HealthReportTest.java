package scratchnet.playground.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.engine.Value;
import scratchnet.playground.Playground;
import scratchnet.train.Health;
import scratchnet.train.Trainer;

/** The Health view's numbers and words, as the page shows them. */
class HealthReportTest {

    private static HealthReport measured(Playground p) {
        Inspector inspector = p.inspector();
        inspector.refreshHealth();
        return inspector.health();
    }

    private static String all(List<String> findings) {
        return String.join("\n", findings);
    }

    @Test
    void theLayersAreNamedAndTheirNumbersMatchHealth() {
        Playground p = new Playground("view=health&layers=8,8");
        for (int k = 0; k < 5; k++) {
            p.step();
        }
        HealthReport r = measured(p);
        assertEquals(3, r.layerCount());
        assertEquals("layer 1 · tanh · 8 neurons", r.title(0));
        assertEquals("output · tanh · 1 neuron", r.title(2));
        assertEquals(5, r.step());
        Trainer t = p.inspector().trainer();
        List<Health.Layer> direct = new Health().measure(t);
        Health.Layer h = direct.get(0);
        assertEquals("mean " + scratchnet.io.Format.significant(h.mean, 3) + " · spread "
                + scratchnet.io.Format.significant(h.spread, 3) + " · saturated " + scratchnet.io.Format.percent(h.saturated)
                + " · gradient norm " + scratchnet.io.Format.significant(Health.norm(h.grads), 3), r.numbers(0));
        HealthReport.Histogram bars = r.outputs(0);
        assertArrayEquals(h.outputCounts, bars.counts);
        int sum = 0;
        int most = 0;
        for (int c : bars.counts) {
            sum += c;
            most = Math.max(most, c);
        }
        assertEquals(t.size() * 8, sum, "one count per point and neuron");
        assertEquals(most, bars.tallest);
        assertEquals("-1.0", bars.low);
        assertEquals(2, bars.marks.length, "tanh's thresholds are drawn");
        assertEquals(0.015, bars.marks[0], 1e-12);
        assertEquals(0.985, bars.marks[1], 1e-12);
        assertTrue(r.scope().startsWith("Over all " + t.size() + " training points at step 5"), r.scope());
    }

    @Test
    void zeroInitSaysTheNeuronsAreIdentical() {
        Playground p = new Playground("initScheme=zero&layers=4,4");
        for (int k = 0; k < 20; k++) {
            p.step();
        }
        String said = all(measured(p).findings());
        assertTrue(said.contains("Layer 1's 4 neurons are identical on every point"), said);
        assertTrue(said.contains("Layer 2's 4 neurons are identical"), said);

        Playground he = new Playground("initScheme=he&layers=4,4");
        he.step();
        assertFalse(all(measured(he).findings()).contains("identical"), "a random start breaks the symmetry");
    }

    @Test
    void aDeadReluIsCountedNamedAndMarked() {
        Playground p = new Playground("layers=4&activation=relu");
        List<Value> ps = p.inspector().model().parameters();
        // layer 0 neuron 2: weights 0, bias -1: 0 on every point, whatever the input
        int at = 2 * 3; // two neurons before it, each 2 weights and a bias
        ps.get(at).data = 0;
        ps.get(at + 1).data = 0;
        ps.get(at + 2).data = -1;
        HealthReport r = measured(p);
        assertTrue(r.dead()[0][2]);
        assertFalse(r.dead()[0][0] && r.dead()[0][1] && r.dead()[0][3], "the others are alive");
        assertTrue(r.numbers(0).contains("dead "), r.numbers(0));
        assertTrue(all(r.findings()).contains("Layer 1: "), all(r.findings()));
        assertTrue(all(r.findings()).contains(" ReLU neurons are dead (0 on every training point)"), all(r.findings()));
        assertEquals(0, r.outputs(0).marks.length, "ReLU has no saturation thresholds");
    }

    @Test
    void largeWeightsSaturateAndTheFindingSaysSo() {
        Playground p = new Playground("layers=8&initScheme=normal");
        for (Value v : p.inspector().model().parameters()) {
            v.data *= 30;
        }
        p.inspector().model().parameters().get(2).data = 500; // layer 0 neuron 0's bias: tanh ≈ 1 on every point
        HealthReport r = measured(p);
        String said = all(r.findings());
        assertTrue(said.contains("Layer 1 is ") && said.contains("saturated"), said);
        assertTrue(r.saturated()[0][0], "the neuron with the large bias is saturated on every point");
    }

    @Test
    void theSixLayerSigmoidStaircaseIsFound() {
        Playground p = new Playground("layers=8,8,8,8,8,8&activation=sigmoid&points=100");
        for (int k = 0; k < 3; k++) {
            p.step();
        }
        String said = all(measured(p).findings());
        assertTrue(said.contains("The gradient reaching layer 1 is "), said);
        assertTrue(said.contains("× smaller than at the output"), said);
        HealthReport.Chart norms = p.inspector().health().normChart();
        assertEquals(7, norms.ys.length);
        assertTrue(norms.ys[0][2] < norms.ys[5][2], "layer 1's line lies below layer 6's");
    }

    @Test
    void theChartsFollowTrainingWithTheReferenceLine() {
        Playground p = new Playground("layers=4");
        for (int k = 0; k < 6; k++) {
            p.step();
        }
        HealthReport.Chart c = p.inspector().health().ratioChart();
        assertEquals(2, c.xs.length);
        assertEquals(6, c.xs[0].length);
        assertEquals(0, c.xs[0][0]);
        assertEquals(1, c.xs[0][5]);
        assertEquals("step 1", c.from);
        assertEquals("step 6", c.to);
        for (double[] ys : c.ys) {
            for (double y : ys) {
                assertTrue(y >= 0 && y <= 1, "inside the chart: " + y);
            }
        }
        int k = List.of(c.tickLabels).indexOf("1e-3");
        assertTrue(k >= 0, List.of(c.tickLabels).toString());
        assertEquals(c.ticks[k], c.reference, 1e-12, "the 10^-3 line on its tick");
    }

    @Test
    void aMeasureIsRedoneOnlyWhenSomethingChangedAndRationedWhilePlaying() {
        Playground p = new Playground("layers=4");
        Inspector inspector = p.inspector();
        assertTrue(inspector.refreshHealth());
        int v = inspector.health().version();
        assertFalse(inspector.refreshHealth(), "nothing changed");
        assertEquals(v, inspector.health().version());
        inspector.model().parameters().get(0).data += 0.5; // an edit by hand
        assertTrue(inspector.refreshHealth());
        inspector.frame(true, false); // playing
        p.step();
        assertFalse(inspector.refreshHealth(), "rationed while playing");
        assertTrue(inspector.health().pending());
        boolean done = false;
        for (int k = 0; k < HealthReport.PLAYING_EVERY && !done; k++) {
            done = inspector.refreshHealth();
        }
        assertTrue(done, "measured within " + HealthReport.PLAYING_EVERY + " frames");
        assertFalse(inspector.health().pending());
        assertEquals(1, inspector.health().step());
    }

    @Test
    void aCollapsedNetworkIsSaidFirst() {
        Playground p = new Playground("layers=8,8&activation=relu&lr=3");
        for (int k = 0; k < 5; k++) {
            p.step();
        }
        List<String> said = measured(p).findings();
        assertTrue(said.get(0).startsWith("The output is the same on every point (mean 1.00, spread "), said.get(0));
        assertTrue(said.get(0).contains("saturated, so almost no gradient passes back"), said.get(0));
        assertFalse(all(measured(new Playground("")).findings()).contains("collapsed"), "not at the defaults");
    }

    @Test
    void theLessonsNetworkIsMeasuredOnItsFourExamples() {
        Playground p = new Playground("lesson=1&view=health");
        p.step();
        p.step();
        HealthReport r = measured(p);
        assertEquals(3, r.layerCount(), "MLP(3, [4, 4, 1])");
        assertEquals("layer 1 · tanh · 4 neurons", r.title(0));
        assertTrue(r.scope().startsWith("Over all 4 training points at step 2"), r.scope());
        assertEquals(2, r.ratioChart().xs[0].length, "a record per step on the scalar path too");
    }

    @Test
    void aDivergedRunIsSaidFirst() {
        Playground p = new Playground("layers=4");
        p.inspector().model().parameters().get(0).data = Double.NaN;
        List<String> said = measured(p).findings();
        assertEquals(1, said.size());
        assertTrue(said.get(0).startsWith("The run has diverged"), said.get(0));
    }
}
