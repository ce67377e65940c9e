package scratchnet.build;

import java.util.List;

/**
 * One JavaScript function a TeaVM Wasm GC module asks its runtime to create at start-up
 * ({@code teavmJso.createFunctionN(param1, ..., paramN, body)}, one per {@code @JSBody}): the
 * parameter names and the body text, exactly as the module passes them.
 */
record JsBody(List<String> params, String body) {

    /**
     * The table's key: the parameter names joined by commas, a newline, the body. Parameter names
     * are identifiers, so the key is unambiguous. The patched runtime builds the same key
     * ({@link RuntimePatch}).
     */
    String key() {
        return String.join(",", params) + "\n" + body;
    }
}
