package scratchnet.playground;

import java.util.List;

/** What to tell a person after a command: a title and its lines (none: nothing to say). */
public final class Notes {
    public static final String LINK = "Some of the link's settings were not used as given:";
    public static final String SETTING = "Note:";
    public static final String FILE = "About the imported file:";
    public static final String CSV = "About the imported points:";
    public static final String RESTORED = "Welcome back:";

    public final String title;
    public final List<String> lines;

    Notes(String title, List<String> lines) {
        this.title = title;
        this.lines = List.copyOf(lines);
    }

    /** These notes and one line more. */
    Notes with(String line) {
        List<String> more = new java.util.ArrayList<>(lines);
        more.add(line);
        return new Notes(title, more);
    }
}
