package scratchnet.web;

import scratchnet.playground.Keeping;
import scratchnet.playground.Notes;
import scratchnet.playground.Playground;
import org.teavm.jso.dom.html.HTMLButtonElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;
import org.teavm.jso.dom.html.HTMLTextAreaElement;
import org.teavm.jso.file.File;

/**
 * Points as CSV, in "Save and share": a file picked in {@code #csv-file} fills {@code #csv-text}
 * (where points can also be pasted) and is previewed; {@code #csv-preview} shows the points'
 * summary or the precise error, as text only; {@code #csv-import} is enabled only after a good
 * preview of the same text and kind, and imports through {@link Playground#importCsv};
 * {@code #csv-export} downloads the data as {@code text/csv}.
 */
final class CsvTransfer {
    /** Told about points that were imported: the data, settings and link changed. */
    interface Listener {
        void imported(Notes notes);
    }

    // Bytes, checked before reading: UTF-8 takes at most 4 bytes a character.
    private static final int MAX_BYTES = 4 * Keeping.MAX_CSV_CHARS;

    private final Playground playground;
    private final Listener listener;
    private final HTMLInputElement file;
    private final HTMLTextAreaElement text;
    private final HTMLSelectElement kind;
    private final HTMLButtonElement importButton;
    private final HTMLElement summary;
    private final HTMLElement error;
    // The text and kind of the last good preview: what "Import points" takes; null when there is none.
    private String previewedText;
    private String previewedKind;

    CsvTransfer(HTMLDocument document, Playground playground, ModelTransfer transfer, Listener listener) {
        this.playground = playground;
        this.listener = listener;
        file = (HTMLInputElement) Dom.element(document, "csv-file");
        text = (HTMLTextAreaElement) Dom.element(document, "csv-text");
        kind = (HTMLSelectElement) Dom.element(document, "csv-kind");
        importButton = (HTMLButtonElement) Dom.element(document, "csv-import");
        summary = Dom.element(document, "csv-summary");
        error = Dom.element(document, "csv-error");
        Dom.text(Dom.element(document, "csv-format"), Keeping.CSV_FORMAT);
        file.addEventListener("change", e -> read());
        text.addEventListener("input", e -> forgetPreview());
        kind.addEventListener("change", e -> forgetPreview());
        Dom.element(document, "csv-preview").addEventListener("click", e -> preview());
        importButton.addEventListener("click", e -> importPoints());
        Dom.element(document, "csv-export").addEventListener("click", e -> {
            transfer.download(playground.keeping().exportCsv(), "text/csv", Keeping.CSV_NAME);
            say("Exported " + playground.readout().pointsText() + " as " + Keeping.CSV_NAME + ".");
        });
        forgetPreview();
    }

    /** The text changed since the preview: it must be previewed again before it is imported. */
    private void forgetPreview() {
        previewedText = null;
        previewedKind = null;
        importButton.setDisabled(true);
    }

    private void preview() {
        forgetPreview();
        String t = text.getValue();
        String k = kind.getValue();
        Keeping.Preview p = playground.keeping().previewCsv(t, k);
        if (!p.ok) {
            fail("Cannot import these points: " + p.text + ".");
            return;
        }
        previewedText = t;
        previewedKind = k;
        importButton.setDisabled(false);
        say("Ready to import: " + p.text + ".");
    }

    private void importPoints() {
        String t = text.getValue();
        if (previewedText == null || !previewedText.equals(t) || !previewedKind.equals(kind.getValue())) {
            forgetPreview(); // changed without an input event (a script, say): preview first
            return;
        }
        Notes notes;
        try {
            notes = playground.keeping().importCsv(t, previewedKind);
        } catch (Keeping.Refused invalid) {
            fail("Cannot import these points: " + invalid.getMessage() + ".");
            return;
        }
        forgetPreview(); // imported: a second press would only import the same again
        say("Imported " + playground.readout().pointsText() + ".");
        listener.imported(notes);
    }

    /** A picked file: its size checked before reading, then its text into the box, previewed. */
    private void read() {
        if (file.getFiles() == null || file.getFiles().getLength() == 0) {
            return;
        }
        File picked = file.getFiles().item(0);
        String name = picked.getName();
        if (picked.getSize() > MAX_BYTES) {
            file.setValue("");
            fail("Not read " + name + ": the file is too large: " + picked.getSize() + " bytes, at most "
                    + Keeping.MAX_CSV_CHARS + " characters. Nothing was changed.");
            return;
        }
        FileApi.FileReader reader = new FileApi.FileReader();
        reader.setOnLoad(e -> {
            file.setValue(""); // the same file may be picked again
            text.setValue(reader.getResult());
            preview();
        });
        reader.setOnError(e -> {
            file.setValue("");
            fail("Not read " + name + ": the browser could not read it. Nothing was changed.");
        });
        reader.readAsText(picked);
    }

    /** Untrusted text (file contents are quoted in errors): only ever as text content. */
    private void fail(String why) {
        forgetPreview();
        error.setTextContent(why);
        Dom.show(error, true);
        summary.setTextContent("");
    }

    private void say(String what) {
        error.setTextContent("");
        Dom.show(error, false);
        summary.setTextContent(what);
    }
}
