package scratchnet.web.inspector;

import scratchnet.playground.inspect.Inspector;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import java.util.function.Consumer;

/**
 * Every parameter in a row: its name (as in the graph), {@code data}, {@code grad}, and the last
 * update it received ({@link Inspector#parameterRows}).
 *
 * <p>Only the rows in view exist: a window of {@link #WINDOW} rows between two spacer rows whose
 * heights stand for the rest, so the scroll bar covers every parameter. A table of the largest
 * network's 5,409 rows made the browser lay the page out for ~3 ms every frame; this one stays
 * small whatever the network. Cells are written only when their text changes, and nothing reads
 * layout while painting: the row height is measured once, the scroll position comes from events.
 * {@code tbody[data-parameters]} says how many parameters the table holds. Each row ends in a
 * "nudge" button that hands its parameter's name to the nudge view.
 */
final class ParameterTable {
    private static final int WINDOW = 40; // more than fit in the 320 px box, so scrolling never shows a gap

    private final HTMLDocument document;
    private final HTMLElement body;
    private final HTMLElement scroller;
    private final HTMLElement above;
    private final HTMLElement below;
    private String[] names; // the inspector's names array: a new one means a new model
    private HTMLElement[] cells = new HTMLElement[0]; // 4 per row of the window: name, data, grad, update
    private String[] shownTexts = new String[0];
    private String[] texts = new String[0];
    private int rows; // rows in the window
    private HTMLElement firstRow;
    private double rowHeight; // measured after a rebuild
    private double scrollTop; // kept up to date by scrolled()
    private int shownFirst = -1;
    private final Consumer<String> nudge;
    private final Consumer<String> map;
    private HTMLElement[] buttons = new HTMLElement[0]; // one per row of the window
    private HTMLElement[] mapButtons = new HTMLElement[0];

    /** {@code nudge} and {@code map} hear a row's parameter name: its Δ button, its map button (Downhill's pair). */
    ParameterTable(HTMLDocument document, HTMLElement body, HTMLElement scroller, Consumer<String> nudge, Consumer<String> map) {
        this.document = document;
        this.nudge = nudge;
        this.map = map;
        this.body = body;
        this.scroller = scroller;
        above = spacer();
        below = spacer();
    }

    void show(Inspector inspector) {
        String[] all = inspector.parameterNames();
        if (all != names) {
            rebuild(all);
        }
        int n = names.length;
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
        inspector.parameterRows(first, rows, texts);
        for (int cell = 0; cell < 4 * rows; cell++) {
            if (!texts[cell].equals(shownTexts[cell])) {
                shownTexts[cell] = texts[cell];
                cells[cell].setTextContent(texts[cell]);
                if (cell % 4 == 0) {
                    buttons[cell / 4].setAttribute("aria-label", "nudge " + texts[cell]);
                    mapButtons[cell / 4].setAttribute("aria-label", "map " + texts[cell] + " in Downhill");
                }
            }
        }
    }

    /** The table was scrolled: the rows now in view are to be filled in. */
    void scrolled() {
        scrollTop = scroller.getScrollTop();
    }

    private void rebuild(String[] all) {
        names = all;
        while (body.getFirstChild() != null) {
            body.removeChild(body.getFirstChild());
        }
        body.setAttribute("data-parameters", Integer.toString(names.length));
        rows = Math.min(WINDOW, names.length);
        cells = new HTMLElement[4 * rows];
        shownTexts = new String[4 * rows];
        texts = new String[4 * rows];
        buttons = new HTMLElement[rows];
        mapButtons = new HTMLElement[rows];
        body.appendChild(above);
        firstRow = null;
        for (int k = 0; k < rows; k++) {
            HTMLElement row = document.createElement("tr");
            row.setClassName("param");
            HTMLElement name = document.createElement("th");
            name.setAttribute("scope", "row");
            row.appendChild(name);
            cells[4 * k] = name;
            shownTexts[4 * k] = names[k];
            name.setTextContent(names[k]); // a row with its text has its real height, measured next
            for (int c = 1; c < 4; c++) {
                HTMLElement cell = document.createElement("td");
                row.appendChild(cell);
                cells[4 * k + c] = cell;
                shownTexts[4 * k + c] = "";
            }
            HTMLElement last = document.createElement("td");
            HTMLElement button = document.createElement("button");
            button.setAttribute("type", "button");
            button.setClassName("nudge-row");
            button.setAttribute("aria-label", "nudge " + names[k]);
            button.setAttribute("title", "Raise this parameter by Δ in the Nudge view and see the loss change");
            button.setTextContent("Δ");
            int at = 4 * k;
            button.addEventListener("click", e -> nudge.accept(shownTexts[at]));
            buttons[k] = button;
            last.appendChild(button);
            HTMLElement mapButton = document.createElement("button");
            mapButton.setAttribute("type", "button");
            mapButton.setClassName("nudge-row map-row");
            mapButton.setAttribute("aria-label", "map " + names[k] + " in Downhill");
            mapButton.setAttribute("title", "Map the loss over this parameter (across) and the one mapped across before (up) in the Downhill view");
            mapButton.setTextContent("map");
            mapButton.addEventListener("click", e -> map.accept(shownTexts[at]));
            mapButtons[k] = mapButton;
            last.appendChild(mapButton);
            row.appendChild(last);
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
        cell.setAttribute("colspan", "5");
        row.appendChild(cell);
        return row;
    }

    private static void height(HTMLElement spacer, double px) {
        spacer.getStyle().setProperty("height", Math.max(0, Math.round(px)) + "px");
    }
}
