// Starts the Java code: Wasm GC where the browser can run it, the JS build otherwise (no Wasm GC
// support; file://, where browsers won't fetch the .wasm). `?engine=wasm` or `?engine=js` forces
// one engine and disables the fallback (used by tests). The chosen engine's name is passed to
// Java's main as args[0]; failures are shown in #status.
// The page's policy allows no eval (script-src 'self' 'wasm-unsafe-eval'): the Wasm GC build runs
// with TeaVM's runtime patched to evaluate no text and the module's @JSBody functions written out
// as a script by the build (scratchnet.build.StrictWasm). A body missing from that script is an
// error on the page, never evaluated and never hidden behind the JS fallback.
(() => {
  "use strict";

  const WASM_JS_BODIES = "wasm/scratchnet.wasm-jsbodies.js";
  const WASM_RUNTIME = "wasm/scratchnet.wasm-runtime.js";
  const WASM_MODULE = "wasm/scratchnet.wasm";
  const JS_BUILD = "js/scratchnet.js";

  const status = document.getElementById("status");

  // Anything the Content-Security-Policy in index.html blocks is counted here (tests read it).
  document.documentElement.dataset.cspViolations = "0";
  document.addEventListener("securitypolicyviolation", (e) => {
    const html = document.documentElement;
    html.dataset.cspViolations = String(Number(html.dataset.cspViolations) + 1);
    console.warn("blocked by the Content-Security-Policy:", e.violatedDirective, e.blockedURI);
  });

  function showError(message) {
    status.textContent = "error: " + message;
    status.className = "error";
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error("cannot load " + src));
      document.head.appendChild(script);
    });
  }

  // A module declaring one empty struct type validates only where Wasm GC is supported.
  function wasmGcSupported() {
    if (location.protocol === "file:") {
      return false; // browsers refuse to fetch the .wasm from file://
    }
    try {
      return WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 3, 1, 95, 0]));
    } catch (e) {
      return false;
    }
  }

  // Both resolve to Java's main, loaded but not yet called.
  async function loadWasm() {
    // TeaVM's runtime as patched by the build (scratchnet.build.StrictWasm): it takes the
    // module's @JSBody functions from the table script instead of evaluating their text.
    await Promise.all([loadScript(WASM_JS_BODIES), loadScript(WASM_RUNTIME)]);
    const teavm = await TeaVM.wasmGC.load(WASM_MODULE);
    return teavm.exports.main;
  }

  async function loadJs() {
    await loadScript(JS_BUILD);
    return window.main; // the UMD build defines main on the global object
  }

  // Resolves to [engine, main].
  async function load(forced) {
    if (forced === "wasm" || forced === "js") {
      return [forced, forced === "wasm" ? await loadWasm() : await loadJs()];
    }
    if (forced !== null) {
      throw new Error("unknown engine '" + forced + "', use ?engine=wasm or ?engine=js");
    }
    if (wasmGcSupported()) {
      try {
        return ["wasm", await loadWasm()];
      } catch (e) {
        if (e && e.name === "MissingJsBodyError") {
          throw e; // the site was built wrong: say so rather than fall back
        }
        console.warn("Wasm GC failed to load, falling back to JS:", e);
      }
    }
    return ["js", await loadJs()];
  }

  // The page's skeleton is painted first (its text, the first screen's frame), then the engine is
  // fetched: nothing on the first screen waits for the download, which is most of the page's bytes.
  function start() {
    load(new URLSearchParams(location.search).get("engine")).then(([engine, main]) => {
      try {
        main([engine]);
      } catch (e) {
        showError(engine + ": main failed: " + e);
        throw e;
      }
    }, (e) => showError(String(e)));
  }
  requestAnimationFrame(() => setTimeout(start, 0));

  // Offline and installable: the service worker keeps the site for visits without a network.
  if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
    navigator.serviceWorker.register("sw.js").catch((e) => console.warn("no offline copy:", e));
  }
})();
