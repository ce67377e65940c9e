package scratchnet.playground.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills the slots of generated text (the exported Python and Java), checked as JavaPoet checks a
 * {@code CodeBlock}: a slot is {@code ${NAME}}, NAME of capitals, digits and '_' starting with a
 * capital; text that neither Python nor Java code holds outside a string. Every slot must have a
 * value and every value a slot, or {@link #fill} fails naming it, so a renamed or forgotten slot
 * cannot reach a file.
 */
final class Template {
    private Template() {
    }

    /**
     * {@code text} with each {@code ${NAME}} replaced by {@code values.get(NAME)}, as often as it
     * occurs, in one pass: a value is copied as it is, never searched for slots itself.
     *
     * @throws IllegalArgumentException naming the slot: a "${" that starts no well-formed slot, a
     *     slot with no value (or a null one), or a value whose slot is not in the text
     */
    static String fill(String text, Map<String, String> values) {
        StringBuilder out = new StringBuilder(text.length());
        Set<String> used = new HashSet<>();
        int at = 0;
        for (int open = text.indexOf("${"); open >= 0; open = text.indexOf("${", at)) {
            int close = text.indexOf('}', open + 2);
            String name = close < 0 ? "" : text.substring(open + 2, close);
            if (!isName(name)) {
                int end = Math.min(text.length(), open + 30);
                throw new IllegalArgumentException("'${' at " + open + " starts no slot ${NAME}: " + text.substring(open, end));
            }
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for the slot ${" + name + "}");
            }
            out.append(text, at, open).append(value);
            used.add(name);
            at = close + 1;
        }
        out.append(text, at, text.length());
        List<String> unused = new ArrayList<>();
        for (String name : values.keySet()) {
            if (!used.contains(name)) {
                unused.add(name);
            }
        }
        if (!unused.isEmpty()) {
            Collections.sort(unused);
            throw new IllegalArgumentException("no slot in the text for the value of " + String.join(", ", unused));
        }
        return out.toString();
    }

    private static boolean isName(String name) {
        if (name.isEmpty() || name.charAt(0) < 'A' || name.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
