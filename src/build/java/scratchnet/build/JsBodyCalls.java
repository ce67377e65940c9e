package scratchnet.build;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.teavm.backend.wasm.parser.AddressListener;
import org.teavm.backend.wasm.parser.CodeListener;
import org.teavm.backend.wasm.parser.CodeParser;
import org.teavm.backend.wasm.parser.CodeSectionListener;
import org.teavm.backend.wasm.parser.CodeSectionParser;
import org.teavm.backend.wasm.parser.ImportSectionListener;
import org.teavm.backend.wasm.parser.ImportSectionParser;
import org.teavm.backend.wasm.parser.WasmBinaryReader;

/**
 * The {@code @JSBody} functions a TeaVM Wasm GC module creates, read from the module itself.
 *
 * <p>TeaVM's start function creates each one by calling the imported
 * {@code teavmJso.createFunctionN} with N parameter names and the body, each a Java string
 * constant turned into a JS string ({@code global.get $string; call $teavm.stringToJs}). Java
 * string constants live in one data segment (for each string: its length in UTF-16 units, then
 * each unit in 1 to 3 bytes), and the start function hands their globals, in that order, to the
 * function that fills them ({@code global.get} × n, {@code array.new_fixed $t n}, {@code call}).
 *
 * <p>Anything else fails the build: a createFunction call outside the start function or whose
 * arguments are not string constants, an instruction TeaVM's parser does not know, or a string pool
 * that does not decode. Then the table would not be known to hold every body, and the page would
 * need eval.
 */
final class JsBodyCalls {
    private static final Pattern CREATE_FUNCTION = Pattern.compile("teavmJso\\.createFunction(\\d+)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final String STRING_TO_JS = "teavm.stringToJs";

    /** The instructions that matter here; every other one is {@link #OTHER}, so patterns match only adjacent ones. */
    private record Instruction(String op, int a, int b) {}

    private static final Instruction OTHER = new Instruction("other", 0, 0);

    private JsBodyCalls() {}

    /** Every body the module's start function creates, in order (a body created twice appears twice). */
    static List<JsBody> read(byte[] wasm) {
        Map<Integer, byte[]> sections = sections(wasm);
        List<String> functionImports = functionImports(sections.get(2));
        Map<Integer, Integer> arities = new HashMap<>(); // function index -> N of createFunctionN
        for (int i = 0; i < functionImports.size(); i++) {
            var m = CREATE_FUNCTION.matcher(functionImports.get(i));
            if (m.matches()) {
                arities.put(i, Integer.parseInt(m.group(1)));
            }
        }
        if (arities.isEmpty()) {
            return List.of(); // the module creates no @JSBody function
        }
        int start = startFunction(sections.get(8));
        int stringToJs = exportedFunction(sections.get(7), STRING_TO_JS);
        List<Instruction> startCode = startCode(sections.get(10), functionImports.size(), start, arities);
        Map<Integer, String> strings = stringGlobals(startCode, dataSegments(sections.get(11)));

        List<JsBody> bodies = new ArrayList<>();
        for (int i = 0; i < startCode.size(); i++) {
            Instruction call = startCode.get(i);
            if (!call.op().equals("call") || !arities.containsKey(call.a())) {
                continue;
            }
            int argCount = arities.get(call.a()) + 1;
            List<String> args = new ArrayList<>();
            for (int k = 0; k < argCount; k++) {
                int at = i - 2 * (argCount - k);
                Instruction get = at >= 0 ? startCode.get(at) : OTHER;
                Instruction convert = at >= 0 ? startCode.get(at + 1) : OTHER;
                if (!get.op().equals("global.get") || !strings.containsKey(get.a())
                        || !convert.op().equals("call") || convert.a() != stringToJs) {
                    throw new IllegalStateException("createFunction" + (argCount - 1) + " (instruction " + i
                            + " of the start function): argument " + k + " is not a string constant");
                }
                args.add(strings.get(get.a()));
            }
            List<String> params = args.subList(0, argCount - 1);
            for (String param : params) {
                if (!IDENTIFIER.matcher(param).matches()) {
                    throw new IllegalStateException("@JSBody parameter name is not an identifier: " + param);
                }
            }
            bodies.add(new JsBody(List.copyOf(params), args.get(argCount - 1)));
        }
        return bodies;
    }

    /** Section id -> payload (custom sections skipped; each other id occurs at most once). */
    private static Map<Integer, byte[]> sections(byte[] wasm) {
        if (wasm.length < 8 || wasm[0] != 0 || wasm[1] != 'a' || wasm[2] != 's' || wasm[3] != 'm') {
            throw new IllegalStateException("not a WebAssembly module");
        }
        Map<Integer, byte[]> sections = new HashMap<>();
        var reader = new WasmBinaryReader(AddressListener.EMPTY, wasm);
        reader.ptr = 8;
        while (reader.ptr < wasm.length) {
            int id = wasm[reader.ptr++];
            int size = reader.readLEB();
            if (id != 0) {
                byte[] payload = new byte[size];
                System.arraycopy(wasm, reader.ptr, payload, 0, size);
                sections.put(id, payload);
            }
            reader.ptr += size;
        }
        return sections;
    }

    /** "module.name" of each imported function, by function index. */
    private static List<String> functionImports(byte[] section) {
        List<String> names = new ArrayList<>();
        if (section == null) {
            return names;
        }
        new ImportSectionParser(new ImportSectionListener() {
            private String current;

            @Override
            public void startEntry(String module, String name) {
                current = module + "." + name;
            }

            @Override
            public void function(int typeIndex) {
                names.add(current);
            }
        }).parse(AddressListener.EMPTY, section);
        return names;
    }

    private static int startFunction(byte[] section) {
        if (section == null) {
            throw new IllegalStateException("the module has no start function, yet imports createFunction");
        }
        return new WasmBinaryReader(AddressListener.EMPTY, section).readLEB();
    }

    private static int exportedFunction(byte[] section, String wanted) {
        var reader = new WasmBinaryReader(AddressListener.EMPTY, section == null ? new byte[] {0} : section);
        int count = reader.readLEB();
        for (int i = 0; i < count; i++) {
            String name = reader.readString();
            int kind = reader.data[reader.ptr++];
            int index = reader.readLEB();
            if (kind == 0 && name.equals(wanted)) {
                return index;
            }
        }
        throw new IllegalStateException("the module exports no function " + wanted);
    }

    /**
     * The start function's instructions; fails if any function calls createFunction but the start
     * function, or if TeaVM's parser meets an instruction it does not know.
     */
    private static List<Instruction> startCode(byte[] section, int importCount, int start,
            Map<Integer, Integer> arities) {
        List<Instruction> startCode = new ArrayList<>();
        List<Instruction> otherCode = new ArrayList<>();
        int[] current = {-1};
        var parser = new CodeSectionParser(new CodeSectionListener() {
            @Override
            public boolean functionStart(int index, int size) {
                current[0] = index;
                return true;
            }

            @Override
            public CodeListener code() {
                return recorder(current[0] == start ? startCode : otherCode);
            }

            @Override
            public void functionEnd() {
                for (Instruction instruction : otherCode) {
                    if (instruction.op().equals("call") && arities.containsKey(instruction.a())) {
                        throw new IllegalStateException("function " + current[0] + " calls createFunction: only "
                                + "the start function's bodies are read into the table");
                    }
                }
                otherCode.clear();
            }
        });
        parser.setFunctionIndexOffset(importCount);
        parser.parse(AddressListener.EMPTY, section);
        if (startCode.isEmpty()) {
            throw new IllegalStateException("start function " + start + " not found in the code section");
        }
        return startCode;
    }

    /**
     * Records the instructions it is told about; every method of TeaVM's CodeListener not named
     * here records {@link #OTHER} (a proxy, since the interface has some fifty).
     */
    private static CodeListener recorder(List<Instruction> out) {
        return (CodeListener) Proxy.newProxyInstance(CodeListener.class.getClassLoader(),
                new Class<?>[] {CodeListener.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) { // equals, hashCode, toString
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "instruction recorder";
                        };
                    }
                    switch (method.getName()) {
                        case "getGlobal" -> out.add(new Instruction("global.get", (int) args[0], 0));
                        case "call" -> out.add(new Instruction("call", (int) args[0], 0));
                        case "arrayNewFixed" ->
                                out.add(new Instruction("array.new_fixed", (int) args[0], (int) args[1]));
                        case "error" ->
                                throw new IllegalStateException("TeaVM's parser met an instruction it does not know");
                        default -> out.add(OTHER);
                    }
                    return method.getReturnType() == int.class ? 0 : null;
                });
    }

    /** Payload of each data segment. */
    private static List<byte[]> dataSegments(byte[] section) {
        List<byte[]> segments = new ArrayList<>();
        if (section == null) {
            return segments;
        }
        var reader = new WasmBinaryReader(AddressListener.EMPTY, section);
        int count = reader.readLEB();
        for (int i = 0; i < count; i++) {
            int flags = reader.readLEB();
            if (flags == 2) {
                reader.readLEB(); // memory index
            }
            if (flags == 0 || flags == 2) {
                var offset = new CodeParser();
                offset.setCodeListener(CodeListener.EMPTY);
                if (!offset.parseSingleExpression(reader)) {
                    throw new IllegalStateException("data segment " + i + ": unreadable offset");
                }
                reader.ptr++; // the expression's end
            }
            int size = reader.readLEB();
            byte[] data = new byte[size];
            System.arraycopy(section, reader.ptr, data, 0, size);
            reader.ptr += size;
            segments.add(data);
        }
        return segments;
    }

    /**
     * Global index -> text of every Java string constant: the globals the start function passes,
     * in order, to one function that fills them, matched with the data segment holding exactly
     * that many strings.
     */
    private static Map<Integer, String> stringGlobals(List<Instruction> startCode, List<byte[]> segments) {
        // (array type, filling function) -> the globals handed to it, in order
        Map<List<Integer>, List<Integer>> runs = new LinkedHashMap<>();
        for (int i = 0; i + 1 < startCode.size(); i++) {
            Instruction array = startCode.get(i);
            Instruction fill = startCode.get(i + 1);
            int n = array.b();
            if (!array.op().equals("array.new_fixed") || !fill.op().equals("call") || n == 0 || n > i) {
                continue;
            }
            List<Integer> globals = new ArrayList<>();
            for (Instruction get : startCode.subList(i - n, i)) {
                if (get.op().equals("global.get")) {
                    globals.add(get.a());
                }
            }
            if (globals.size() == n) {
                runs.computeIfAbsent(List.of(array.a(), fill.a()), key -> new ArrayList<>()).addAll(globals);
            }
        }
        Map<Integer, String> found = null;
        for (byte[] segment : segments) {
            List<String> pool = stringPool(segment);
            for (List<Integer> globals : runs.values()) {
                if (pool != null && pool.size() == globals.size()) {
                    if (found != null) {
                        throw new IllegalStateException("more than one candidate for TeaVM's string pool");
                    }
                    found = new HashMap<>();
                    for (int k = 0; k < globals.size(); k++) {
                        found.put(globals.get(k), pool.get(k));
                    }
                }
            }
        }
        if (found == null) {
            throw new IllegalStateException("TeaVM's string pool not found: no data segment decodes to as many "
                    + "strings as the start function fills (" + runs.values().stream().map(List::size).toList() + ")");
        }
        return found;
    }

    /** The segment as TeaVM's string pool, or null if it is not one. */
    private static List<String> stringPool(byte[] data) {
        List<String> strings = new ArrayList<>();
        var reader = new WasmBinaryReader(AddressListener.EMPTY, data);
        try {
            while (reader.ptr < data.length) {
                int length = reader.readLEB();
                char[] chars = new char[length];
                for (int i = 0; i < length; i++) {
                    int b = data[reader.ptr++] & 0xFF;
                    if (b < 0x80) {
                        chars[i] = (char) b;
                    } else if ((b & 0xE0) == 0xC0) {
                        chars[i] = (char) (((b & 0x1F) << 6) | continuation(data, reader.ptr++));
                    } else if ((b & 0xF0) == 0xE0) {
                        int middle = continuation(data, reader.ptr++);
                        chars[i] = (char) (((b & 0x0F) << 12) | (middle << 6) | continuation(data, reader.ptr++));
                    } else {
                        return null;
                    }
                }
                strings.add(new String(chars));
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            return null;
        }
        return strings;
    }

    private static int continuation(byte[] data, int at) {
        int b = data[at] & 0xFF;
        if ((b & 0xC0) != 0x80) {
            throw new IllegalArgumentException("not a continuation byte");
        }
        return b & 0x3F;
    }
}
