package scratchnet.playground.inspect;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of the inspector's costly views to redraw in a frame. When paused, every view that is
 * wanted. While training plays, at most one per frame: the longest-waiting view that is due, a
 * view being due when at least {@link #EVERY} frames passed since its last redraw and those frames
 * have paid for its cost at {@link #MS_PER_FRAME} each. So the network diagram of the largest
 * network (~18 ms) comes every ~9th frame instead of every 4th, and the page keeps its frame rate.
 */
public final class RedrawPolicy {
    /** The inspector's views that cost enough to be rationed. */
    public enum Part { GRAPH, NETWORK, TABLE }

    static final int EVERY = 4;
    static final double MS_PER_FRAME = 2;

    private static final Part[] PARTS = Part.values();
    private final double[] cost = new double[PARTS.length]; // ms the part's last redraw took
    private final int[] age = new int[PARTS.length]; // frames since then
    private final boolean[] wanted = new boolean[PARTS.length];

    /**
     * Starts a frame: the parts to redraw now, in order, given which are wanted (out of date or
     * always redrawn). Report each redraw's cost with {@link #drawn}.
     */
    public List<Part> choose(boolean playing, boolean graph, boolean network, boolean table) {
        wanted[0] = graph;
        wanted[1] = network;
        wanted[2] = table;
        List<Part> chosen = new ArrayList<>();
        for (int p = 0; p < PARTS.length; p++) {
            age[p]++;
        }
        if (!playing) {
            for (int p = 0; p < PARTS.length; p++) {
                if (wanted[p]) {
                    chosen.add(PARTS[p]);
                }
            }
            return chosen;
        }
        int next = -1;
        for (int p = 0; p < PARTS.length; p++) {
            if (wanted[p] && due(p) && (next < 0 || age[p] > age[next])) {
                next = p;
            }
        }
        if (next >= 0) {
            chosen.add(PARTS[next]);
        }
        return chosen;
    }

    private boolean due(int p) {
        return age[p] >= EVERY && age[p] * MS_PER_FRAME >= cost[p];
    }

    /** A part was redrawn in {@code ms} milliseconds. */
    public void drawn(Part part, double ms) {
        cost[part.ordinal()] = ms;
        age[part.ordinal()] = 0;
    }

    /** True if a part wanted in this frame was not redrawn: another frame should follow. */
    public boolean behind() {
        for (int p = 0; p < PARTS.length; p++) {
            if (wanted[p] && age[p] > 0) {
                return true;
            }
        }
        return false;
    }
}
