package scratchnet.web;

import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;
import scratchnet.playground.Session;

/**
 * Data by hand: what a click on the picture does ({@code #click-mode}: inspect, add an orange
 * -1 point, add a blue +1 point, remove the nearest point) and {@code #clear-points}, which removes
 * every point so a person can draw a dataset. In "inspect" mode clicks are left to the inspector.
 * The edits go to the {@link Session}; the page is told so it can rewrite the link and repaint.
 */
final class DataEditor {
    /** Told after every edit of the data. */
    interface Listener {
        void pointsEdited();
    }

    // A click removes the nearest point within this many CSS pixels.
    private static final double REMOVE_RADIUS_PX = 12;

    private final HTMLSelectElement mode;
    private final HTMLCanvasElement canvas;
    private final HTMLElement message;
    private final Session session;
    private final Listener listener;

    DataEditor(HTMLDocument document, HTMLCanvasElement canvas, Session session, Listener listener) {
        this.canvas = canvas;
        this.session = session;
        this.listener = listener;
        mode = (HTMLSelectElement) document.getElementById("click-mode");
        message = document.getElementById("click-message");
        mode.addEventListener("change", e -> {
            canvas.setAttribute("data-mode", mode.getValue()); // the cursor, in style.css
            message.setTextContent("");
        });
        canvas.addEventListener("click", e -> clicked((MouseEvent) e));
        document.getElementById("clear-points").addEventListener("click", e -> {
            session.clearPoints();
            message.setTextContent("All points removed: pick “add” above and click the picture to draw your own.");
            listener.pointsEdited();
        });
    }

    private void clicked(MouseEvent e) {
        String m = mode.getValue();
        if (m.equals("inspect")) {
            return; // the inspector's
        }
        double[] v = session.view();
        double width = canvas.getClientWidth();
        double x = v[0] + e.getOffsetX() / width * (v[1] - v[0]);
        double y = v[3] - e.getOffsetY() / (double) canvas.getClientHeight() * (v[3] - v[2]);
        if (m.equals("remove")) {
            double radius = REMOVE_RADIUS_PX / width * (v[1] - v[0]);
            if (!session.removeNearest(x, y, radius, session.settings().showTest)) {
                message.setTextContent("No point there to remove.");
                return;
            }
            message.setTextContent("");
        } else {
            try {
                session.addPoint(x, y, m.equals("add-pos") ? 1 : -1);
                message.setTextContent("");
            } catch (IllegalArgumentException tooMany) {
                message.setTextContent(tooMany.getMessage());
                return;
            }
        }
        listener.pointsEdited();
    }
}
