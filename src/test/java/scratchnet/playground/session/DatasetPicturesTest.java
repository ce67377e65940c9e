package scratchnet.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import scratchnet.playground.picture.HeatMap;
import scratchnet.playground.settings.Settings;

/** The datasets' small pictures: one per dataset, its points' colours on the ground, redrawn only when what they show changes. */
class DatasetPicturesTest {
    private static Map<Integer, Integer> colours(int[] pixels) {
        Map<Integer, Integer> count = new HashMap<>();
        for (int p : pixels) {
            count.merge(p, 1, Integer::sum);
        }
        return count;
    }

    @Test
    void everyDatasetIsDrawnInItsClassesColours() {
        DatasetPictures pictures = DatasetPictures.of(new Settings(), null);
        assertEquals(DatasetPictures.LABELS.size(), pictures.pixels.length);
        assertEquals("moons", DatasetPictures.LABELS.get(0));
        int ground = HeatMap.abgr(0xF4F5F6);
        Map<Integer, Integer> moons = colours(pictures.pixels[0]);
        assertEquals(3, moons.size(), "ground, orange and blue: " + moons);
        assertTrue(moons.get(HeatMap.abgr(HeatMap.NEGATIVE)) > 50 && moons.get(HeatMap.abgr(HeatMap.POSITIVE)) > 50);
        assertTrue(moons.get(ground) > DatasetPictures.SIDE * DatasetPictures.SIDE / 3, "mostly ground: the dots stand apart");
        Settings three = new Settings();
        three.classes = 3;
        int spiral = DatasetPictures.LABELS.indexOf("spiral");
        assertEquals(4, colours(DatasetPictures.of(three, null).pixels[spiral]).size(), "three arms, three colours");
        int plane = DatasetPictures.LABELS.indexOf("plane");
        assertTrue(colours(pictures.pixels[plane]).size() > 10, "a regression's targets shade its dots");
    }

    @Test
    void thePicturesAreMadeAgainOnlyWhenWhatTheyShowChanges() {
        Settings s = new Settings();
        DatasetPictures first = DatasetPictures.of(s, null);
        s.learningRate = 0.01;
        s.data = scratchnet.data.Shape.XOR;
        assertSame(first, DatasetPictures.of(s, first), "the rate and the chosen dataset change none of them");
        s.noise = 0.3;
        assertNotSame(first, DatasetPictures.of(s, first));
    }
}
