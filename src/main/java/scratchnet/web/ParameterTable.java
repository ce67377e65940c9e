package scratchnet.web;

import java.util.List;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import scratchnet.engine.Value;
import scratchnet.nn.MLP;
import scratchnet.playground.Inspection;

/**
 * Every parameter in a row: its name (as in the graph), {@code data}, {@code grad}, and the last
 * update it received ({@code before − after}, which is {@code lr · grad} for plain SGD). Rows are
 * built once per architecture; later frames only rewrite the cells, of the rows scrolled into
 * view, whose text changed (a network of thousands of parameters stays cheap).
 */
final class ParameterTable {
    private final HTMLDocument document;
    private final HTMLElement body;
    private final HTMLElement scroller;
    private MLP model;
    private List<Value> parameters;
    private HTMLElement[] cells = new HTMLElement[0]; // 3 per parameter: data, grad, update
    private String[] texts = new String[0];

    ParameterTable(HTMLDocument document, HTMLElement body, HTMLElement scroller) {
        this.document = document;
        this.body = body;
        this.scroller = scroller;
    }

    /** @param lastUpdate before − after of each parameter in the last step, in {@link MLP#parameters()} order */
    void show(MLP model, double[] lastUpdate) {
        if (model != this.model) {
            rebuild(model);
        }
        // The rows in view, and a few either side (rows have about equal heights).
        int n = parameters.size();
        double rowHeight = (double) scroller.getScrollHeight() / Math.max(1, n);
        int first = 0;
        int last = n;
        if (rowHeight > 0 && scroller.getClientHeight() > 0) {
            int shown = (int) Math.ceil(scroller.getClientHeight() / rowHeight);
            first = Math.max(0, Math.min(n - shown, (int) (scroller.getScrollTop() / rowHeight)) - 10);
            last = Math.min(n, first + shown + 20);
        }
        for (int i = first; i < last; i++) {
            Value p = parameters.get(i);
            set(3 * i, Inspection.number(p.data));
            set(3 * i + 1, Inspection.number(p.grad));
            set(3 * i + 2, i < lastUpdate.length ? Inspection.number(lastUpdate[i]) : "");
        }
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
        String[] names = Inspection.names(model);
        while (body.getFirstChild() != null) {
            body.removeChild(body.getFirstChild());
        }
        cells = new HTMLElement[3 * names.length];
        texts = new String[3 * names.length];
        for (int i = 0; i < names.length; i++) {
            HTMLElement row = document.createElement("tr");
            HTMLElement name = document.createElement("th");
            name.setAttribute("scope", "row");
            name.setTextContent(names[i]);
            row.appendChild(name);
            for (int c = 0; c < 3; c++) {
                HTMLElement cell = document.createElement("td");
                row.appendChild(cell);
                cells[3 * i + c] = cell;
                texts[3 * i + c] = "";
            }
            body.appendChild(row);
        }
    }
}
