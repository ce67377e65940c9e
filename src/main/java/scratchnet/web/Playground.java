package scratchnet.web;

import org.teavm.jso.dom.html.HTMLDocument;

/**
 * Browser entry point, compiled by TeaVM to both JavaScript and Wasm GC (placeholder page).
 *
 * <p>webapp/loader.js picks the engine and calls {@code main(new String[] {engine})}, where engine
 * is {@code "wasm"} or {@code "js"}. The page must have elements {@code #engine} and {@code #status}.
 */
public final class Playground {
    private Playground() {
    }

    public static void main(String[] args) {
        HTMLDocument document = HTMLDocument.current();
        String engine = args.length > 0 ? args[0] : "unknown";
        document.getElementById("engine").setTextContent(engine);
        // A number only Java could have produced proves the compiled code really ran.
        double sum = 0;
        for (int i = 1; i <= 3; i++) {
            sum += Math.tanh(i);
        }
        document.getElementById("status").setTextContent("ready: sum of tanh(1..3) = " + sum);
    }
}
