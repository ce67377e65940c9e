package scratchnet.web;

import org.teavm.jso.browser.Window;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSString;
import org.teavm.jso.dom.html.HTMLAnchorElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.file.Blob;
import org.teavm.jso.file.BlobPropertyBag;
import org.teavm.jso.file.File;
import scratchnet.playground.ModelFile;
import scratchnet.playground.Session;
import scratchnet.playground.WeightsLink;

/**
 * Save and share: {@code #export-model} downloads the model and its data as JSON
 * ({@link ModelFile}); {@code #import-file} reads one back, checked by {@link ModelFile#read} so
 * a bad file changes nothing and {@code #import-error} says precisely why; {@code #link-weights}
 * puts a small model's exact weights in the share link. File contents are only ever shown as
 * text.
 */
final class ModelTransfer {
    /** Told about a file that passed every check, and about the weights checkbox. */
    interface Listener {
        void imported(ModelFile.Contents contents);

        void linkOptionChanged();
    }

    // Bytes, checked before reading: a model file is ASCII, so a larger file is over ModelFile.MAX_CHARS too.
    private static final int MAX_BYTES = 4 * ModelFile.MAX_CHARS;

    private final HTMLDocument document;
    private final Session session;
    private final HTMLInputElement file;
    private final HTMLElement error;
    private final HTMLElement status;
    private final HTMLInputElement weights;
    private final HTMLElement weightsNote;
    private int parameters = -1;

    ModelTransfer(HTMLDocument document, Session session, Listener listener) {
        this.document = document;
        this.session = session;
        file = (HTMLInputElement) document.getElementById("import-file");
        error = document.getElementById("import-error");
        status = document.getElementById("transfer-status");
        weights = (HTMLInputElement) document.getElementById("link-weights");
        weightsNote = document.getElementById("link-weights-note");
        document.getElementById("export-model").addEventListener("click", e -> export());
        file.addEventListener("change", e -> read(listener));
        weights.addEventListener("change", e -> listener.linkOptionChanged());
    }

    /** True if the link should carry the weights: asked for, and the model is small enough. */
    boolean includeWeights() {
        return weights.isChecked() && !weights.isDisabled();
    }

    void setIncludeWeights(boolean on) {
        weights.setChecked(on);
    }

    /** Enables the weights checkbox only for models a link can carry. */
    void show(int parameterCount) {
        if (parameterCount == parameters) {
            return;
        }
        parameters = parameterCount;
        boolean fits = parameterCount <= WeightsLink.MAX_PARAMETERS;
        weights.setDisabled(!fits);
        weightsNote.setTextContent(fits
                ? "The link then reproduces this model's predictions exactly (updated when training pauses)."
                : "Only for models of at most " + WeightsLink.MAX_PARAMETERS + " parameters; this one has "
                        + parameterCount + ", so use Export for its weights.");
    }

    private void export() {
        String json = session.toFile();
        Blob blob = new Blob(JSArray.of(JSString.valueOf(json)), BlobPropertyBag.create().type("application/json"));
        String url = FileApi.Url.createObjectURL(blob);
        HTMLAnchorElement link = (HTMLAnchorElement) document.createElement("a");
        link.setHref(url);
        link.setDownload("scratchnet-model-step" + session.trainer().steps() + ".json");
        document.getBody().appendChild(link);
        link.click();
        document.getBody().removeChild(link);
        Window.setTimeout(() -> FileApi.Url.revokeObjectURL(url), 1000); // once the download has the data
        status.setTextContent("Exported the model at step " + session.trainer().steps() + ".");
    }

    private void read(Listener listener) {
        if (file.getFiles() == null || file.getFiles().getLength() == 0) {
            return;
        }
        File picked = file.getFiles().item(0);
        String name = picked.getName();
        if (picked.getSize() > MAX_BYTES) {
            fail(name, "the file is too large: " + picked.getSize() + " bytes, at most " + ModelFile.MAX_CHARS
                    + " characters");
            return;
        }
        FileApi.FileReader reader = new FileApi.FileReader();
        reader.setOnLoad(e -> {
            file.setValue(""); // the same file may be picked again
            ModelFile.Contents contents;
            try {
                contents = ModelFile.read(reader.getResult());
            } catch (ModelFile.InvalidModel invalid) {
                fail(name, invalid.getMessage());
                return;
            }
            error.setTextContent("");
            error.setAttribute("hidden", "");
            status.setTextContent("Imported " + name + ": step " + contents.step + ".");
            listener.imported(contents);
        });
        reader.setOnError(e -> {
            file.setValue("");
            fail(name, "the browser could not read it");
        });
        reader.readAsText(picked);
    }

    private void fail(String name, String why) {
        error.setTextContent("Not imported " + name + ": " + why + ". Nothing was changed.");
        error.removeAttribute("hidden");
        status.setTextContent("");
    }
}
