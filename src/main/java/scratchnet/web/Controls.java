package scratchnet.web;

import scratchnet.playground.settings.Setting;
import scratchnet.playground.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * One control per row of the settings table, bound both ways: the table supplies each control's
 * choices and range; {@link #show} writes settings into the controls; a person's edit goes to
 * the listener as the setting's key and text, exactly as it would appear in a share link.
 *
 * <p>The control of setting {@code key} is the page's element {@code #set-key}: a select for a
 * choice or the activations (one for all hidden layers; per layer in {@link LayerEditor}), a
 * checkbox for a flag, a range or number input for a number, a text input for the layers. An {@code <output id="out-key">}, if present, shows a range's value.
 */
final class Controls {
    /** Receives a person's edit of one control. */
    interface Listener {
        void edited(String key, String text);
    }

    private static final String MIXED = "mixed";
    private final List<Setting> table = Settings.table();
    private final List<HTMLElement> controls = new ArrayList<>();
    private final List<HTMLElement> outputs = new ArrayList<>();

    Controls(HTMLDocument document, Listener listener) {
        for (Setting setting : table) {
            HTMLElement control = Dom.element(document, "set-" + setting.key);
            controls.add(control);
            outputs.add(Dom.optional(document, "out-" + setting.key));
            if (isTabs(control)) {
                continue; // its tabs show and choose it (the view under the diagram: inspector.Views)
            }
            prepare(document, setting, control);
            // Ranges report while dragging. Everything else on "change": a select or checkbox at
            // once, typed text only when committed (enter or leaving the field), so "0.03" is not
            // applied as "0", "0." and "0.0" on the way.
            control.addEventListener(isRange(control) ? "input" : "change",
                    e -> listener.edited(setting.key, read(setting, control)));
        }
    }

    /** One option of the select per value the setting allows. */
    private static void options(HTMLDocument document, Setting setting, HTMLElement control) {
        for (String option : setting.options) {
            HTMLElement o = document.createElement("option");
            o.setAttribute("value", option);
            o.setTextContent(option);
            control.appendChild(o);
        }
    }

    /** Fills a select's options and an input's range from the table. */
    private static void prepare(HTMLDocument document, Setting setting, HTMLElement control) {
        switch (setting.kind) {
            case CHOICE:
                options(document, setting, control);
                break;
            case ACTIVATIONS:
                // "All layers" at once; "mixed" (not choosable) shows that the layers differ.
                options(document, setting, control);
                HTMLElement mixed = document.createElement("option");
                mixed.setAttribute("value", MIXED);
                mixed.setAttribute("disabled", "");
                mixed.setTextContent("mixed (per layer above)");
                control.appendChild(mixed);
                break;
            case FEATURES:
                // One checkbox per feature inside the control's group; their change events bubble up to it.
                for (int i = 0; i < setting.options.size(); i++) {
                    HTMLElement label = document.createElement("label");
                    HTMLInputElement box = (HTMLInputElement) document.createElement("input");
                    box.setType("checkbox");
                    box.setValue(setting.options.get(i));
                    label.appendChild(box);
                    label.appendChild(document.createTextNode(" " + setting.optionLabels.get(i)));
                    control.appendChild(label);
                }
                break;
            case INTEGER:
            case NUMBER:
                if (isSelectElement(control)) {
                    break; // its options are filled where it is shown (downhill's two parameters, by name)
                }
                control.setAttribute("min", setting.minText());
                control.setAttribute("max", setting.maxText());
                // A range moves in the setting's steps; typed numbers may be anything in range.
                boolean free = setting.kind == Setting.Kind.NUMBER && !isRange(control);
                control.setAttribute("step", free ? "any" : setting.rangeStep());
                break;
            default:
                break;
        }
    }

    /** Shows {@code settings} in every control, except a text field with id {@code focusedId} (being typed into). */
    void show(Settings settings, String focusedId) {
        for (int i = 0; i < table.size(); i++) {
            Setting setting = table.get(i);
            HTMLElement control = controls.get(i);
            if (isTabs(control)) {
                continue;
            }
            String value = settings.get(setting.key);
            if (outputs.get(i) != null) {
                outputs.get(i).setTextContent(value);
            }
            if (("set-" + setting.key).equals(focusedId) && !isSelect(setting, control) && setting.kind != Setting.Kind.FLAG
                    && !isRange(control)) {
                continue;
            }
            if (setting.kind == Setting.Kind.FEATURES) {
                List<String> on = List.of(value.split(","));
                for (HTMLInputElement box : boxes(control)) {
                    box.setChecked(on.contains(box.getValue()));
                }
            } else if (setting.kind == Setting.Kind.FLAG) {
                ((HTMLInputElement) control).setChecked(value.equals("1"));
            } else if (setting.kind == Setting.Kind.ACTIVATIONS) {
                ((HTMLSelectElement) control).setValue(value.contains(",") ? MIXED : value);
            } else if (isSelect(setting, control)) {
                ((HTMLSelectElement) control).setValue(value);
            } else {
                ((HTMLInputElement) control).setValue(value);
            }
        }
    }

    /** Outlines the controls of {@code keys} (run B's values that differ from A's), and only those. */
    void mark(List<String> keys) {
        for (int i = 0; i < table.size(); i++) {
            HTMLElement control = controls.get(i);
            if (keys.contains(table.get(i).key)) {
                control.getClassList().add("differs");
            } else {
                control.getClassList().remove("differs");
            }
        }
    }

    private static String read(Setting setting, HTMLElement control) {
        if (setting.kind == Setting.Kind.FEATURES) {
            StringBuilder on = new StringBuilder();
            for (HTMLInputElement box : boxes(control)) {
                if (box.isChecked()) {
                    on.append(on.length() > 0 ? "," : "").append(box.getValue());
                }
            }
            return on.toString();
        }
        if (setting.kind == Setting.Kind.FLAG) {
            return ((HTMLInputElement) control).isChecked() ? "1" : "0";
        }
        if (isSelect(setting, control)) {
            return ((HTMLSelectElement) control).getValue();
        }
        return ((HTMLInputElement) control).getValue().trim();
    }

    /** The checkboxes inside a group control, in order. */
    private static List<HTMLInputElement> boxes(HTMLElement group) {
        List<HTMLInputElement> boxes = new ArrayList<>();
        var found = group.querySelectorAll("input[type=checkbox]");
        for (int i = 0; i < found.getLength(); i++) {
            boxes.add((HTMLInputElement) found.get(i));
        }
        return boxes;
    }

    private static boolean isSelect(Setting setting, HTMLElement control) {
        return setting.kind == Setting.Kind.CHOICE || setting.kind == Setting.Kind.ACTIVATIONS || isSelectElement(control);
    }

    private static boolean isSelectElement(HTMLElement control) {
        return control.getTagName().equalsIgnoreCase("select");
    }

    /** A tab list chooses its setting itself. */
    private static boolean isTabs(HTMLElement control) {
        return "tablist".equals(control.getAttribute("role"));
    }

    private static boolean isRange(HTMLElement control) {
        return "range".equals(control.getAttribute("type"));
    }
}
