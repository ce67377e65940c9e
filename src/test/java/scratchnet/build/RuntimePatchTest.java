package scratchnet.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The patch on TeaVM's own runtime text (teavm-core on the class path), and on a changed one. */
class RuntimePatchTest {

    private static String teavmRuntime() throws IOException {
        try (InputStream in = RuntimePatchTest.class.getClassLoader().getResourceAsStream(RuntimePatch.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void replacesEveryNewFunction() throws IOException {
        String runtime = teavmRuntime();
        assertEquals(11, runtime.split("new Function\\(", -1).length - 1, "10 calls and 1 inside a template");
        String patched = RuntimePatch.patch(runtime);
        assertFalse(patched.contains("new Function"));
        assertTrue(patched.contains("globalThis." + RuntimePatch.TABLE_GLOBAL));
        assertTrue(patched.contains("t.teavmJso[\"createFunction\"+e]=(...a)=>scratchnetJsBody("), "bodies from the table");
        assertTrue(patched.contains("t.teavmJso.callMethod2=(instance,method,p1,p2)=>{try{return instance!==null"
                + "?instance[method](p1,p2):F(method)(p1,p2)}catch(e){x(e)}};"), "calls of exactly their arity");
        assertTrue(patched.contains("t.teavmJso.construct31=(c,p1,"), "up to 31 arguments");
        assertTrue(patched.startsWith("\"use strict\";"), "the runtime stays strict mode");
    }

    @Test
    void aChangedRuntimeFailsTheBuild() throws IOException {
        String changed = teavmRuntime().replace("for(let e=0;e<32;++e)", "for(let e=0;e<33;++e)");
        var e = assertThrows(IllegalStateException.class, () -> RuntimePatch.patch(changed));
        assertTrue(e.getMessage().contains("Was TeaVM upgraded?"), e.getMessage());
    }
}
