// Runs every benchmark case on one engine: bench.html?engine=js|wasm|baseline. Each case is first
// checked against the reference result (the driver compares the numbers), then warmed up (Wasm GC
// needs V8 to tier up), then timed: REPS repetitions of enough calls to last ~REP_MS each; the
// figure is the median repetition's time per call. The downhill case is timed slice by slice
// instead (timeDownhill). Leaves window.benchResult or window.benchError.
"use strict";

(() => {
  const WARMUP_MS = 2000;
  const REP_MS = 100;
  const REPS = 9;
  const status = document.getElementById("status");

  function log(line) {
    status.textContent += "\n" + line;
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

  async function loadEngine(engine) {
    if (engine === "baseline") {
      return createBaseline();
    }
    if (engine === "js") {
      await loadScript("js/bench.js");
      window.main([]);
      return window; // the UMD build defines its exports on the global object
    }
    if (engine === "wasm") {
      // TeaVM's runtime as the build patched it, with the module's @JSBody functions (as the page).
      await Promise.all([loadScript("wasm/bench.wasm-jsbodies.js"), loadScript("wasm/bench.wasm-runtime.js")]);
      const teavm = await TeaVM.wasmGC.load("wasm/bench.wasm");
      teavm.exports.main([]);
      return teavm.exports;
    }
    throw new Error("unknown engine " + engine);
  }

  const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

  // Median ms per call of run(k), which makes k calls.
  async function time(run) {
    let calls = 0;
    const start = performance.now();
    while (performance.now() - start < WARMUP_MS || calls < 3) {
      run(1);
      calls++;
      if (calls % 16 === 0) await pause();
    }
    const estimate = (performance.now() - start) / calls;
    const k = Math.max(1, Math.round(REP_MS / estimate));
    const reps = [];
    for (let r = 0; r < REPS; r++) {
      await pause();
      const t0 = performance.now();
      run(k);
      reps.push((performance.now() - t0) / k);
    }
    const sorted = reps.slice().sort((a, b) => a - b);
    return { ms: sorted[REPS >> 1], min: sorted[0], max: sorted[REPS - 1], callsPerRep: k, reps };
  }

  const median = (values) => values.slice().sort((a, b) => a - b)[values.length >> 1];

  // One whole downhill map, each slice (the start, then every advance: a frame's share on the
  // page) timed on its own and run back to back.
  function downhillMap(api) {
    const t0 = performance.now();
    api.benchDownhillStart();
    let longest = performance.now() - t0;
    const startMs = longest;
    let slices = 1;
    for (let done = false; !done; slices++) {
      const a = performance.now();
      done = api.benchDownhillAdvance();
      longest = Math.max(longest, performance.now() - a);
    }
    return { ms: performance.now() - t0, startMs, longestMs: longest, slices };
  }

  // Whole maps for WARMUP_MS, then REPS maps: the medians of the whole map, the start and each
  // map's longest slice; worstMs is the longest slice of any map (as Bench.downhillSlices on the JVM).
  async function timeDownhill(api) {
    const start = performance.now();
    while (performance.now() - start < WARMUP_MS) {
      downhillMap(api);
      await pause();
    }
    const maps = [];
    for (let r = 0; r < REPS; r++) {
      await pause();
      maps.push(downhillMap(api));
    }
    const of = (key) => maps.map((m) => m[key]);
    return { ms: median(of("ms")), min: Math.min(...of("ms")), max: Math.max(...of("ms")), reps: of("ms"),
             startMs: median(of("startMs")), longestMs: median(of("longestMs")),
             worstMs: Math.max(...of("longestMs")), slices: maps[0].slices };
  }

  async function main() {
    const engine = new URLSearchParams(location.search).get("engine");
    status.textContent = "engine " + engine;
    const api = await loadEngine(engine);
    for (const name of ["W1", "W2", "W3"]) {
      const response = await fetch("workloads/" + name + ".json");
      api.benchLoad(name, await response.text());
    }
    const downhill = await (await fetch("workloads/downhill.json")).json();
    const cases = [
      { id: "W1", workload: "W1", batched: true },
      { id: "W2", workload: "W2", batched: true },
      { id: "W3", workload: "W3", batched: true },
      { id: "W1 scalar", workload: "W1", batched: false },
      { id: "heatmap", workload: null },
      { id: "downhill", workload: null },
    ];
    const result = { engine, userAgent: navigator.userAgent, cases: {} };
    for (const c of cases) {
      if (engine === "baseline" && c.batched === false) {
        continue; // the baseline has one path only
      }
      await pause();
      const entry = {};
      if (c.workload) {
        entry.loss = api.benchCheck(c.workload, c.batched);
        entry.accuracy = api.benchAccuracy();
        api.benchPrepare(c.workload, c.batched);
        Object.assign(entry, await time((k) => api.benchSteps(k)));
      } else if (c.id === "downhill") {
        // The checksum of one map first (the driver compares it with downhill.json), then the timing.
        api.benchDownhillPrepare(downhill.first, downhill.second, downhill.size);
        downhillMap(api);
        entry.sum = api.benchDownhillSum();
        entry.cells = downhill.reference.cells.map(([row, col]) => api.benchDownhillCell(row, col));
        entry.lineSum = api.benchDownhillLineSum();
        Object.assign(entry, await timeDownhill(api));
      } else {
        api.benchHeatmapPrepare("heatmap");
        Object.assign(entry, await time((k) => api.benchHeatmap(k)));
      }
      result.cases[c.id] = entry;
      log(c.id + ": " + entry.ms.toFixed(4) + " ms" + (c.workload ? " loss " + entry.loss : "")
          + (c.id === "downhill" ? " longest slice " + entry.longestMs.toFixed(3) + " ms" : ""));
    }
    window.benchResult = result;
    log("done");
  }

  main().catch((e) => {
    window.benchError = String(e && e.stack || e);
    log("error: " + window.benchError);
  });
})();
