package scratchnet.playground.picture;

/** What a press (and drag) on the picture does. */
public enum Tool {
    INSPECT("inspect"), ADD("add"), REMOVE("remove"), BRUSH("brush"), ERASE("erase");

    /** The page's name for it. */
    public final String label;

    Tool(String label) {
        this.label = label;
    }

    /** The tool named {@code label}; unknown ones mean inspect. */
    public static Tool byLabel(String label) {
        for (Tool t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        return INSPECT;
    }
}
