package scratchnet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every form control in index.html (input, select, textarea) has a name a screen reader can say:
 * a {@code <label for>}, a label around it, or an {@code aria-label}. The settings' controls are
 * checked by {@link PageControlsTest}; this covers the rest too (the CSV import's, say).
 */
class PageLabelsTest {
    private static final Pattern CONTROL = Pattern.compile("<(input|select|textarea)\\b([^>]*)>");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

    @Test
    void everyFormControlIsLabelled() throws IOException {
        String html = Files.readString(Path.of("webapp", "index.html"), StandardCharsets.UTF_8);
        List<String> unlabelled = new ArrayList<>();
        int controls = 0;
        Matcher m = CONTROL.matcher(html);
        while (m.find()) {
            controls++;
            Matcher id = ID.matcher(m.group(2));
            String name = id.find() ? id.group(1) : null;
            boolean labelled = m.group(2).contains("aria-label=\"")
                    || name != null && html.contains("<label for=\"" + name + "\"")
                    || html.substring(0, m.start()).matches("(?s).*<label[^>]*>\\s*");
            if (!labelled) {
                unlabelled.add(m.group());
            }
        }
        assertTrue(controls > 30, "read the page's controls: " + controls);
        assertEquals(List.of(), unlabelled, "controls without a label");
        for (String csv : new String[] {"csv-file", "csv-text", "csv-kind"}) {
            assertTrue(html.contains("<label for=\"" + csv + "\""), csv);
        }
    }
}
