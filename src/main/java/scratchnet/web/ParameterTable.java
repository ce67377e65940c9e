package scratchnet.web;

import java.util.List;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import scratchnet.engine.Value;
import scratchnet.nn.MLP;
import scratchnet.playground.Inspection;

/**
 * Every parameter in a row: its name (as in the graph), {@code data}, {@code grad}, and the last
 * update it received ({@code before − after}, which is {@code lr · grad} for plain SGD).
 *
 * <p>Only the rows in view exist: a window of {@link #WINDOW} rows between two spacer rows whose
 * heights stand for the rest, so the scroll bar covers every parameter. A table of the largest
 * network's 5,409 rows made the browser lay the page out for ~3 ms every frame; this one stays
 * small whatever the network. Cells are written only when their text changes, and nothing reads
 * layout while painting: the row height is measured once, the scroll position comes from events.
 * {@code tbody[data-parameters]} says how many parameters the table holds.
 */
final class ParameterTable {
    private static final int WINDOW = 40; // more than fit in the 320 px box, so scrolling never shows a gap

    private final HTMLDocument document;
    private final HTMLElement body;
    private final HTMLElement scroller;
    private final HTMLElement above;
    private final HTMLElement below;
    private MLP model;
    private List<Value> parameters;
    private String[] names = new String[0];
    private HTMLElement[] cells = new HTMLElement[0]; // 4 per row of the window: name, data, grad, update
    private String[] texts = new String[0];
    private int rows; // rows in the window
    private HTMLElement firstRow;
    private double rowHeight; // measured after a rebuild
    private double scrollTop; // kept up to date by scrolled()
    private int shownFirst = -1;

    ParameterTable(HTMLDocument document, HTMLElement body, HTMLElement scroller) {
        this.document = document;
        this.body = body;
        this.scroller = scroller;
        above = spacer();
        below = spacer();
    }

    /** @param lastUpdate before − after of each parameter in the last step, in {@link MLP#parameters()} order */
    void show(MLP model, double[] lastUpdate) {
        if (model != this.model) {
            rebuild(model);
        }
        int n = parameters.size();
        if (rowHeight <= 0 && firstRow != null) { // not measured yet, or the panel was closed then
            rowHeight = firstRow.getOffsetHeight();
        }
        int first = rowHeight > 0 ? (int) (scrollTop / rowHeight) - WINDOW / 4 : 0;
        first = Math.max(0, Math.min(n - rows, first));
        if (first != shownFirst) {
            shownFirst = first;
            height(above, first * rowHeight);
            height(below, (n - first - rows) * rowHeight);
        }
        for (int k = 0; k < rows; k++) {
            int i = first + k;
            Value p = parameters.get(i);
            set(4 * k, names[i]);
            set(4 * k + 1, Inspection.number(p.data));
            set(4 * k + 2, Inspection.number(p.grad));
            set(4 * k + 3, i < lastUpdate.length ? Inspection.number(lastUpdate[i]) : "");
        }
    }

    /** The table was scrolled: the rows now in view are to be filled in. */
    void scrolled() {
        scrollTop = scroller.getScrollTop();
    }

    private void set(int cell, String text) {
        if (!text.equals(texts[cell])) {
            texts[cell] = text;
            cells[cell].setTextContent(text);
        }
    }

    private void rebuild(MLP model) {
        this.model = model;
        parameters = model.parameters();
        names = Inspection.names(model);
        while (body.getFirstChild() != null) {
            body.removeChild(body.getFirstChild());
        }
        body.setAttribute("data-parameters", Integer.toString(names.length));
        rows = Math.min(WINDOW, names.length);
        cells = new HTMLElement[4 * rows];
        texts = new String[4 * rows];
        body.appendChild(above);
        firstRow = null;
        for (int k = 0; k < rows; k++) {
            HTMLElement row = document.createElement("tr");
            row.setClassName("param");
            HTMLElement name = document.createElement("th");
            name.setAttribute("scope", "row");
            row.appendChild(name);
            cells[4 * k] = name;
            texts[4 * k] = names[k];
            name.setTextContent(names[k]); // a row with its text has its real height, measured next
            for (int c = 1; c < 4; c++) {
                HTMLElement cell = document.createElement("td");
                row.appendChild(cell);
                cells[4 * k + c] = cell;
                texts[4 * k + c] = "";
            }
            body.appendChild(row);
            if (k == 0) {
                firstRow = row;
            }
        }
        body.appendChild(below);
        rowHeight = 0;
        shownFirst = -1;
        scrollTop = scroller.getScrollTop();
    }

    private HTMLElement spacer() {
        HTMLElement row = document.createElement("tr");
        row.setClassName("spacer");
        HTMLElement cell = document.createElement("td");
        cell.setAttribute("colspan", "4");
        row.appendChild(cell);
        return row;
    }

    private static void height(HTMLElement spacer, double px) {
        spacer.getStyle().setProperty("height", Math.max(0, Math.round(px)) + "px");
    }
}
