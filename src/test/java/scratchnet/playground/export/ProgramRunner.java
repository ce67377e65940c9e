package scratchnet.playground.export;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * One JVM that compiles and runs many exported Java files, for {@link CodeExportTest}: each file
 * would otherwise take a {@code java Model.java} process of its own, a second and more apiece.
 * It reads requests from stdin, one a line, "compile FILE OUT" or "run FILE OUT": it compiles FILE
 * as {@code javac --release 11} would (each into a directory of its own, so that every file may
 * name its classes Model, Value, ...), for "run" calls the {@code main} of the class the file is
 * named after, in a class loader of its own, with System.out and System.err going to the file OUT,
 * and answers with the exit status on a line of stdout: 0, or 1 for a compile error or an
 * exception thrown from main. A program that calls {@code System.exit} ends this JVM with its
 * status, as it would end its own; the caller starts another. Only the JDK: started from
 * test-classes, it loads nothing else.
 */
public final class ProgramRunner {
    private ProgramRunner() {
    }

    public static void main(String[] args) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        PrintStream answer = System.out;
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = requests.readLine()) != null; ) {
            String[] request = line.split(" ", 3);
            Path file = Path.of(request[1]);
            int exit;
            try (PrintStream out = new PrintStream(new FileOutputStream(request[2]), true, StandardCharsets.UTF_8)) {
                System.setOut(out);
                System.setErr(out);
                try {
                    exit = run(javac, file, request[0].equals("run"), out);
                } finally {
                    System.setOut(answer);
                    System.setErr(answer);
                }
            }
            answer.println(exit);
            answer.flush();
        }
    }

    private static int run(JavaCompiler javac, Path file, boolean run, PrintStream out) throws Exception {
        Path classes = Files.createTempDirectory(file.toAbsolutePath().getParent(), "classes");
        StringWriter errors = new StringWriter();
        List<String> options = List.of("--release", "11", "-d", classes.toString(), "-Xlint:none");
        boolean compiled = javac.getTask(new PrintWriter(errors), null, null, options, null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file)).call();
        out.print(errors);
        if (!compiled) {
            out.println("error: compilation failed");
            return 1;
        }
        if (!run) {
            return 0;
        }
        String name = file.getFileName().toString().replaceFirst("\\.java$", "");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            loader.loadClass(name).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
            return 0;
        } catch (InvocationTargetException e) {
            out.print("Exception in thread \"main\" ");
            e.getCause().printStackTrace(out);
            return 1;
        }
    }
}
