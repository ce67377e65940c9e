package scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Each stop rule fires when it newly holds, and returns which fired and on what numbers. */
class StopRuleTest {
    private static final boolean TEST = true;

    @Test
    void offByDefaultAndNeverAsksForALoss() {
        StopRule r = new StopRule();
        assertFalse(r.any());
        for (int k = 1; k < 50; k++) {
            assertNull(r.check(k, k, () -> { throw new AssertionError("no loss needed"); }, TEST,
                    () -> { throw new AssertionError("no loss needed"); }));
        }
    }

    @Test
    void epochsFireOnceWhenReachedAndAgainForALargerNumber() {
        StopRule r = new StopRule();
        r.epochs = 3;
        assertNull(r.check(10, 2, () -> 1, TEST, () -> 1));
        assertEpochs(3, 15, r.check(15, 3, () -> 1, TEST, () -> 1));
        assertNull(r.check(16, 3, () -> 1, TEST, () -> 1), "play continues past the stop");
        assertNull(r.check(30, 6, () -> 1, TEST, () -> 1));
        r.epochs = 8;
        assertNull(r.check(35, 7, () -> 1, TEST, () -> 1));
        assertEpochs(8, 40, r.check(40, 8, () -> 1, TEST, () -> 1));
        r.restart();
        r.epochs = 1;
        assertEpochs(1, 5, r.check(5, 1, () -> 1, TEST, () -> 1));
    }

    @Test
    void lossFiresWhenItFallsBelowTheLine() {
        StopRule r = new StopRule();
        r.belowLoss = 0.01;
        assertNull(r.check(340, 340, () -> 0.0102, TEST, () -> 1));
        StopRule.Stop fell = r.check(341, 341, () -> 0.0098, TEST, () -> 1);
        assertEquals(StopRule.Kind.LOSS, fell.kind);
        assertEquals(341, fell.step);
        assertEquals(0.0098, fell.loss, 0);
        assertEquals(0.01, fell.line, 0);
        assertNull(r.check(342, 342, () -> 0.0097, TEST, () -> 1), "still below: no new stop");
        assertNull(r.check(343, 343, () -> 0.0101, TEST, () -> 1), "back above");
        assertEquals(0.0099, r.check(344, 344, () -> 0.0099, TEST, () -> 1).loss, 0, "and below again");
        assertNull(r.check(345, 345, () -> Double.NaN, TEST, () -> 1), "NaN is not below anything");
    }

    @Test
    void patienceFiresWhenTheTestLossStallsAndCountsAfresh() {
        StopRule r = new StopRule();
        r.patience = 2;
        double[] test = {0.5, 0.4, 0.41, 0.40, 0.45, 0.39, 0.5, 0.6, 0.7};
        StopRule.Stop[] said = new StopRule.Stop[test.length];
        for (int e = 0; e < test.length; e++) {
            int epoch = e + 1;
            said[e] = r.check(epoch * 4, epoch, () -> 1, TEST, () -> test[epoch - 1]);
            // Within an epoch the test loss is not looked at again.
            assertNull(r.check(epoch * 4 + 1, epoch, () -> 1, TEST, () -> { throw new AssertionError("mid-epoch"); }));
        }
        assertNull(said[0]);
        assertNull(said[1]);
        assertNull(said[2], "one epoch without improvement");
        assertPatience(0.4, 2, 2, 16, said[3]); // 0.40 is not below 0.4
        assertNull(said[4], "counting afresh after the stop");
        assertNull(said[5], "0.39 is a new best");
        assertNull(said[6]);
        assertPatience(0.39, 6, 2, 32, said[7]);
        assertNull(said[8]);
    }

    @Test
    void patienceWithoutTestPointsNeverFires() {
        StopRule r = new StopRule();
        r.patience = 1;
        for (int e = 1; e < 20; e++) {
            assertNull(r.check(e, e, () -> 1, false, () -> { throw new AssertionError("no test points"); }));
        }
    }

    private static void assertEpochs(int epochs, int step, StopRule.Stop stop) {
        assertEquals(StopRule.Kind.EPOCHS, stop.kind);
        assertEquals(epochs, stop.epochs);
        assertEquals(step, stop.step);
    }

    private static void assertPatience(double best, int bestEpoch, int patience, int step, StopRule.Stop stop) {
        assertEquals(StopRule.Kind.PATIENCE, stop.kind);
        assertEquals(best, stop.loss, 0);
        assertEquals(bestEpoch, stop.bestEpoch);
        assertEquals(patience, stop.epochs);
        assertEquals(step, stop.step);
    }
}
