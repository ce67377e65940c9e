package scratchnet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reader on small hand-made modules laid out as TeaVM lays them out: imports
 * createFunction1 (function 0) and stringToJs (function 1, exported as teavm.stringToJs); string
 * globals 0 and 1 filled from a data segment at start; the start function (function 2) creates one
 * body. The modules only need to parse, not to validate.
 */
class JsBodyCallsTest {
    private static final int GLOBAL_GET = 0x23;
    private static final int CALL = 0x10;
    private static final int I32_CONST = 0x41;
    private static final int END = 0x0B;

    /** global.get 0, global.get 1, array.new_fixed 0 2, call 1: the string globals handed to the filler. */
    private static final int[] FILL_STRINGS = {GLOBAL_GET, 0, GLOBAL_GET, 1, 0xFB, 0x08, 0, 2, CALL, 1};
    /** createFunction1("a", "return a;") */
    private static final int[] CREATE = {GLOBAL_GET, 0, CALL, 1, GLOBAL_GET, 1, CALL, 1, CALL, 0};

    @Test
    void readsTheParametersAndBodyPassedAtStart() {
        byte[] wasm = module(pool("a", "return a;"), instructions(FILL_STRINGS, CREATE, CREATE));
        JsBody body = new JsBody(List.of("a"), "return a;");
        assertEquals(List.of(body, body), JsBodyCalls.read(wasm));
        assertEquals("a\nreturn a;", body.key());
    }

    @Test
    void decodesTheStringPoolsMultiByteCharacters() {
        byte[] wasm = module(pool("a", "return '\u00e9\u20ac'+a;"), instructions(FILL_STRINGS, CREATE));
        assertEquals("return '\u00e9\u20ac'+a;", JsBodyCalls.read(wasm).get(0).body());
    }

    @Test
    void failsWhenAnArgumentIsNotAStringConstant() {
        int[] computed = {GLOBAL_GET, 0, CALL, 1, I32_CONST, 1, CALL, 1, CALL, 0};
        var e = assertThrows(IllegalStateException.class,
                () -> JsBodyCalls.read(module(pool("a", "return a;"), instructions(FILL_STRINGS, computed))));
        assertTrue(e.getMessage().contains("argument 1 is not a string constant"), e.getMessage());
    }

    @Test
    void failsWhenAnotherFunctionCreatesABody() {
        var e = assertThrows(IllegalStateException.class,
                () -> JsBodyCalls.read(module(pool("a", "return a;"), FILL_STRINGS, CREATE)));
        assertTrue(e.getMessage().contains("calls createFunction"), e.getMessage());
    }

    @Test
    void failsWhenTheStringPoolDoesNotMatch() {
        var e = assertThrows(IllegalStateException.class,
                () -> JsBodyCalls.read(module(pool("a", "return a;", "extra"), instructions(FILL_STRINGS, CREATE))));
        assertTrue(e.getMessage().contains("string pool not found"), e.getMessage());
    }

    @Test
    void failsOnAParameterNameThatIsNotAnIdentifier() {
        var e = assertThrows(IllegalStateException.class,
                () -> JsBodyCalls.read(module(pool("a){", "return a;"), instructions(FILL_STRINGS, CREATE))));
        assertTrue(e.getMessage().contains("not an identifier"), e.getMessage());
    }

    /** The module: the start function's code, then any other functions' code. */
    private static byte[] module(byte[] pool, int[] start, int[]... others) {
        var out = bytes(0, 'a', 's', 'm', 1, 0, 0, 0);
        out.writeBytes(section(2, concat(bytes(2), name("teavmJso"), name("createFunction1"), bytes(0, 0),
                name("teavmJso"), name("stringToJs"), bytes(0, 0))));
        out.writeBytes(section(7, concat(bytes(1), name("teavm.stringToJs"), bytes(0, 1))));
        out.writeBytes(section(8, bytes(2).toByteArray()));
        var code = bytes(1 + others.length);
        List<int[]> functions = new ArrayList<>();
        functions.add(start);
        functions.addAll(List.of(others));
        for (int[] body : functions) {
            byte[] function = concat(bytes(0), toBytes(body), bytes(END));
            code.writeBytes(leb(function.length));
            code.writeBytes(function);
        }
        out.writeBytes(section(10, code.toByteArray()));
        out.writeBytes(section(11, concat(bytes(1, 0, I32_CONST, 0, END), leb(pool.length), pool)));
        return out.toByteArray();
    }

    /** TeaVM's string pool: each string's length in UTF-16 units, then each unit in 1-3 bytes. */
    private static byte[] pool(String... strings) {
        var out = new ByteArrayOutputStream();
        for (String s : strings) {
            out.writeBytes(leb(s.length()));
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8)); // the same bytes outside surrogates
        }
        return out.toByteArray();
    }

    private static byte[] section(int id, byte[] payload) {
        return concat(bytes(id), leb(payload.length), payload);
    }

    private static byte[] name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return concat(leb(utf8.length), utf8);
    }

    private static byte[] leb(int value) {
        var out = new ByteArrayOutputStream();
        do {
            int b = value & 0x7F;
            value >>>= 7;
            out.write(value == 0 ? b : b | 0x80);
        } while (value != 0);
        return out.toByteArray();
    }

    private static ByteArrayOutputStream bytes(int... values) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(toBytes(values));
        return out;
    }

    private static byte[] toBytes(int[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(Object... parts) {
        var out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof ByteArrayOutputStream b ? b.toByteArray() : (byte[]) part);
        }
        return out.toByteArray();
    }

    private static int[] instructions(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }
}
