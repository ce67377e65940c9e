package scratchnet.playground;

import java.util.List;
import scratchnet.playground.session.Comparison;
import scratchnet.playground.session.History;
import scratchnet.playground.session.LossCurve;
import scratchnet.playground.session.Readout;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Hash;
import scratchnet.playground.settings.Settings;
import scratchnet.playground.share.CompareLink;
import scratchnet.playground.share.ModelFile;

/**
 * The door's part for two runs compared ({@link Comparison}): start and stop, Keep B, which run
 * the training controls edit, and what the page shows of run B.
 */
public final class TwoRuns {
    private final Playground door;

    TwoRuns(Playground door) {
        this.door = door;
    }


    /** "Compare": forks run B from this run now; off: back to run A alone. */
    public void compare(boolean on) {
        door.runs.compare(on);
    }

    public boolean comparing() {
        return door.runs.comparing();
    }

    /** "Keep B": ends the comparison with run B as the one run (its settings, weights and step); undoable. */
    public void keepB() {
        if (door.runs.comparing()) {
            door.history.record(History.State.session("keep run B", ModelFile.write(door.session))); // undo brings run A back
            door.runs.keepB();
        }
    }

    /** Which run the training controls edit: B (true) or A; only while comparing. */
    public void editB(boolean b) {
        door.runs.editB(b);
    }

    public boolean editingB() {
        return door.runs.editingB();
    }

    /** The settings the controls show: run B's while they edit B, otherwise A's (a copy). */
    public Settings shownSettings() {
        return door.runs.editingB() ? door.runs.b().session.settings() : door.session.settings();
    }

    /** The comparison as text, cheap to compare every frame: "" for one run, else its link part and the edited run. */
    public String comparisonText() {
        return door.runs.comparing() ? CompareLink.put(new Hash.Writer(), door.session.current(), door.runs.b().session.current())
                + (door.runs.editingB() ? "&edit=b" : "") : "";
    }

    /** The keys where run B's settings differ from A's (none when not comparing). */
    public List<String> differing() {
        return door.runs.comparing() ? Comparison.differing(door.session.current(), door.runs.b().session.current()) : List.of();
    }

    /** E.g. "B: lr 0.1 (A 0.3); optimizer adam (A sgd)"; "" when not comparing. */
    public String comparisonSummary() {
        return door.runs.comparing() ? Comparison.summary(door.session.current(), door.runs.b().session.current()) : "";
    }

    /** Run B's readouts now; each call also records them for B's curve. */
    public Readout readoutB() {
        return door.runs.followedB().readout();
    }

    /** Run B's chart samples, or null when not comparing. */
    public LossCurve curveB() {
        return door.runs.comparing() ? door.runs.b().curve : null;
    }

    /** Run B's heat map, as {@link Picture#heatMap}. */
    public void heatMapB(int side, int[] pixels) {
        door.picture().heatMap(door.runs.followedB().session, side, pixels);
    }

    /** Run B's session, for tests that compare the page with the JVM. */
    public Session sessionB() {
        return door.runs.comparing() ? door.runs.b().session : null;
    }
}
