package scratchnet.web;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;
import org.teavm.jso.typedarrays.Int32Array;
import scratchnet.playground.Playground;
import scratchnet.playground.session.DatasetPictures;

/**
 * The datasets as small pictures ({@link DatasetPictures}), one button each: a click chooses that
 * dataset, as the {@code #set-data} select does; the current one is pressed. After an import the
 * data's own picture, "your points", is shown and pressed, and the select says so too.
 */
final class DatasetPicker {
    private final HTMLDocument document;
    private final HTMLSelectElement select;
    private final List<HTMLElement> buttons = new ArrayList<>();
    private final List<HTMLCanvasElement> canvases = new ArrayList<>();
    private final HTMLElement yours;
    private final HTMLCanvasElement yoursCanvas;
    private final HTMLElement yoursOption;
    private DatasetPictures drawn;
    private int[] drawnYours;

    DatasetPicker(HTMLDocument document, Controls.Listener listener) {
        this.document = document;
        HTMLElement box = Dom.element(document, "dataset-pictures");
        select = (HTMLSelectElement) Dom.element(document, "set-data");
        for (String name : DatasetPictures.LABELS) {
            HTMLElement b = button(name, name);
            b.addEventListener("click", e -> listener.edited("data", name));
            box.appendChild(b);
        }
        yours = button(Playground.YOUR_POINTS, Playground.YOUR_POINTS);
        yoursCanvas = canvases.remove(canvases.size() - 1);
        buttons.remove(buttons.size() - 1);
        yours.setAttribute("aria-pressed", "true");
        Dom.show(yours, false);
        box.appendChild(yours);
        yoursOption = document.createElement("option");
        yoursOption.setAttribute("value", Playground.YOUR_POINTS);
        yoursOption.setAttribute("disabled", "");
        yoursOption.setTextContent(Playground.YOUR_POINTS + " (imported)");
        select.appendChild(yoursOption);
    }

    private HTMLElement button(String name, String caption) {
        HTMLElement b = document.createElement("button");
        b.setAttribute("type", "button");
        b.setClassName("dataset-button");
        b.setAttribute("aria-pressed", "false");
        b.setAttribute("data-dataset", name);
        HTMLCanvasElement c = (HTMLCanvasElement) document.createElement("canvas");
        c.setWidth(DatasetPictures.SIDE);
        c.setHeight(DatasetPictures.SIDE);
        c.setAttribute("aria-hidden", "true");
        b.appendChild(c);
        HTMLElement text = document.createElement("span");
        text.setTextContent(caption);
        b.appendChild(text);
        buttons.add(b);
        canvases.add(c);
        return b;
    }

    /** The pictures (redrawn only when they changed) and which one is chosen. */
    void show(Playground playground) {
        DatasetPictures pictures = playground.datasetPictures();
        if (pictures != drawn) {
            for (int i = 0; i < canvases.size(); i++) {
                blit(canvases.get(i), pictures.pixels[i]);
            }
            drawn = pictures;
        }
        String current = playground.settings().data.label;
        boolean imported = playground.yourPoints() != null;
        for (HTMLElement b : buttons) {
            Dom.attribute(b, "aria-pressed", !imported && b.getAttribute("data-dataset").equals(current) ? "true" : "false");
        }
        Dom.show(yours, imported);
        if (imported) {
            int[] pixels = playground.dataPicture();
            if (drawnYours == null || !java.util.Arrays.equals(pixels, drawnYours)) {
                blit(yoursCanvas, pixels);
                drawnYours = pixels;
            }
            select.setValue(Playground.YOUR_POINTS);
        }
    }

    private static void blit(HTMLCanvasElement canvas, int[] pixels) {
        CanvasRenderingContext2D context = (CanvasRenderingContext2D) canvas.getContext("2d");
        ImageData image = context.createImageData(DatasetPictures.SIDE, DatasetPictures.SIDE);
        Int32Array.create(image.getData().getBuffer()).set(pixels);
        context.putImageData(image, 0, 0);
    }
}
