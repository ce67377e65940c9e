package scratchnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import scratchnet.io.Json;
import scratchnet.tools.StaticServer;

/**
 * The whole benchmark in one run (scripts/bench): JVM cases through JMH, then the TeaVM JS build,
 * the TeaVM Wasm GC build and the hand-written JS baseline in one headless Chromium. Every target
 * first reproduces the workloads' reference results; any mismatch fails the run. Prints a table of
 * ms per step (heat map: ms per frame) with the ratio to the baseline and whether W3's goal is met
 * (the faster TeaVM build at most half the baseline's time), then the downhill case's own table
 * (downhill.json: ms per whole map, the longest slice against the frame budget, the slices), and
 * writes the same figures to target/bench/results.json.
 *
 * <p>Arguments: {@code --site DIR} (default target/bench/site), {@code --out FILE}, {@code --no-jvm},
 * {@code --no-browser}. Run from the project folder (scripts/bench does): the workloads are read
 * from src/bench/workloads. System properties {@code scratchnet.chrome} and
 * {@code scratchnet.chromedriver} override /usr/bin/chromium and /usr/bin/chromedriver.
 */
public final class Bench {
    /** The cases of the main table: ms per training step, or per heat-map frame. */
    static final String[] CASES = {"W1", "W2", "W3", "W1 scalar", "heatmap"};
    /** The downhill case, in a table of its own: ms per whole map, and per slice. */
    static final String DOWNHILL = "downhill";
    /** The page's frame budget that no slice of the downhill map may exceed (issue 21). */
    static final double FRAME_BUDGET_MS = 20;
    /** Whole downhill maps timed on the JVM after the warm-up, as bench.js's REPS. */
    static final int DOWNHILL_REPS = 9;
    static final String[] TARGETS = {"jvm", "js", "wasm", "baseline"};
    static final Map<String, String> TARGET_NAMES = Map.of(
            "jvm", "JVM (JMH)", "js", "TeaVM JS", "wasm", "TeaVM Wasm GC", "baseline", "JS baseline");
    private static final Duration PAGE_TIMEOUT = Duration.ofMinutes(5);

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        Path site = Path.of(option(a, "--site", "target/bench/site"));
        Path out = Path.of(option(a, "--out", "target/bench/results.json"));
        List<String> failures = new ArrayList<>();
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();

        if (!a.contains("--no-jvm")) {
            results.put("jvm", jvm(failures));
        }
        String userAgent = "";
        if (!a.contains("--no-browser")) {
            Map<String, Map<String, Object>> browser = browser(site, failures);
            for (Map.Entry<String, Map<String, Object>> e : browser.entrySet()) {
                userAgent = String.valueOf(e.getValue().remove("userAgent"));
                results.put(e.getKey(), e.getValue());
            }
        }

        String table = table(results);
        System.out.println();
        System.out.print(table);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("unit", "ms per training step (heatmap: ms per 100x100 frame; downhill: ms per whole map, and startMs,"
                + " longestMs per slice); median of timed repetitions after warm-up");
        json.put("machine", machine(userAgent));
        json.put("when", Instant.now().toString());
        json.put("results", results);
        json.put("ratioToBaseline", ratios(results));
        json.put("w3Goal", w3Goal(results));
        json.put("downhillFrameBudget", frameBudget(results));
        json.put("failures", failures);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Json.write(json) + "\n");
        System.out.println("wrote " + out);

        if (!failures.isEmpty()) {
            System.err.println();
            System.err.println("BENCHMARK FAILED: " + failures.size() + " check(s) did not match the reference:");
            failures.forEach(f -> System.err.println("  " + f));
            System.exit(1);
        }
    }

    // ---- JVM: reference checks, then JMH ----

    @SuppressWarnings("unchecked")
    static Map<String, Object> jvm(List<String> failures) throws Exception {
        Map<String, Object> cases = new LinkedHashMap<>();
        Map<String, Workload> workloads = workloads();
        Map<String, double[]> checks = new LinkedHashMap<>();
        checks.put("W1", workloads.get("W1").train(true));
        checks.put("W2", workloads.get("W2").train(true));
        checks.put("W3", workloads.get("W3").train(true));
        checks.put("W1 scalar", workloads.get("W1").train(false));
        for (Map.Entry<String, double[]> c : checks.entrySet()) {
            check("jvm", c.getKey(), workloadOf(workloads, c.getKey()), c.getValue()[0], c.getValue()[1], failures);
        }
        DownhillCase downhill = JvmBenchmarks.downhillCase();
        DownhillMap map = new DownhillMap(workloads.get(downhill.workload).trained(true), downhill.first, downhill.second,
                downhill.size);
        map.run();
        Map<String, Object> downhillChecksum = checksum(map, downhill);
        checkDownhill("jvm", downhill, downhillChecksum, failures);

        Collection<RunResult> runs = new Runner(new OptionsBuilder()
                .include(JvmBenchmarks.class.getName() + "\\.")
                .build()).run();
        Map<String, String> names = Map.of("w1", "W1", "w2", "W2", "w3", "W3", "w1Scalar", "W1 scalar", "heatmap", "heatmap",
                "downhill", DOWNHILL);
        for (String id : everyCase()) {
            for (RunResult run : runs) {
                String method = run.getParams().getBenchmark();
                method = method.substring(method.lastIndexOf('.') + 1);
                if (!id.equals(names.get(method))) {
                    continue;
                }
                List<Double> reps = new ArrayList<>();
                for (BenchmarkResult br : run.getBenchmarkResults()) {
                    for (IterationResult it : br.getIterationResults()) {
                        reps.add(it.getPrimaryResult().getScore());
                    }
                }
                Map<String, Object> entry = summary(reps);
                double[] check = checks.get(id);
                if (check != null) {
                    entry.put("loss", check[0]);
                    entry.put("accuracy", check[1]);
                }
                cases.put(id, entry);
            }
        }
        // JMH timed the whole map; its slices are timed here, in this JVM, as bench.js times them.
        System.out.println("jvm: timing the downhill map's slices ...");
        Map<String, Object> slices = downhillSlices(map);
        Map<String, Object> entry = (Map<String, Object>) cases.computeIfAbsent(DOWNHILL, k -> new LinkedHashMap<>());
        entry.put("loopMs", slices.remove("ms"));
        entry.putAll(slices);
        entry.putAll(downhillChecksum);
        return cases;
    }

    /**
     * The downhill map's slices timed one by one, as bench.js does in the browser: whole maps for
     * 2 s of warm-up, then {@link #DOWNHILL_REPS} maps, each {@code start()} and {@code advance()}
     * timed on its own (a slice each, as each is a frame's share on the page). ms: the median whole
     * map; startMs: the median start; longestMs: the median over the maps of each map's longest
     * slice; worstMs: the longest slice of any map; slices: start and advances, per map.
     */
    static Map<String, Object> downhillSlices(DownhillMap map) {
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            map.run();
        }
        List<Double> whole = new ArrayList<>(), start = new ArrayList<>(), longest = new ArrayList<>();
        int slices = 0;
        for (int r = 0; r < DOWNHILL_REPS; r++) {
            long t0 = System.nanoTime();
            map.start();
            long t1 = System.nanoTime();
            double max = (t1 - t0) / 1e6;
            boolean done = false;
            slices = 1;
            while (!done) {
                long a = System.nanoTime();
                done = map.advance();
                max = Math.max(max, (System.nanoTime() - a) / 1e6);
                slices++;
            }
            whole.add((System.nanoTime() - t0) / 1e6);
            start.add((t1 - t0) / 1e6);
            longest.add(max);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("ms", median(whole));
        entry.put("startMs", median(start));
        entry.put("longestMs", median(longest));
        entry.put("worstMs", longest.stream().mapToDouble(Double::doubleValue).max().getAsDouble());
        entry.put("slices", slices);
        return entry;
    }

    /** The map's checksum, with the keys bench.js uses: sum, cells (the case's named cells, in order), lineSum. */
    static Map<String, Object> checksum(DownhillMap map, DownhillCase c) {
        Map<String, Object> sum = new LinkedHashMap<>();
        sum.put("sum", map.sum());
        List<Double> cells = new ArrayList<>();
        for (int[] cell : c.cells) {
            cells.add(map.cell(cell[0], cell[1]));
        }
        sum.put("cells", cells);
        sum.put("lineSum", map.lineSum());
        return sum;
    }

    static void checkDownhill(String target, DownhillCase c, Map<String, Object> entry, List<String> failures) {
        double sum = number(entry.get("sum")), lineSum = number(entry.get("lineSum"));
        List<?> got = entry.get("cells") instanceof List ? (List<?>) entry.get("cells") : List.of();
        double[] cells = new double[got.size()];
        for (int k = 0; k < cells.length; k++) {
            cells[k] = number(got.get(k));
        }
        String mismatch = c.mismatch(sum, cells, lineSum);
        if (mismatch != null) {
            failures.add(target + " " + DOWNHILL + ": " + mismatch);
        }
        System.out.printf("check %-8s %-9s sum %.10f line %.10f cells %s  %s%n", target, DOWNHILL, sum, lineSum,
                Arrays.toString(cells), mismatch == null ? "ok" : "MISMATCH");
    }

    private static double number(Object o) {
        return o instanceof Number ? ((Number) o).doubleValue() : Double.NaN;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        return sorted.get(sorted.size() / 2);
    }

    /** The main table's cases, then the downhill case. */
    static List<String> everyCase() {
        List<String> ids = new ArrayList<>(Arrays.asList(CASES));
        ids.add(DOWNHILL);
        return ids;
    }

    /** Every workload, by name, read from src/bench/workloads. */
    static Map<String, Workload> workloads() {
        Map<String, Workload> workloads = new LinkedHashMap<>();
        for (String name : new String[] {"W1", "W2", "W3"}) {
            workloads.put(name, JvmBenchmarks.workload(name));
        }
        return workloads;
    }

    /** The workload a case trains: "W1 scalar" trains W1. */
    static Workload workloadOf(Map<String, Workload> workloads, String id) {
        return workloads.get(id.split(" ")[0]);
    }

    static Map<String, Object> summary(List<Double> reps) {
        List<Double> sorted = new ArrayList<>(reps);
        sorted.sort(Comparator.naturalOrder());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("ms", sorted.get(sorted.size() / 2));
        entry.put("min", sorted.get(0));
        entry.put("max", sorted.get(sorted.size() - 1));
        entry.put("reps", reps);
        return entry;
    }

    static void check(String target, String id, Workload w, double loss, double accuracy, List<String> failures) {
        String mismatch = w.mismatch(new double[] {loss, accuracy});
        if (mismatch != null) {
            failures.add(target + " " + id + ": " + mismatch);
        }
        System.out.printf("check %-8s %-9s loss %.8f accuracy %.4f  %s%n", target, id, loss, accuracy,
                mismatch == null ? "ok" : "MISMATCH");
    }

    // ---- browser: every engine on bench.html in one headless Chromium ----

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> browser(Path site, List<String> failures) throws Exception {
        for (String f : new String[] {"bench.html", "js/bench.js", "wasm/bench.wasm", "workloads/W1.json"}) {
            if (!Files.isRegularFile(site.resolve(f))) {
                throw new IllegalStateException("no " + site.resolve(f) + ": build with `mvn -Pbench process-classes` (scripts/bench does)");
            }
        }
        Map<String, Workload> workloads = workloads();
        DownhillCase downhill = JvmBenchmarks.downhillCase();
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        Path profile = Files.createTempDirectory("scratchnet-bench-chrome-");
        ChromeDriver driver = null;
        try (StaticServer server = StaticServer.start(site, 0)) {
            driver = chromium(profile);
            for (String engine : new String[] {"js", "wasm", "baseline"}) {
                System.out.println("browser: running " + engine + " ...");
                driver.get(server.uri() + "bench.html?engine=" + engine);
                Instant deadline = Instant.now().plus(PAGE_TIMEOUT);
                Object result = null;
                while (Instant.now().isBefore(deadline)) {
                    Object error = ((JavascriptExecutor) driver).executeScript("return window.benchError || null");
                    if (error != null) {
                        throw new IllegalStateException(engine + " failed in the browser: " + error);
                    }
                    result = ((JavascriptExecutor) driver).executeScript("return window.benchResult || null");
                    if (result != null) {
                        break;
                    }
                    Thread.sleep(500);
                }
                if (result == null) {
                    throw new IllegalStateException(engine + ": no result within " + PAGE_TIMEOUT);
                }
                Map<String, Object> r = (Map<String, Object>) result;
                Map<String, Object> cases = new LinkedHashMap<>((Map<String, Object>) r.get("cases"));
                for (Map.Entry<String, Object> c : cases.entrySet()) {
                    Map<String, Object> entry = (Map<String, Object>) c.getValue();
                    if (c.getKey().equals(DOWNHILL)) {
                        checkDownhill(engine, downhill, entry, failures);
                    } else if (entry.containsKey("loss")) {
                        check(engine, c.getKey(), workloadOf(workloads, c.getKey()), ((Number) entry.get("loss")).doubleValue(),
                                ((Number) entry.get("accuracy")).doubleValue(), failures);
                    }
                }
                cases.put("userAgent", r.get("userAgent"));
                results.put(engine, cases);
            }
        } finally {
            if (driver != null) {
                driver.quit();
            }
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
        return results;
    }

    /**
     * Headless Chromium with the flags that work on these machines (as root, with no network) and
     * {@code profile} as a fresh user-data folder. Explicit browser and driver paths keep Selenium
     * Manager from going online.
     */
    static ChromeDriver chromium(Path profile) {
        Path chrome = Path.of(System.getProperty("scratchnet.chrome", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("scratchnet.chromedriver", "/usr/bin/chromedriver"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chrome.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=800,600", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    // ---- report ----

    static double ms(Map<String, Map<String, Object>> results, String target, String id) {
        Map<String, Object> cases = results.get(target);
        Object entry = cases == null ? null : cases.get(id);
        if (!(entry instanceof Map)) {
            return Double.NaN;
        }
        return ((Number) ((Map<?, ?>) entry).get("ms")).doubleValue();
    }

    /** The baseline figure a case is compared with: the baseline's own, W1's for the scalar path. */
    static double baseline(Map<String, Map<String, Object>> results, String id) {
        return ms(results, "baseline", id.equals("W1 scalar") ? "W1" : id);
    }

    static Map<String, Object> ratios(Map<String, Map<String, Object>> results) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (String target : results.keySet()) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (String id : everyCase()) {
                double ratio = ms(results, target, id) / baseline(results, id);
                if (Double.isFinite(ratio)) {
                    r.put(id, ratio);
                }
            }
            ratios.put(target, r);
        }
        return ratios;
    }

    static String table(Map<String, Map<String, Object>> results) {
        StringBuilder s = new StringBuilder();
        s.append("ms per step (heatmap: per 100x100 frame), median; (×N) = time / JS baseline's time\n");
        s.append(String.format("%-10s", "case"));
        for (String t : TARGETS) {
            s.append(String.format(" | %-22s", TARGET_NAMES.get(t)));
        }
        s.append('\n');
        for (String id : CASES) {
            s.append(String.format("%-10s", id));
            for (String t : TARGETS) {
                double ms = ms(results, t, id);
                double ratio = ms / baseline(results, id);
                String cell = Double.isNaN(ms) ? "-" : String.format("%.4g", ms)
                        + (Double.isFinite(ratio) ? String.format(" (×%.2f)", ratio) : "");
                s.append(String.format(" | %-22s", cell));
            }
            s.append('\n');
        }
        s.append("W1 scalar is compared with the baseline's W1 (the baseline has no scalar path).\n");
        Map<String, Object> goal = w3Goal(results);
        if (goal != null) {
            s.append(String.format("W3 goal, the best TeaVM build at most 1/2 of the baseline's time: %s ×%.2f, %s%n",
                    TARGET_NAMES.get((String) goal.get("target")), (Double) goal.get("ratio"),
                    (Boolean) goal.get("met") ? "met" : "NOT met"));
        }
        s.append('\n').append(downhillTable(results));
        return s.toString();
    }

    /** The downhill case's own table: ms per whole map, the start and the longest slice, the slices. */
    static String downhillTable(Map<String, Map<String, Object>> results) {
        StringBuilder s = new StringBuilder();
        s.append("downhill: W1 trained, 41x41 loss map of parameters 0 and 1 + 61 samples along -g, in slices as the\n")
                .append("page takes them (one per frame); median of 9 whole maps (JVM: whole map by JMH, slices by the\n")
                .append("same loop as the browser's); (×N) = time / JS baseline's time\n");
        String row = "%-22s | %-18s | %-16s | %-10s | %-11s | %s%n";
        s.append(String.format(row, "target", "ms per whole map", "longest slice ms", "worst seen", "start ms", "slices"));
        for (String t : TARGETS) {
            double ms = ms(results, t, DOWNHILL);
            if (Double.isNaN(ms)) {
                continue;
            }
            double ratio = ms / baseline(results, DOWNHILL);
            s.append(String.format(row, TARGET_NAMES.get(t),
                    String.format("%.4g", ms) + (Double.isFinite(ratio) ? String.format(" (×%.2f)", ratio) : ""),
                    String.format("%.3g", field(results, t, "longestMs")), String.format("%.3g", field(results, t, "worstMs")),
                    String.format("%.3g", field(results, t, "startMs")),
                    String.format("%.0f", field(results, t, "slices"))));
        }
        s.append("a slice: the start (Landscape.of: a copy, one backward pass, one loss; the two sweeps made) or one\n")
                .append("advance(); longest slice: the median over the maps of each map's longest; worst seen: of any map.\n");
        Map<String, Object> budget = frameBudget(results);
        if (budget != null) {
            s.append(String.format("frame budget %.0f ms: the worst slice seen in the page's engines %.3g ms (%s), %s%n",
                    FRAME_BUDGET_MS, (Double) budget.get("worstMs"), TARGET_NAMES.get((String) budget.get("target")),
                    (Boolean) budget.get("met") ? "within it in both of the page's engines" : "OVER it"));
        }
        return s.toString();
    }

    /** A number of a target's downhill entry; NaN if absent. */
    static double field(Map<String, Map<String, Object>> results, String target, String key) {
        Map<String, Object> cases = results.get(target);
        Object entry = cases == null ? null : cases.get(DOWNHILL);
        return entry instanceof Map ? number(((Map<?, ?>) entry).get(key)) : Double.NaN;
    }

    /**
     * Whether every downhill slice seen (start or advance()) in the page's two engines, TeaVM JS and
     * Wasm GC, is within the frame budget; null without browser figures.
     */
    static Map<String, Object> frameBudget(Map<String, Map<String, Object>> results) {
        String worstTarget = null;
        double worst = Double.NaN;
        for (String t : new String[] {"js", "wasm"}) {
            double w = field(results, t, "worstMs");
            if (Double.isFinite(w) && !(w <= worst)) {
                worst = w;
                worstTarget = t;
            }
        }
        if (worstTarget == null) {
            return null;
        }
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("budgetMs", FRAME_BUDGET_MS);
        budget.put("worstMs", worst);
        budget.put("target", worstTarget);
        budget.put("met", worst <= FRAME_BUDGET_MS);
        return budget;
    }

    /** W3's goal: the faster TeaVM build takes at most half the baseline's time in the same run; null without browser figures. */
    static Map<String, Object> w3Goal(Map<String, Map<String, Object>> results) {
        String best = null;
        for (String target : new String[] {"js", "wasm"}) {
            double ms = ms(results, target, "W3");
            if (Double.isFinite(ms) && (best == null || ms < ms(results, best, "W3"))) {
                best = target;
            }
        }
        double ratio = best == null ? Double.NaN : ms(results, best, "W3") / baseline(results, "W3");
        if (!Double.isFinite(ratio)) {
            return null;
        }
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("target", best);
        goal.put("ratio", ratio);
        goal.put("met", ratio <= 0.5);
        return goal;
    }

    static Map<String, Object> machine(String userAgent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        String cpu = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException e) {
            cpu = "unknown";
        }
        m.put("cpu", cpu);
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("browser", userAgent);
        return m;
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }
}
