package scratchnet.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import scratchnet.playground.Playground;

/** A run whose loss freezes while staying finite is said to have stalled; a learning run is not. */
class StallTest {
    @Test
    void aLossThatKeepsOneValueForAHundredStepsIsAStall() {
        Stall s = new Stall();
        assertFalse(s.step(1, 0.5));
        for (int k = 2; k <= Stall.STEPS; k++) {
            assertFalse(s.step(k, 0.5 + 1e-12), "step " + k);
        }
        assertTrue(s.step(Stall.STEPS + 1, 0.5));
        assertEquals(1, s.since());
        assertFalse(s.step(Stall.STEPS + 2, 0.4), "a move starts the count again");
    }

    @Test
    void aRateTooLargeSaturatesTheNeuronsAndThePageSaysSo() {
        Playground p = new Playground("lr=10");
        int steps = 0;
        while (p.stalled() == null && steps < 400) {
            assertTrue(p.step(), "finite all along: no divergence alarm");
            steps++;
        }
        String said = p.stalled();
        System.out.println("lr 10 on moons, after " + steps + " steps: " + said + " | " + p.readout().trainLossText());
        assertTrue(said != null && said.startsWith("stalled: the train loss has stayed at " + p.readout().trainLossText()),
                said);
        assertTrue(said.contains("the largest gradient is") && said.contains("reset and try a smaller one"), said);
        assertNull(p.diverged());
        p.reset();
        assertNull(p.stalled(), "a reset starts over");
    }

    @Test
    void aRunThatLearnsDoesNotStall() {
        Playground p = new Playground("");
        for (int k = 0; k < 500; k++) {
            p.step();
        }
        assertNull(p.stalled());
    }
}
