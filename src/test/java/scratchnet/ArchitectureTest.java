package scratchnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house's floors, read from the source files: an import never runs back up. The page
 * ({@code web}) reaches the core only through {@code playground}; the core never imports the
 * playground, the page or TeaVM, and each core floor names only those below it ({@code engine},
 * {@code data} and {@code io} none); nothing but {@code web} imports TeaVM.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src", "main", "java", "scratchnet");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> CORE = List.of("engine", "nn", "data", "train", "io");

    /** Every {@code scratchnet.*} or {@code org.teavm.*} import of every main source file: "pkg file -> import". */
    private static List<String[]> imports() throws IOException {
        List<String[]> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String pkg = MAIN.relativize(file.getParent()).toString().replace('\\', '/');
                Matcher m = IMPORT.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    found.add(new String[] {pkg, MAIN.relativize(file).toString(), m.group(1)});
                }
            }
        }
        return found;
    }

    private static List<String> violations(java.util.function.Predicate<String[]> bad) throws IOException {
        List<String> out = new ArrayList<>();
        for (String[] i : imports()) {
            if (bad.test(i)) {
                out.add(i[1] + " imports " + i[2]);
            }
        }
        return out;
    }

    @Test
    void thePageReachesTheCoreOnlyThroughThePlayground() throws IOException {
        List<String> wrong = violations(i -> (i[0].equals("web") || i[0].startsWith("web/"))
                && i[2].startsWith("scratchnet.") && !i[2].startsWith("scratchnet.playground.")
                && !i[2].startsWith("scratchnet.web."));
        assertEquals(List.of(), wrong, "web may import only scratchnet.playground (and itself)");
    }

    @Test
    void theCoreImportsNeitherThePlaygroundNorThePage() throws IOException {
        List<String> wrong = violations(i -> CORE.contains(i[0])
                && (i[2].startsWith("scratchnet.playground.") || i[2].startsWith("scratchnet.web.")));
        assertEquals(List.of(), wrong);
    }

    /** What each core floor may name, besides itself: the floors below it. */
    private static final Map<String, List<String>> CORE_FLOORS = Map.of(
            "engine", List.of(),
            "data", List.of(),
            "io", List.of(),
            "nn", List.of("engine", "data"),
            "train", List.of("engine", "nn", "data", "io"));
    private static final Pattern NAMED = Pattern.compile("\\bscratchnet\\.([a-z]+)\\.");

    @Test
    void eachCoreFloorNamesOnlyTheFloorsBelowIt() throws IOException {
        // Imports and fully qualified names alike (scratchnet.io.Format.number(...) without an import).
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<String>> floor : CORE_FLOORS.entrySet()) {
            try (Stream<Path> files = Files.list(MAIN.resolve(floor.getKey()))) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                    String text = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("package [\\w.]+;", "");
                    Matcher m = NAMED.matcher(text);
                    while (m.find()) {
                        String named = m.group(1);
                        if (!named.equals(floor.getKey()) && !floor.getValue().contains(named)) {
                            wrong.add(MAIN.relativize(file) + " names scratchnet." + named);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(CORE.stream().sorted().toList(), CORE_FLOORS.keySet().stream().sorted().toList(), "every core floor has its rule");
    }

    @Test
    void thePlaygroundNeverReachesThePage() throws IOException {
        assertEquals(List.of(), violations(i -> i[0].equals("playground") && i[2].startsWith("scratchnet.web.")));
    }

    @Test
    void onlyThePageImportsTeaVM() throws IOException {
        List<String> wrong = violations(i -> !(i[0].equals("web") || i[0].startsWith("web/"))
                && i[2].startsWith("org.teavm."));
        assertEquals(List.of(), wrong);
    }

    @Test
    void theCheckSeesTheSources() throws IOException {
        // A test that read nothing would pass whatever the code did.
        List<String[]> all = imports();
        assertTrue(all.stream().anyMatch(i -> i[0].equals("web") && i[2].startsWith("scratchnet.playground.")));
        assertTrue(all.stream().anyMatch(i -> i[0].equals("web/inspector") && i[2].startsWith("org.teavm.")));
        assertTrue(all.stream().anyMatch(i -> i[0].equals("nn") && i[2].startsWith("scratchnet.engine.")));
    }
}
