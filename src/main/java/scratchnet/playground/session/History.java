package scratchnet.playground.session;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Undo and redo for every change to the data: points added, removed, cleared, painted or erased
 * (the hand edits before the change), and imports, links opened and new data settings (the whole
 * session before the change, as a model file). At most {@link #LIMIT} steps back.
 */
public final class History {
    static final int LIMIT = 100;

    /** One state to go back (or forward) to: hand edits on the same base data, or a whole session. */
    public static final class State {
        public final String what;
        public final PointEdits edits; // null for a whole session
        public final String file;      // null for edits

        private State(String what, PointEdits edits, String file) {
            this.what = what;
            this.edits = edits;
            this.file = file;
        }

        public static State edits(String what, PointEdits edits) {
            return new State(what, edits, null);
        }

        public static State session(String what, String file) {
            return new State(what, null, file);
        }
    }

    private final Deque<State> undo = new ArrayDeque<>();
    private final Deque<State> redo = new ArrayDeque<>();

    /** A change is about to be made; {@code before} is what undoing it restores. Clears what could be redone. */
    public void record(State before) {
        undo.push(before);
        while (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
    }

    /** The state to restore to undo the last change, after saving {@code now} for redo; null if there is none. */
    public State undo(java.util.function.Function<State, State> now) {
        if (undo.isEmpty()) {
            return null;
        }
        State back = undo.pop();
        redo.push(now.apply(back));
        return back;
    }

    /** The state to restore to redo the last undone change, after saving {@code now} for undo; null if none. */
    public State redo(java.util.function.Function<State, State> now) {
        if (redo.isEmpty()) {
            return null;
        }
        State forward = redo.pop();
        undo.push(now.apply(forward));
        return forward;
    }

    /** What undo would undo, or null. */
    public String nextUndo() {
        return undo.isEmpty() ? null : undo.peek().what;
    }

    /** What redo would redo, or null. */
    public String nextRedo() {
        return redo.isEmpty() ? null : redo.peek().what;
    }
}
