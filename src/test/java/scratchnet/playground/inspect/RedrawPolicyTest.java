package scratchnet.playground.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.playground.inspect.RedrawPolicy.Part;

class RedrawPolicyTest {
    @Test
    void pausedRedrawsEveryWantedPart() {
        RedrawPolicy p = new RedrawPolicy();
        assertEquals(List.of(Part.GRAPH, Part.NETWORK, Part.TABLE), p.choose(false, true, true, true));
        assertEquals(List.of(Part.NETWORK), p.choose(false, false, true, false));
    }

    @Test
    void playingRedrawsAtMostOnePartPerFrameEachAtMostEveryFourthFrame() {
        RedrawPolicy p = new RedrawPolicy();
        int[] count = new int[3];
        for (int frame = 0; frame < 40; frame++) {
            List<Part> chosen = p.choose(true, true, true, true);
            assertTrue(chosen.size() <= 1, "frame " + frame + ": " + chosen);
            for (Part part : chosen) {
                count[part.ordinal()]++;
                p.drawn(part, 0.5); // cheap: only the every-fourth-frame rule holds them back
            }
        }
        for (int c : count) {
            assertTrue(c >= 40 / 12 && c <= 40 / 4, "each part in turn: " + java.util.Arrays.toString(count));
        }
        assertTrue(p.behind(), "some part always waits while three share the frames");
    }

    @Test
    void aCostlyPartWaitsUntilTheFramesHavePaidForIt() {
        RedrawPolicy p = new RedrawPolicy();
        p.drawn(Part.NETWORK, 18); // the largest network's diagram
        int frames = 0;
        List<Part> chosen;
        do {
            frames++;
            chosen = p.choose(true, false, true, false);
        } while (chosen.isEmpty());
        assertEquals(List.of(Part.NETWORK), chosen);
        assertEquals(9, frames, "18 ms at 2 ms a frame");
    }

    @Test
    void nothingWantedNothingBehind() {
        RedrawPolicy p = new RedrawPolicy();
        assertEquals(List.of(), p.choose(true, false, false, false));
        assertFalse(p.behind());
    }
}
