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
