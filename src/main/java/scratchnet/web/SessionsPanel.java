package scratchnet.web;

import java.util.function.Consumer;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.Int32Array;
import scratchnet.playground.Keeping;

/**
 * "Your sessions" ({@code #sessions}): every session this browser keeps, the most recent first,
 * each with its picture, its words and restore and delete buttons. It lists what
 * {@link Keeping#kept} says and reports the buttons.
 */
final class SessionsPanel {
    private final HTMLDocument document;
    private final Keeping keeping;
    private final HTMLElement list;
    private final HTMLElement empty;
    private final Consumer<String> restore;

    /** {@code restore} hears the key of a session a person chose to restore. */
    SessionsPanel(HTMLDocument document, Keeping keeping, Consumer<String> restore) {
        this.document = document;
        this.keeping = keeping;
        this.restore = restore;
        list = Dom.element(document, "sessions");
        empty = Dom.element(document, "sessions-empty");
    }

    /** Lists the sessions kept now. */
    void refresh() {
        Dom.clear(list);
        int n = 0;
        for (Keeping.KeptRow row : keeping.kept()) {
            n++;
            HTMLElement item = document.createElement("li");
            HTMLCanvasElement picture = (HTMLCanvasElement) document.createElement("canvas");
            picture.setWidth(row.side);
            picture.setHeight(row.side);
            picture.setAttribute("role", "img");
            picture.setAttribute("aria-label", "its picture");
            if (row.picture != null) {
                CanvasRenderingContext2D g = (CanvasRenderingContext2D) picture.getContext("2d");
                ImageData image = g.createImageData(row.side, row.side);
                Int32Array.create(image.getData().getBuffer()).set(row.picture);
                g.putImageData(image, 0, 0);
            }
            item.appendChild(picture);
            HTMLElement words = document.createElement("span");
            words.setClassName("session-words");
            words.setTextContent(row.words);
            item.appendChild(words);
            if (row.restorable) {
                item.appendChild(button("restore", "restore: " + row.words, () -> restore.accept(row.key)));
            }
            if (row.deletable) {
                item.appendChild(button("delete", "delete: " + row.words, () -> {
                    keeping.deleteKept(row.key);
                    refresh();
                }));
            }
            list.appendChild(item);
        }
        Dom.show(empty, n == 0);
    }

    private HTMLElement button(String text, String label, Runnable action) {
        HTMLElement b = document.createElement("button");
        b.setAttribute("type", "button");
        b.setAttribute("aria-label", label);
        b.setTextContent(text);
        b.addEventListener("click", e -> action.run());
        return b;
    }
}
