package scratchnet.playground.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import scratchnet.nn.Feature;

/** The exported programs' words for the features are one table: every feature has its row, in each language. */
class FeatureWordsTest {
    @Test
    void everyFeatureHasItsHeaderPythonAndJavaWords() {
        for (Feature f : Feature.values()) {
            String[] words = CodeExport.FEATURES.get(f);
            assertNotNull(words, "no row for " + f);
            assertEquals(3, words.length, f.toString());
        }
        assertEquals("x.mul(y)", CodeExport.FEATURES.get(Feature.XY)[2]);
        assertEquals("x * x", CodeExport.FEATURES.get(Feature.X2)[1]);
    }
}
