package scratchnet.build;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Build step (run by Maven after TeaVM, see pom.xml): what a TeaVM Wasm GC module needs to run
 * under {@code script-src 'self' 'wasm-unsafe-eval'}, written next to it.
 *
 * <p>Usage: {@code StrictWasm MODULE.wasm RUNTIME.js TABLE.js}. Writes RUNTIME.js, TeaVM's runtime
 * with no eval ({@link RuntimePatch}), and TABLE.js, the module's {@code @JSBody} functions as
 * source ({@link JsBodyTable}), read from the module ({@link JsBodyCalls}); the page loads both.
 * Any mismatch with what these classes expect throws, failing the build.
 */
public final class StrictWasm {
    private StrictWasm() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: StrictWasm MODULE.wasm RUNTIME.js TABLE.js");
        }
        Path module = Path.of(args[0]);
        Path runtimeOut = Path.of(args[1]);
        Path tableOut = Path.of(args[2]);

        List<JsBody> bodies = JsBodyCalls.read(Files.readAllBytes(module));
        String table = JsBodyTable.script(bodies, module.getFileName().toString());
        for (JsBody body : bodies) { // every body the start function passes has its entry
            if (!table.contains(JsBodyTable.stringLiteral(body.key()) + ",\n")) {
                throw new IllegalStateException("the table misses the @JSBody function " + body);
            }
        }
        long distinct = bodies.stream().map(JsBody::key).distinct().count();

        URL resource = StrictWasm.class.getClassLoader().getResource(RuntimePatch.RESOURCE);
        if (resource == null) {
            throw new IllegalStateException("no " + RuntimePatch.RESOURCE + " on the class path (teavm-core)");
        }
        String runtime;
        try (InputStream in = resource.openStream()) {
            runtime = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        write(runtimeOut, RuntimePatch.patch(runtime));
        write(tableOut, table);
        System.out.printf("StrictWasm: %s: %d createFunction calls, %d distinct @JSBody functions -> %s;"
                + " TeaVM's runtime without eval -> %s%n", module.getFileName(), bodies.size(), distinct,
                tableOut.getFileName(), runtimeOut.getFileName());
    }

    /** Writes UTF-8, failing rather than writing a replacement character (e.g. for a lone surrogate). */
    private static void write(Path file, String text) throws IOException {
        ByteBuffer bytes;
        try {
            bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": text is not valid UTF-16", e);
        }
        byte[] out = new byte[bytes.remaining()];
        bytes.get(out);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, out);
    }
}
