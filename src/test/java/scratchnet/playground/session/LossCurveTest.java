package scratchnet.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import scratchnet.io.Format;

class LossCurveTest {
    static Readout at(int step, double loss) {
        return new Readout(step, 0, loss, 0.5, loss * 2, 0.4, 41, 160, 40);
    }

    @Test
    void keepsTheWholeRunInAtMostCapacitySamples() {
        LossCurve c = new LossCurve(4);
        for (int step = 0; step <= 20; step++) {
            c.record(at(step, 1.0 / (step + 1)));
        }
        assertTrue(c.size() >= 2 && c.size() <= 4, "never more than capacity: " + c.size());
        assertTrue(c.step(c.size() - 1) >= 16, "reaches the end of the run: " + c.step(c.size() - 1));
        assertEquals(0, c.step(0));
        int gap = c.step(1) - c.step(0);
        for (int i = 1; i < c.size(); i++) {
            assertEquals(gap, c.step(i) - c.step(i - 1), "evenly spaced");
        }
        assertEquals(1.0, c.trainLoss(0));
        assertEquals(2.0, c.maxLoss(), "test loss counts too");
    }

    @Test
    void goingBackInStepsStartsOver() {
        LossCurve c = new LossCurve(10);
        c.record(at(0, 1));
        c.record(at(1, 0.5));
        c.record(at(1, 0.5));
        assertEquals(2, c.size(), "a repeated step is not recorded twice");
        c.record(at(0, 1));
        assertEquals(1, c.size());
        c.record(at(1, Double.NaN));
        assertEquals(2.0, c.maxLoss(), "non-finite losses do not set the scale");
    }

    @Test
    void readoutTextIsTheSameEverywhere() {
        assertEquals("0.2500", Format.fixed(0.25, 4));
        assertEquals("-1.05", Format.fixed(-1.049999, 2));
        assertEquals("0.000", Format.fixed(-0.0001, 3));
        assertEquals("12", Format.fixed(12.4, 0));
        assertEquals("—", Format.fixed(Double.NaN, 4));
        assertEquals("97.5%", Format.percent(0.975));
        assertEquals("100.0%", Format.percent(1));
        assertEquals("—", Format.percent(Double.POSITIVE_INFINITY));
    }
}
