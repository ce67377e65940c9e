package scratchnet.playground.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
    @Test
    void fillsEachSlotWithItsValue() {
        assertEquals("lr = 0.1  # and 3 steps", Template.fill("lr = ${LR}  # and ${STEPS} steps", Map.of("LR", "0.1", "STEPS", "3")));
        assertEquals("no slots", Template.fill("no slots", Map.of()));
        assertEquals("", Template.fill("${EMPTY}", Map.of("EMPTY", "")));
    }

    @Test
    void aSlotThatAppearsTwiceIsFilledTwice() {
        assertEquals("x = x + 1; x", Template.fill("${V} = ${V} + 1; ${V}", Map.of("V", "x")));
    }

    @Test
    void aSlotWithNoValueFailsNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Template.fill("a ${A} b ${B_2}", Map.of("A", "1")));
        assertEquals("no value for the slot ${B_2}", e.getMessage());
        Map<String, String> withNull = new HashMap<>();
        withNull.put("A", null);
        assertThrows(IllegalArgumentException.class, () -> Template.fill("${A}", withNull));
    }

    @Test
    void aValueWithNoSlotFailsNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Template.fill("${A}", Map.of("A", "1", "STEP_ACCURACY", "", "OPTIMIZER", "x")));
        assertEquals("no slot in the text for the value of OPTIMIZER, STEP_ACCURACY", e.getMessage());
    }

    @Test
    void valuesAreNotSearchedForSlots() {
        // A value that looks like a slot, or names another, is copied as it is.
        assertEquals("${B} and ${A} and ${", Template.fill("${A} and ${B}", Map.of("A", "${B}", "B", "${A} and ${")));
    }

    @Test
    void aDollarBraceThatStartsNoSlotFails() {
        for (String text : new String[] {"${lower}", "${}", "${A", "${1A}", "${A-B}", "x ${ A}"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Template.fill(text, Map.of("A", "1")),
                    text);
            assertTrue(e.getMessage().contains("starts no slot"), e.getMessage());
        }
        // A lone '$' or '{' is text: Python's f-strings and Java's blocks have plenty.
        assertEquals("f'{x}' $ {{1}} 1", Template.fill("f'{x}' $ {{1}} ${A}", Map.of("A", "1")));
    }
}
