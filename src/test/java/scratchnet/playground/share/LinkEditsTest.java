package scratchnet.playground.share;

import scratchnet.playground.session.PointEdits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Rng;
import scratchnet.engine.Value;
import scratchnet.nn.MLP;

/** Hand-edited points and small models' weights, as share links carry them. */
class LinkEditsTest {

    @Test
    void pointEditsRoundTrip() {
        PointEdits e = new PointEdits();
        e.add(0.12345, -1.5, 1);
        e.add(2, 3.0004, -1);
        e.removeGenerated(7);
        e.removeGenerated(2);
        assertEquals("0.123,-1.5,1;2,3,-1", e.addedText());
        assertEquals("2,7", e.removedText());
        List<String> notes = new ArrayList<>();
        PointEdits back = PointEdits.parse(e.addedText(), e.removedText(), 10, notes);
        assertEquals(List.of(), notes);
        assertEquals(e.addedText(), back.addedText());
        assertEquals(e.removedText(), back.removedText());
        assertTrue(back.isRemoved(7) && !back.isRemoved(3));
    }

    @Test
    void runsOfRemovedPointsAreRanges() {
        PointEdits e = new PointEdits();
        for (int i : new int[] {0, 1, 2, 3, 5, 7, 8, 10, 11, 12}) {
            e.removeGenerated(i);
        }
        assertEquals("0-3,5,7,8,10-12", e.removedText());
        List<String> notes = new ArrayList<>();
        PointEdits back = PointEdits.parse(null, e.removedText(), 13, notes);
        assertEquals(e.removedText(), back.removedText());
        int removed = 0;
        for (int i = 0; i < 13; i++) {
            removed += back.isRemoved(i) ? 1 : 0;
        }
        assertEquals(10, removed);
        assertEquals(List.of(), notes);
        PointEdits.parse(null, "3-1,-2-4,0-13,1-x,2-2", 13, notes);
        assertEquals(List.of("del: 4 of 5 removed points are not in the data and were skipped"), notes);
    }

    @Test
    void badEditsAreSkippedWithANote() {
        List<String> notes = new ArrayList<>();
        PointEdits e = PointEdits.parse("1,2,1;NaN,0,1;1,2;5,5,0;1e13,0,1;<b>,1,1", "3,-1,99,2.5,x", 10, notes);
        assertEquals("1,2,1", e.addedText());
        assertEquals("3", e.removedText());
        assertEquals(List.of("add: 5 of 6 hand-added points could not be read and were skipped",
                "del: 4 of 5 removed points are not in the data and were skipped"), notes);
        assertThrows(IllegalArgumentException.class, () -> new PointEdits().add(Double.NaN, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PointEdits().add(0, 1.01e12, 1));
    }

    @Test
    void weightsTravelExactly() {
        MLP a = new MLP(2, new int[] {8, 8, 1});
        a.parameters().forEach(p -> p.data = p.data * 1.2345 + 0.1);
        String text = WeightsLink.encode(a.parameters());
        MLP b = new MLP(2, new int[] {8, 8, 1}, scratchnet.nn.Activation.TANH, scratchnet.nn.Activation.TANH, new Rng(99));
        assertNull(WeightsLink.decode(text, b.parameters()));
        for (int i = 0; i < a.parameters().size(); i++) {
            assertEquals(a.parameters().get(i).data, b.parameters().get(i).data, 0);
        }
        assertTrue(text.matches("[A-Za-z0-9_-]+"), "URL-safe");
    }

    @Test
    void mismatchedOrDamagedWeightsLeaveTheModelAlone() {
        MLP small = new MLP(2, new int[] {2, 1});
        MLP other = new MLP(2, new int[] {3, 1});
        String text = WeightsLink.encode(small.parameters());
        List<Value> params = other.parameters();
        double before = params.get(0).data;
        assertTrue(WeightsLink.decode(text, params).contains("do not fit this network"));
        String damaged = "!" + text.substring(1);
        assertTrue(WeightsLink.decode(damaged, small.parameters()).contains("damaged"));
        String nan = WeightsLink.encode(List.of(new Value(Double.NaN)));
        assertTrue(WeightsLink.decode(nan, List.of(new Value(0))).contains("damaged"));
        assertEquals(before, params.get(0).data, 0);
        assertNull(WeightsLink.encode(new MLP(2, new int[] {32, 32, 1}).parameters()));
    }
}
