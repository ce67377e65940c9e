package scratchnet.playground.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.engine.Value;
import scratchnet.playground.session.Session;

class DropoutSettingTest {
    @Test
    void roundTripsThroughTheLinkAndIsClamped() {
        Settings s = new Settings();
        assertEquals(0, s.dropout, 0.0, "the default drops nothing");
        assertNull(s.set("dropout", "0.3"));
        Settings.Parsed p = Settings.fromHash("#" + s.toHash());
        assertEquals(0.3, p.settings.dropout, 0.0);
        assertEquals(List.of(), p.notes);
        assertEquals("dropout: 2 is outside 0–0.9, used 0.9", s.set("dropout", "2"));
        assertEquals(0.9, s.dropout, 0.0);
        String note = s.set("dropout", "lots");
        assertTrue(note.contains("'lots' is not a number"), note);
        assertEquals(0, s.dropout, 0.0, "a refused value falls back to the default, as every setting does");
        assertEquals(Settings.Affects.TRAINING, Settings.table().stream().filter(x -> x.key.equals("dropout"))
                .findFirst().get().affects);
    }

    @Test
    void anOldLinkWithoutDropoutTrainsAsBeforeAndDropoutChangesTheRun() {
        String old = "#layers=6,6&lr=0.1&batch=20";
        Session plain = new Session(Settings.fromHash(old).settings);
        Session zero = new Session(Settings.fromHash(old + "&dropout=0").settings);
        Session dropped = new Session(Settings.fromHash(old + "&dropout=0.3").settings);
        assertEquals(0, plain.trainer().dropout, 0.0);
        assertEquals(0.3, dropped.trainer().dropout, 0.0);
        double lp = 0;
        double ld = 0;
        for (int s = 0; s < 40; s++) {
            lp = plain.step().loss;
            assertEquals(lp, zero.step().loss, 0.0);
            ld = dropped.step().loss;
        }
        assertTrue(lp != ld, "dropout changes the training losses");
        assertArrayEquals(data(plain.model().parameters()), data(zero.model().parameters()), 0.0);
    }

    private static double[] data(List<Value> ps) {
        double[] d = new double[ps.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = ps.get(i).data;
        }
        return d;
    }
}
