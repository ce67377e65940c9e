package scratchnet.web;

import scratchnet.playground.settings.Setting;
import scratchnet.playground.settings.Settings;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The page has a labelled control for every row of the settings table (Controls refuses to start
 * otherwise), so adding a setting without a place on the page fails here, on the JVM, first.
 */
class PageControlsTest {
    @Test
    void everySettingHasALabelledControl() throws IOException {
        String html = Files.readString(Path.of("webapp", "index.html"), StandardCharsets.UTF_8);
        for (Setting setting : Settings.table()) {
            String key = setting.key;
            assertTrue(html.contains("id=\"set-" + key + "\""), "index.html lacks a control #set-" + key);
            boolean labelled = html.contains("<label for=\"set-" + key + "\"")
                    || html.matches("(?s).*<label[^>]*><input id=\"set-" + key + "\".*")
                    || html.matches("(?s).*<fieldset id=\"set-" + key + "\"[^>]*>\\s*<legend[^>]*>[^<]+</legend>.*")
                    || html.matches("(?s).*<div id=\"set-" + key + "\"[^>]*role=\"tablist\"[^>]*aria-label=\"[^\"]+\".*");
            assertTrue(labelled, "the control #set-" + key + " has no label");
        }
    }

    @Test
    void everySettingIsARowOfTheReadmesTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        for (Setting setting : Settings.table()) {
            String row = "| `" + setting.key + "` | " + setting.defaultText + " | ";
            assertTrue(readme.contains(row), "README's settings table lacks (or has a stale default for) " + setting.key);
            String affects = setting.affects.name().toLowerCase();
            int at = readme.indexOf(row);
            String line = readme.substring(at, readme.indexOf('\n', at));
            assertTrue(line.contains(" | " + affects + " | "), "README says " + setting.key + " affects what it does not: "
                    + line);
        }
    }
}
