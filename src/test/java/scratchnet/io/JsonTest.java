package scratchnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsEveryKindOfValue() throws Exception {
        Object v = Json.parse(" {\"a\": [1, -2.5e3, 0.125], \"b\": \"x\\n\\u00e9\\\"\", \"c\": true, \"d\": null, \"e\": {}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of(1.0, -2500.0, 0.125), m.get("a"));
        assertEquals("x\né\"", m.get("b"));
        assertEquals(true, m.get("c"));
        assertTrue(m.containsKey("d") && m.get("d") == null);
        assertEquals(Map.of(), m.get("e"));
        assertEquals(List.of("a", "b", "c", "d", "e"), List.copyOf(m.keySet()));
    }

    @Test
    void writesWhatItReads() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("w", new double[] {0.1, -3, 1e-300, 123456.789});
        m.put("s", "<script>\"hi\"</script>");
        m.put("n", List.of(1, 2.5, true));
        String text = Json.write(m);
        assertEquals("{\"w\":[0.1,-3,1.0E-300,123456.789],\"s\":\"\\u003cscript\\u003e\\\"hi\\\"\\u003c/script\\u003e\","
                + "\"n\":[1,2.5,true]}", text);
        Map<?, ?> back = (Map<?, ?>) Json.parse(text);
        assertEquals(List.of(0.1, -3.0, 1e-300, 123456.789), back.get("w"));
        assertEquals("<script>\"hi\"</script>", back.get("s"));
        assertThrows(IllegalArgumentException.class, () -> Json.write(List.of(Double.NaN)));
    }

    @Test
    void numbersTravelBitForBitThroughTheExactCodec() throws Exception {
        double[] edges = {-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
            Double.MAX_VALUE, -Double.MAX_VALUE, 1e308, -1e308, 1e-308, 9007199254740992.0, 9007199254740994.0,
            9007199254740991.0, 1e15, 999999999999999.0, 0.1, 2, 0.060282600563365873, -1.0121427094991531E-11,
            9.3486717169185E-309, 2.196058263771235E-308};
        String text = Json.write(edges);
        List<?> back = (List<?>) Json.parse(text);
        for (int i = 0; i < edges.length; i++) {
            assertEquals(Double.doubleToRawLongBits(edges[i]), Double.doubleToRawLongBits((Double) back.get(i)), text);
            assertEquals(Decimal.text(edges[i]), Format.number(edges[i]), "files and links write the same text");
        }
        assertTrue(text.startsWith("[-0,0,4.9E-324,-4.9E-324,"), text);
        // Whole numbers below 10^15 as whole numbers (as Format.number always wrote them), past it Double.toString.
        assertTrue(text.contains(",9.007199254740992E15,9.007199254740994E15,9.007199254740991E15,1.0E15,999999999999999,0.1,2,"), text);
        // Read as Decimal.parse does, not as the JSON grammar's neighbours would be.
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) Json.parse("-0")));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) Json.parse("-0.0e-400")));
        assertEquals(Double.POSITIVE_INFINITY, (Double) Json.parse("1e400"), "as before: out of range is infinite, and the model file refuses it");
        assertEquals(Double.NEGATIVE_INFINITY, (Double) Json.parse("-1E+99999999999999999999"));
        assertEquals(Double.MIN_VALUE, (Double) Json.parse("2.4703282292062328E-324"));
        assertEquals(0.0, (Double) Json.parse("2.4703282292062327E-324"));
        assertEquals(List.of(0.060282600563365873, 9.3486717169185E-309), Json.parse("[0.060282600563365873,9.3486717169185E-309]"));
        // The writer refuses what JSON has no number for, as before.
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> Json.write(new double[] {bad}));
            assertThrows(IllegalArgumentException.class, () -> Json.write(List.of(bad)));
        }
        assertEquals("[1,2.5,-7]", Json.write(List.of(1, 2.5f, -7L)));
    }

    @Test
    void malformedInputIsRejectedWithItsPosition() {
        String[][] cases = {
            {"", "character 1: the text ends where a value was expected"},
            {"[1, 2", "character 6: the text ends where ',' or ']' was expected"},
            {"{\"a\" 1}", "character 6: expected ':'"},
            {"[1,]", "character 4: unexpected character ']'"},
            {"01", "character 2: unexpected text after the end"},
            {"{\"a\":1,\"a\":2}", "key \"a\" appears twice"},
            {"\"abc", "ends where a closing '\"' was expected"},
            {"[NaN]", "unexpected character 'N'"},
            {"\"\\x\"", "bad escape '\\x'"},
            {"-", "expected a digit"},
            {"1.", "expected a digit after '.'"},
            {"tru", "unexpected character 't'"},
        };
        for (String[] c : cases) {
            Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        char[] open = new char[100_000];
        Arrays.fill(open, '[');
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse(new String(open)));
        assertTrue(e.getMessage().contains("nested more than 64"), e.getMessage());
    }
}
