package scratchnet.crossplatform;

import scratchnet.playground.share.WeightsLink;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.teavm.junit.TeaVMTestRunner;
import org.teavm.junit.WholeClassCompilation;
import scratchnet.data.Rng;
import scratchnet.engine.Value;

/**
 * {@link java.util.Base64}'s URL-safe encoder (without padding) and decoder do on the JVM, as JS
 * and as Wasm GC what the share link's weights ({@link WeightsLink}) need, and the link text stays
 * what the earlier hand-written encoder wrote for the same weights, so old links still open.
 * Expected strings were printed on the JVM. One difference: TeaVM's decoder does not refuse
 * characters outside the alphabet (see {@link #charactersOutsideTheUrlAlphabetMakeALinkDamaged}).
 */
@RunWith(TeaVMTestRunner.class)
@WholeClassCompilation
public class Base64IT {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    static final String ALL_BYTES = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0-P0BBQkNER"
            + "UZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn-AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbn"
            + "J2en6ChoqOkpaanqKmqq6ytrq-wsbKztLW2t7i5uru8vb6_wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t_g4eLj5OXm5-jp6uvs7e7v8PHy8"
            + "_T19vf4-fr7_P3-_w";
    /** The encoding of bytes 250, 213, 176, ... (250 − 37 i) of lengths 0 to 10: every tail of a 3-byte group. */
    static final String[] PREFIXES = {"", "-g", "-tU", "-tWw", "-tWwiw", "-tWwi2Y", "-tWwi2ZB", "-tWwi2ZBHA", "-tWwi2ZBHPc",
            "-tWwi2ZBHPfS", "-tWwi2ZBHPfSrQ"};
    /** WeightsLink's text for nine chosen weights, as the hand-written encoder wrote it. */
    static final double[] NINE = {0.5, -1.25, 3.0e-7, 1.0 / 3, -0.0, 123.456, 1e-300, Math.PI, -Math.E};
    static final String NINE_TEXT = "P-AAAAAAAAC_9AAAAAAAAD6UIfX0DYN2P9VVVVVVVVWAAAAAAAAAAEBe3S8an753AaVuH8L481lACSH7VEQtGMAFvwqLFFdp";

    @Test
    public void everyByteValueRoundTrips() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        String text = ENCODER.encodeToString(all);
        assertEquals(ALL_BYTES, text);
        assertArrayEquals(all, DECODER.decode(text));
    }

    @Test
    public void everyLengthFromZeroToTenRoundTripsWithoutPadding() {
        for (int n = 0; n <= 10; n++) {
            byte[] bytes = new byte[n];
            for (int i = 0; i < n; i++) {
                bytes[i] = (byte) (250 - 37 * i);
            }
            String text = ENCODER.encodeToString(bytes);
            assertEquals("length " + n, PREFIXES[n], text);
            assertArrayEquals("length " + n, bytes, DECODER.decode(text));
        }
    }

    @Test
    public void aKnownStringDecodes() {
        assertArrayEquals(new byte[] {-5, -1, -65, 1, 2, 3, 4}, DECODER.decode("-_-_AQIDBA"));
        // Unused low bits of the last character are ignored, as the hand-written decoder did.
        assertArrayEquals(new byte[] {0, 0}, DECODER.decode("AAB"));
    }

    @Test
    public void charactersOutsideTheUrlAlphabetMakeALinkDamaged() {
        // The JVM's decoder throws on these; TeaVM 0.16's (JS and Wasm GC) decodes them silently
        // (it looks every character up in a table, unknown ones give 0), so WeightsLink checks the
        // alphabet itself before decoding, and says "damaged" on every platform.
        for (String bad : new String[] {"+", "/", " ", "\n", "é", "=", "%", "."}) {
            for (int at : new int[] {0, 40, NINE_TEXT.length() - 1}) {
                String text = NINE_TEXT.substring(0, at) + bad + NINE_TEXT.substring(at + 1);
                List<Value> params = fresh(9);
                String note = WeightsLink.decode(text, params);
                assertTrue("'" + bad + "' at " + at + ": " + note, note != null && note.contains("damaged"));
                assertEquals(0.0, params.get(0).data, 0.0);
            }
        }
    }

    @Test
    public void threeHundredParametersTravelExactly() {
        Rng rng = new Rng(5);
        List<Value> params = new ArrayList<>();
        byte[] bytes = new byte[300 * 8];
        for (int i = 0; i < 300; i++) {
            double d = rng.uniform(-3, 3);
            params.add(new Value(d));
            long bits = Double.doubleToLongBits(d);
            for (int b = 0; b < 8; b++) {
                bytes[i * 8 + b] = (byte) (bits >>> (56 - 8 * b));
            }
        }
        String text = WeightsLink.encode(params);
        assertEquals(3200, text.length());
        assertEquals(1619095274, text.hashCode()); // String.hashCode is the same on every platform
        assertEquals(text, ENCODER.encodeToString(bytes));
        assertArrayEquals(bytes, DECODER.decode(text));
        List<Value> back = fresh(300);
        assertNull(WeightsLink.decode(text, back));
        for (int i = 0; i < 300; i++) {
            assertEquals(Double.doubleToLongBits(params.get(i).data), Double.doubleToLongBits(back.get(i).data));
        }
    }

    @Test
    public void weightsLinkTextIsUnchanged() {
        List<Value> params = new ArrayList<>();
        for (double d : NINE) {
            params.add(new Value(d));
        }
        assertEquals(NINE_TEXT, WeightsLink.encode(params));
        assertEquals("P7mZmZmZmZo", WeightsLink.encode(List.of(new Value(0.1))));
        List<Value> back = fresh(9);
        assertNull(WeightsLink.decode(NINE_TEXT, back));
        for (int i = 0; i < 9; i++) {
            assertEquals(Double.doubleToLongBits(NINE[i]), Double.doubleToLongBits(back.get(i).data));
        }
    }

    @Test
    public void weightsLinkNotesDamageAndMisfit() {
        List<Value> params = fresh(9);
        assertTrue(WeightsLink.decode(NINE_TEXT.substring(1), params).contains("do not fit this network"));
        assertTrue(WeightsLink.decode("!" + NINE_TEXT.substring(1), params).contains("damaged"));
        assertTrue(WeightsLink.decode("+" + NINE_TEXT.substring(1), params).contains("damaged"));
        String padded = NINE_TEXT.substring(0, NINE_TEXT.length() - 1) + "=";
        assertTrue(WeightsLink.decode(padded, params).contains("damaged"));
        String one = "P7mZmZmZmZo"; // 0.1: 8 bytes, so the last character carries unused bits
        assertTrue(WeightsLink.decode(one.substring(0, 10) + "=", fresh(1)).contains("damaged"));
        assertTrue(WeightsLink.decode(one.substring(0, 9) + "==", fresh(1)).contains("damaged"));
        String nan = WeightsLink.encode(List.of(new Value(Double.NaN)));
        assertTrue(WeightsLink.decode(nan, fresh(1)).contains("damaged"));
        for (Value p : params) {
            assertEquals(0.0, p.data, 0.0); // untouched
        }
    }

    private static List<Value> fresh(int n) {
        List<Value> params = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            params.add(new Value(0));
        }
        return params;
    }
}
