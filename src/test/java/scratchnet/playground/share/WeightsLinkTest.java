package scratchnet.playground.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.engine.Value;

/** Links written before WeightsLink used java.util.Base64 still read, to the bit; Base64IT checks the same in browsers. */
class WeightsLinkTest {
    // Written by the earlier hand-made encoder for these nine weights.
    static final double[] NINE = {0.5, -1.25, 3.0e-7, 1.0 / 3, -0.0, 123.456, 1e-300, Math.PI, -Math.E};
    static final String NINE_TEXT = "P-AAAAAAAAC_9AAAAAAAAD6UIfX0DYN2P9VVVVVVVVWAAAAAAAAAAEBe3S8an753AaVuH8L481lACSH7VEQtGMAFvwqLFFdp";

    @Test
    void aFixedExampleKeepsItsText() {
        List<Value> params = new ArrayList<>();
        for (double d : NINE) {
            params.add(new Value(d));
        }
        assertEquals(NINE_TEXT, WeightsLink.encode(params));
        assertEquals("P7mZmZmZmZo", WeightsLink.encode(List.of(new Value(0.1))));
        List<Value> back = zeros(9);
        assertNull(WeightsLink.decode(NINE_TEXT, back));
        for (int i = 0; i < NINE.length; i++) {
            assertEquals(Double.doubleToLongBits(NINE[i]), Double.doubleToLongBits(back.get(i).data), "weight " + i);
        }
    }

    @Test
    void paddingAndForeignCharactersAreDamage() {
        for (String text : new String[] {"P7mZmZmZmZ=", "P7mZmZmZm==", "P7mZmZm+mZo", "P7mZmZm/mZo", "P7mZmZm mZo"}) {
            List<Value> one = zeros(1);
            assertTrue(WeightsLink.decode(text, one).contains("damaged"), text);
            assertEquals(0.0, one.get(0).data, 0.0);
        }
        assertTrue(WeightsLink.decode("P7mZmZmZmZ", zeros(1)).contains("do not fit"));
    }

    private static List<Value> zeros(int n) {
        List<Value> params = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            params.add(new Value(0));
        }
        return params;
    }
}
