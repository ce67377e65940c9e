package scratchnet.playground.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeatMapTest {
    static int red(int pixel) {
        return pixel & 0xFF;
    }

    static int blue(int pixel) {
        return pixel >> 16 & 0xFF;
    }

    @Test
    void signPicksTheClassColourAndSizeItsStrength() {
        int[] px = new int[5];
        HeatMap.paint(new double[] {-1, -0.2, 0, 0.2, 1}, 5, true, false, px);
        assertTrue(red(px[0]) > blue(px[0]), "-1 is orange");
        assertTrue(blue(px[4]) > red(px[4]), "+1 is blue");
        assertEquals(HeatMap.NEUTRAL, rgb(px[2]), "0 is neutral");
        assertTrue(blue(px[4]) - red(px[4]) > blue(px[3]) - red(px[3]), "surer is stronger");
        for (int p : px) {
            assertEquals(0xFF, p >>> 24, "opaque");
        }
    }

    @Test
    void discretizeKeepsOnlyTheSignAndNaNIsNeutral() {
        int[] px = new int[4];
        HeatMap.paint(new double[] {0.01, -0.01, 0, Double.NaN}, 4, true, true, px);
        assertEquals(HeatMap.pixel(1), px[0]);
        assertEquals(HeatMap.pixel(-1), px[1]);
        assertEquals(HeatMap.pixel(-1), px[2], "0 counts as -1, as in accuracy");
        assertEquals(HeatMap.NEUTRAL, rgb(HeatMap.pixel(HeatMap.strength(Double.NaN, true, false))));
    }

    @Test
    void unboundedScoresAreSquashed() {
        assertEquals(Math.tanh(3), HeatMap.strength(3, false, false), 0);
        assertEquals(-1, HeatMap.strength(Double.NEGATIVE_INFINITY, false, false), 0);
        assertEquals(1, HeatMap.strength(7, true, false), 0, "clamped");
    }

    @Test
    void cssIsSixHexDigits() {
        assertEquals("#0877bd", HeatMap.css(HeatMap.POSITIVE));
        assertEquals("#000001", HeatMap.css(1));
    }

    /** A pixel back in 0xRRGGBB. */
    static int rgb(int pixel) {
        return red(pixel) << 16 | (pixel >> 8 & 0xFF) << 8 | blue(pixel);
    }
}
