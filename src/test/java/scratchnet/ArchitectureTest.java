package scratchnet;

import scratchnet.playground.session.Runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house's floors and the playground's rooms, read from the sources: a name never runs back up.
 *
 * <p>The rules, as the README's Layout states them ({@link #RULES} is the one table both read):
 * <ul>
 *   <li>Core floors: {@code engine} names nothing of scratchnet but itself; {@code data} and {@code io}
 *       nothing; {@code nn} names {@code engine} and {@code data} (and may name {@code io}); {@code train}
 *       names {@code engine}, {@code nn}, {@code data} and {@code io}. The core never names the
 *       playground, {@code web}, {@code tools} or TeaVM.
 *   <li>Playground rooms: {@code settings} and {@code picture} name only the core; {@code session}
 *       names {@code settings}, {@code picture} and the core; {@code share}, {@code export} and
 *       {@code inspect} name {@code session}, {@code settings}, {@code picture} and the core, not each
 *       other. The door, the root package {@code scratchnet.playground} ({@code Playground}), names
 *       every room and the core; no room names the door's package.
 *   <li>{@code web} (with {@code web.inspector}) names only the door's package and a fixed list of the
 *       rooms' value types it paints ({@link #WEB_PAINTS}: adding one is a visible decision).
 *   <li>Only {@code web} names {@code org.teavm}; {@code tools} (StaticServer) names nothing of scratchnet.
 * </ul>
 *
 * <p>"Names" means an import (static ones too) or a fully qualified name in code
 * ({@code scratchnet.io.Format.number(...)} without an import), read after comments and string,
 * character and text-block literals are blanked. A Javadoc {@code {@link scratchnet.x.Y}} or
 * {@code @see} is therefore not a dependency: it does not reach the class files. A simple name needs
 * no check: Java resolves one only within its own package or through an import. Test sources may
 * reach anything and are not read.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src", "main", "java", "scratchnet");
    private static final Path README = Path.of("README.md");

    /**
     * Each main package below {@code scratchnet} and what it may name besides itself: {@code core} is
     * engine, data, io, nn and train; {@code paints} is {@link #WEB_PAINTS}; {@code nothing} is nothing.
     * The README's Layout holds these lines as they are (spacing aside).
     */
    static final String RULES = """
            engine               nothing
            data                 nothing
            io                   nothing
            nn                   engine data io
            train                engine nn data io
            playground.settings  core
            playground.picture   core
            playground.session   playground.settings playground.picture core
            playground.share     playground.session playground.settings playground.picture core
            playground.export    playground.session playground.settings playground.picture core
            playground.inspect   playground.session playground.settings playground.picture core
            playground           playground.settings playground.picture playground.session playground.share playground.export playground.inspect core
            web                  playground web.inspector paints org.teavm
            web.inspector        playground web paints org.teavm
            tools                nothing
            """;
    private static final List<String> CORE = List.of("engine", "data", "io", "nn", "train");

    /** The rooms' types {@code web} may name, because it paints them; the rest it gets through the door. */
    static final Set<String> WEB_PAINTS = Set.of(
            "scratchnet.playground.inspect.CheckRun",
            "scratchnet.playground.inspect.ComputationGraph",
            "scratchnet.playground.inspect.Diagram",
            "scratchnet.playground.inspect.Downhill", // the downhill view's map, arrows, path and line
            "scratchnet.playground.inspect.HealthReport", // the health view's layers, findings and charts
            "scratchnet.playground.inspect.Inspector", // the inspector panel's commands and state
            "scratchnet.playground.inspect.Moves", // its nudge and the update's largest move
            "scratchnet.playground.inspect.NetworkPlane", // the downhill view's whole-network planes
            "scratchnet.playground.inspect.NeuronView",
            "scratchnet.playground.inspect.NudgeView",
            "scratchnet.playground.inspect.RedrawPolicy",
            "scratchnet.playground.inspect.WarpMap", // the warp view's state, landing and words
            "scratchnet.playground.inspect.WarpPicture", // and one layer's picture
            "scratchnet.playground.picture.HeatMap",
            "scratchnet.playground.picture.Marks",
            "scratchnet.playground.picture.Thumbnails",
            "scratchnet.playground.picture.Tool",
            "scratchnet.playground.picture.View",
            "scratchnet.playground.session.DatasetPictures",
            "scratchnet.playground.session.LossCurve",
            "scratchnet.playground.session.Readout",
            "scratchnet.playground.settings.Setting",
            "scratchnet.playground.settings.Settings");

    /** {@link #RULES} as data: package → the names it may use ("engine", "playground.session", "paints", "org.teavm"). */
    static Map<String, Set<String>> rules() {
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        for (String line : RULES.strip().split("\n")) {
            String[] words = line.trim().split("\\s+");
            Set<String> may = new TreeSet<>();
            for (String w : Arrays.asList(words).subList(1, words.length)) {
                if (w.equals("core")) {
                    may.addAll(CORE);
                } else if (!w.equals("nothing")) {
                    may.add(w);
                }
            }
            rules.put(words[0], may);
        }
        return rules;
    }

    /** One name a source file uses: its package (below scratchnet, dotted), and the named package and class. */
    record Ref(String from, String file, int line, String pkg, String type, boolean imported) {
        String named() {
            return pkg.equals("org.teavm") ? "org.teavm" : "scratchnet" + (pkg.isEmpty() ? "" : "." + pkg) + (type == null ? "" : "." + type);
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + (imported ? "imports " : "names ") + named();
        }
    }

    // A package is its lower-case segments; the first capitalised segment is the class (nested names after it are its own).
    private static final Pattern NAME = Pattern.compile(
            "(?<![\\w.$])(?:scratchnet((?:\\s*\\.\\s*[a-z_][\\w]*)*)(?:\\s*\\.\\s*([A-Z][\\w$]*))?|org\\s*\\.\\s*teavm\\b)");

    /** Every scratchnet and org.teavm name in one source text, after its comments and literals are blanked. */
    static List<Ref> names(String from, String file, String source) {
        String code = code(source).replaceFirst("\\bpackage\\s+[\\w.\\s]+;", "");
        List<Ref> refs = new ArrayList<>();
        Matcher m = NAME.matcher(code);
        while (m.find()) {
            int line = 1 + (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            int lineStart = code.lastIndexOf('\n', m.start()) + 1;
            boolean imported = code.substring(lineStart, m.start()).trim().matches("import(\\s+static)?");
            if (m.group().startsWith("org")) {
                refs.add(new Ref(from, file, line, "org.teavm", null, imported));
            } else {
                String pkg = m.group(1).replaceAll("\\s", "");
                refs.add(new Ref(from, file, line, pkg.isEmpty() ? "" : pkg.substring(1), m.group(2), imported));
            }
        }
        return refs;
    }

    /** The source with comments and string, char and text-block literals blanked (line breaks kept, so lines still count). */
    static String code(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            int end;
            if (s.startsWith("//", i)) {
                end = s.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (s.startsWith("/*", i)) {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                int j = i + 3;
                while (j < n && !s.startsWith("\"\"\"", j)) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                end = Math.min(n, j + 3);
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                char quote = s.charAt(i);
                int j = i + 1;
                while (j < n && s.charAt(j) != quote && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                end = Math.min(n, j + 1);
            } else {
                out.append(s.charAt(i++));
                continue;
            }
            for (; i < end; i++) {
                out.append(s.charAt(i) == '\n' ? '\n' : ' ');
            }
        }
        return out.toString();
    }

    /** Main package (below scratchnet, dotted) → its source files, each once. */
    private static Map<String, List<Path>> packages() throws IOException {
        Map<String, List<Path>> packages = new TreeMap<>();
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory).filter(d -> !d.equals(MAIN))::iterator) {
                try (Stream<Path> files = Files.list(dir)) {
                    packages.put(MAIN.relativize(dir).toString().replace('\\', '/').replace('/', '.'),
                            files.filter(f -> f.toString().endsWith(".java")).sorted().toList());
                }
            }
        }
        return packages;
    }

    private static List<Ref> allNames() throws IOException {
        List<Ref> refs = new ArrayList<>();
        for (Map.Entry<String, List<Path>> p : packages().entrySet()) {
            for (Path file : p.getValue()) {
                String name = MAIN.relativize(file).toString().replace('\\', '/');
                refs.addAll(names(p.getKey(), name, Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return refs;
    }

    /** Why a name breaks its package's rule, or null when the rule allows it. */
    private static String broken(Ref r, Map<String, Set<String>> rules) {
        Set<String> may = rules.getOrDefault(r.from(), Set.of());
        if (r.pkg().equals(r.from()) || may.contains(r.pkg())) {
            return null;
        }
        if (may.contains("paints") && r.type() != null && WEB_PAINTS.contains(r.named())) {
            return null;
        }
        return "rule: " + RULES.lines().map(String::trim).filter(l -> l.startsWith(r.from() + " ")).findFirst()
                .orElse(r.from() + " has no rule").replaceAll("\\s+", " ");
    }

    @Test
    void eachPackageNamesOnlyWhatItsRuleAllows() throws IOException {
        Map<String, Set<String>> rules = rules();
        List<String> wrong = new ArrayList<>();
        for (Ref r : allNames()) {
            String why = broken(r, rules);
            if (why != null) {
                wrong.add(r + "  (" + why + ")");
            }
        }
        assertNone(wrong, "names that run the wrong way (imports and fully qualified names)");
    }

    @Test
    void everyPackageHasARule() throws IOException {
        assertEquals(packages().keySet(), new TreeSet<>(rules().keySet()), "RULES lists exactly the packages under " + MAIN);
        Set<String> known = new TreeSet<>(rules().keySet());
        known.addAll(List.of("paints", "org.teavm"));
        for (Map.Entry<String, Set<String>> rule : rules().entrySet()) {
            assertTrue(known.containsAll(rule.getValue()), rule.getKey() + " names an unknown package in RULES: " + rule.getValue());
        }
    }

    @Test
    void everyTypeTheWebMayPaintIsInARoomAndPainted() throws IOException {
        // The list only shrinks: an entry web no longer names is dead and goes.
        Set<String> named = allNames().stream().filter(r -> r.from().startsWith("web") && r.type() != null)
                .map(Ref::named).collect(Collectors.toSet());
        List<String> dead = WEB_PAINTS.stream().filter(t -> !named.contains(t)).sorted().toList();
        assertNone(dead, "WEB_PAINTS entries that web does not name");
        Set<String> rooms = rules().keySet().stream().filter(p -> p.startsWith("playground.")).collect(Collectors.toSet());
        for (String t : WEB_PAINTS) {
            String pkg = t.substring("scratchnet.".length(), t.lastIndexOf('.'));
            assertTrue(rooms.contains(pkg), t + " is not in a room");
        }
    }

    @Test
    void theCheckSeesTheSources() throws IOException {
        // A check that read nothing would pass whatever the code did.
        Map<String, List<Path>> packages = packages();
        for (String pkg : rules().keySet()) {
            assertTrue(packages.getOrDefault(pkg, List.of()).size() >= 1, "no source files read in " + pkg);
        }
        assertTrue(packages.values().stream().mapToInt(List::size).sum() >= 60, "too few source files read");
        List<String> seen = allNames().stream().map(r -> r.from() + " " + (r.imported() ? "imports " : "names ") + r.named()).toList();
        assertTrue(seen.contains("nn imports scratchnet.engine.Value"), "nn's import of Value unseen");
        assertTrue(seen.contains("web imports scratchnet.playground.Playground"), "web's import of Playground unseen");
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("web.inspector imports org.teavm")), "web.inspector's TeaVM import unseen");
    }

    @Test
    void theScannerSeesNamesInCodeNotInCommentsOrLiterals() {
        String source = """
                package scratchnet.playground.session;

                import scratchnet.playground.settings.Settings;
                import static scratchnet.io.Format.number;
                import scratchnet.playground.picture.*;
                import org.teavm.jso.JSBody;

                /** Sees {@link scratchnet.playground.share.Link} and @see scratchnet.web.Page: comments, not names. */
                class Sample { // scratchnet.tools.StaticServer
                    String key = "scratchnet.tour.dismissed";
                    char q = '"';
                    String text = \"""
                            scratchnet.playground.export.Template \\\""" still text
                            \""";
                    double d = scratchnet.playground.Playground.FRAME_BUDGET_MS;
                    java.util.List<scratchnet.engine.Value> v;
                    Object o = scratchnet.playground.share.Link.write(null).x;
                }
                """;
        List<String> found = names("playground.session", "S.java", source).stream().map(Ref::toString).toList();
        assertEquals(List.of(
                "S.java:3 imports scratchnet.playground.settings.Settings",
                "S.java:4 imports scratchnet.io.Format",
                "S.java:5 imports scratchnet.playground.picture",
                "S.java:6 imports org.teavm",
                "S.java:15 names scratchnet.playground.Playground",
                "S.java:16 names scratchnet.engine.Value",
                "S.java:17 names scratchnet.playground.share.Link"), found);
    }

    @Test
    void theReadmeStatesTheRules() throws IOException {
        // Spacing aside, each line of RULES stands in the Layout section as it is here.
        Set<String> layout = layout().lines().map(l -> l.trim().replaceAll("\\s+", " ")).collect(Collectors.toSet());
        List<String> missing = RULES.strip().lines().map(l -> l.trim().replaceAll("\\s+", " "))
                .filter(l -> !layout.contains(l)).toList();
        assertNone(missing, "RULES lines the README's Layout section lacks (its lines, spacing aside, go there as they are)");
    }

    @Test
    void theReadmeLayoutNamesEveryPackage() throws IOException {
        // The tree under src/main/java/scratchnet/: its indented lines up to the next unindented one.
        List<String> tree = new ArrayList<>();
        boolean in = false;
        for (String line : layout().lines().toList()) {
            if (line.equals("src/main/java/scratchnet/")) {
                in = true;
            } else if (in && !line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                break;
            } else if (in) {
                tree.add(line);
            }
        }
        assertTrue(!tree.isEmpty(), "the Layout section has no src/main/java/scratchnet/ tree");
        String text = String.join("\n", tree);
        List<String> missing = new ArrayList<>();
        for (String pkg : packages().keySet()) {
            String dir = pkg.substring(pkg.lastIndexOf('.') + 1) + "/";
            if (!Pattern.compile("(?<![\\w./-])" + Pattern.quote(dir)).matcher(text).find()) {
                missing.add(pkg.replace('.', '/') + " (as " + dir + ")");
            }
        }
        assertNone(missing, "packages the README's Layout tree (under src/main/java/scratchnet/) does not name");
    }

    /** Fails listing what was found, one per line. */
    private static void assertNone(List<String> found, String what) {
        assertTrue(found.isEmpty(), found.size() + " " + what + ":\n  " + String.join("\n  ", found) + "\n");
    }

    /** The README's {@code ## Layout} section, up to the next {@code ## } heading. */
    private static String layout() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?ms)^## Layout\\s*$(.*?)(?=^## |\\z)").matcher(readme);
        assertTrue(m.find(), "README.md has no ## Layout section");
        return m.group(1);
    }
}
