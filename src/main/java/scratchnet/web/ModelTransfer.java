package scratchnet.web;

import scratchnet.playground.Keeping;
import scratchnet.playground.Notes;
import scratchnet.playground.Playground;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSString;
import org.teavm.jso.dom.html.HTMLAnchorElement;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.file.Blob;
import org.teavm.jso.file.BlobPropertyBag;
import org.teavm.jso.file.File;

/**
 * Save and share: {@code #export-model} downloads the model and its data as JSON;
 * {@code #import-file} reads one back through {@link Playground#importFile}, so a bad file
 * changes nothing and {@code #import-error} says precisely why; {@code #link-weights} puts a small
 * model's exact weights in the share link. File contents are only ever shown as text.
 */
final class ModelTransfer {
    /** Told about a file that was imported, and about the weights checkbox. */
    interface Listener {
        void imported(Notes notes);

        void linkOptionChanged();
    }

    // Bytes, checked before reading: a model file is ASCII, so a larger file is over Keeping.MAX_FILE_CHARS too.
    private static final int MAX_BYTES = 4 * Keeping.MAX_FILE_CHARS;

    private final HTMLDocument document;
    private final Playground playground;
    private final HTMLInputElement file;
    private final HTMLElement error;
    private final HTMLElement status;
    private final HTMLInputElement weights;
    private final HTMLElement weightsNote;

    ModelTransfer(HTMLDocument document, Playground playground, Listener listener) {
        this.document = document;
        this.playground = playground;
        file = (HTMLInputElement) Dom.element(document, "import-file");
        error = Dom.element(document, "import-error");
        status = Dom.element(document, "transfer-status");
        weights = (HTMLInputElement) Dom.element(document, "link-weights");
        weightsNote = Dom.element(document, "link-weights-note");
        Dom.element(document, "export-model").addEventListener("click", e -> {
            download(playground.keeping().exportFile(), "application/json", playground.keeping().exportName());
            status.setTextContent("Exported the model at step " + playground.steps() + ".");
        });
        Dom.element(document, "export-picture").addEventListener("click", e -> {
            exportPicture();
            status.setTextContent("Exported the picture and the chart at step " + playground.steps() + " as PNG.");
        });
        Dom.element(document, "export-python").addEventListener("click", e -> {
            download(playground.exportPython(), "text/x-python", Keeping.PYTHON_NAME);
            status.setTextContent("Exported the model at step " + playground.steps() + " as Python: run python3 "
                    + Keeping.PYTHON_NAME + ".");
        });
        Dom.element(document, "export-java").addEventListener("click", e -> {
            download(playground.exportJava(), "text/x-java", Keeping.JAVA_NAME);
            status.setTextContent("Exported the model at step " + playground.steps() + " as Java: run java "
                    + Keeping.JAVA_NAME + ".");
        });
        file.addEventListener("change", e -> read(listener));
        weights.addEventListener("change", e -> {
            playground.askForWeights(weights.isChecked());
            listener.linkOptionChanged();
        });
        showWeightsOption();
    }

    /** The weights checkbox as the playground has it: ticked if asked for, enabled only for models a link can carry. */
    void showWeightsOption() {
        weights.setChecked(playground.weightsAsked());
        weights.setDisabled(!playground.weightsFit());
        Dom.text(weightsNote, playground.weightsNote());
    }

    /** The decision picture with its points and, below it, the loss chart, as one PNG download. */
    private void exportPicture() {
        HTMLCanvasElement picture = (HTMLCanvasElement) Dom.element(document, "boundary");
        HTMLCanvasElement chart = (HTMLCanvasElement) Dom.element(document, "chart");
        int width = picture.getWidth();
        int chartHeight = (int) Math.round(chart.getHeight() * (double) width / Math.max(1, chart.getWidth()));
        HTMLCanvasElement both = (HTMLCanvasElement) document.createElement("canvas");
        both.setWidth(width);
        both.setHeight(picture.getHeight() + chartHeight);
        CanvasRenderingContext2D c = (CanvasRenderingContext2D) both.getContext("2d");
        c.setFillStyle("#ffffff");
        c.fillRect(0, 0, width, both.getHeight());
        c.drawImage(picture, 0, 0);
        c.drawImage(chart, 0, picture.getHeight(), width, chartHeight);
        HTMLAnchorElement link = (HTMLAnchorElement) document.createElement("a");
        link.setHref(both.toDataURL("image/png"));
        link.setDownload("scratchnet-picture-step" + playground.steps() + ".png");
        document.getBody().appendChild(link);
        link.click();
        document.getBody().removeChild(link);
    }

    /** Offers {@code text} as a file download named {@code name}. */
    void download(String text, String type, String name) {
        Blob blob = new Blob(JSArray.of(JSString.valueOf(text)), BlobPropertyBag.create().type(type));
        String url = FileApi.Url.createObjectURL(blob);
        HTMLAnchorElement link = (HTMLAnchorElement) document.createElement("a");
        link.setHref(url);
        link.setDownload(name);
        document.getBody().appendChild(link);
        link.click();
        document.getBody().removeChild(link);
        Window.setTimeout(() -> FileApi.Url.revokeObjectURL(url), 1000); // once the download has the data
    }

    private void read(Listener listener) {
        if (file.getFiles() == null || file.getFiles().getLength() == 0) {
            return;
        }
        File picked = file.getFiles().item(0);
        String name = picked.getName();
        if (picked.getSize() > MAX_BYTES) {
            fail(name, "the file is too large: " + picked.getSize() + " bytes, at most " + Keeping.MAX_FILE_CHARS
                    + " characters");
            return;
        }
        FileApi.FileReader reader = new FileApi.FileReader();
        reader.setOnLoad(e -> {
            file.setValue(""); // the same file may be picked again
            Notes notes;
            try {
                notes = playground.keeping().importFile(reader.getResult());
            } catch (Keeping.Refused invalid) {
                fail(name, invalid.getMessage());
                return;
            }
            error.setTextContent("");
            Dom.show(error, false);
            status.setTextContent("Imported " + name + ": step " + playground.steps() + ".");
            showWeightsOption();
            listener.imported(notes);
        });
        reader.setOnError(e -> {
            file.setValue("");
            fail(name, "the browser could not read it");
        });
        reader.readAsText(picked);
    }

    private void fail(String name, String why) {
        error.setTextContent("Not imported " + name + ": " + why + ". Nothing was changed.");
        Dom.show(error, true);
        status.setTextContent("");
    }
}
