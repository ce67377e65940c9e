package scratchnet.playground.share;

import scratchnet.playground.Keeping;
import scratchnet.playground.Notes;
import scratchnet.playground.Playground;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.DataTest;

/**
 * The datasets' generator version ({@code gen}) through every way in: a page opened without a link
 * gets the newest; a link, a model file or a kept session without {@code gen} is older than it and
 * keeps exactly the points it always had, without a note.
 */
class GeneratorVersionTest {
    // DataTest's pins for the spiral's 200 points at noise 0.1, seed 1, in the data's own order.
    static final long SPIRAL_V1 = 8853042448833697980L;
    static final long SPIRAL_V2 = 4241601517897875406L;

    private static long points(Playground p) {
        return DataTest.hash(p.session().points());
    }

    @Test
    void aPageWithoutALinkGetsTheNewest() {
        Playground p = new Playground("");
        assertEquals(2, p.settings().generator);
        assertEquals(List.of(), p.openingNotes().lines);
        assertTrue(p.link().contains("&noise=0.1&gen=2&"), p.link());
        p.set("data", "spiral");
        assertEquals(SPIRAL_V2, points(p));
        assertEquals(SPIRAL_V2, points(new Playground(p.link())));
    }

    @Test
    void anOldLinkKeepsItsPointsSilently() {
        for (String old : new String[] {"#data=spiral", "data=spiral&points=200&noise=0.1&seed=1&split=80", "#data=spiral&embed=1",
                "#data=spiral&layers=4&w=AAAA", "#data=spiral&compare=1&b.lr=0.1"}) {
            Playground p = new Playground(old);
            assertTrue(p.openingNotes().lines.stream().noneMatch(n -> n.contains("gen")), old + ": " + p.openingNotes().lines);
            assertEquals(1, p.settings().generator, old);
            assertEquals(SPIRAL_V1, points(p), old);
            assertTrue(p.link().contains("&gen=1&"), p.link());
            if (p.twoRuns().comparing()) {
                assertEquals(1, p.twoRuns().sessionB().settings().generator);
                assertEquals(SPIRAL_V1, DataTest.hash(p.twoRuns().sessionB().points()));
            }
        }
    }

    @Test
    void theLinkCarriesTheVersionBothWays() {
        for (String gen : new String[] {"1", "2"}) {
            Playground p = new Playground("#data=spiral&gen=" + gen);
            assertEquals(List.of(), p.openingNotes().lines);
            long expected = gen.equals("1") ? SPIRAL_V1 : SPIRAL_V2;
            assertEquals(expected, points(p));
            Playground again = new Playground(p.link());
            assertEquals(List.of(), again.openingNotes().lines);
            assertEquals(p.link(), again.link());
            assertEquals(expected, points(again));
        }
        // The version is a data row: one for both runs of a comparison.
        Playground compared = new Playground("#data=spiral&gen=1&compare=1&b.gen=2&b.lr=0.1");
        assertTrue(compared.openingNotes().lines.contains(
                "run B: gen is the same for both runs (only training settings and the activation may differ)"),
                compared.openingNotes().lines.toString());
        assertEquals(1, compared.twoRuns().sessionB().settings().generator);
        assertFalse(compared.link().contains("b.gen"), compared.link());
    }

    @Test
    void changingTheVersionMakesNewDataAndUndoBringsTheOldBack() {
        Playground p = new Playground("#data=spiral");
        assertEquals(List.of(), p.set("gen", "2").lines);
        assertEquals(SPIRAL_V2, points(p));
        assertTrue(p.undo());
        assertEquals(1, p.settings().generator);
        assertEquals(SPIRAL_V1, points(p));
    }

    @Test
    void anOldModelFileOpensAsVersionOneWithItsPointsGenerated() throws Exception {
        Playground p = new Playground("#data=spiral&gen=1");
        p.step();
        String file = p.keeping().exportFile();
        String old = file.replace("\\u0026gen=1", ""); // the JSON writes '&' as \u0026
        assertFalse(old.contains("gen="), old.substring(0, 200));
        ModelFile.Contents c = ModelFile.read(old);
        assertEquals(List.of(), c.notes);
        assertEquals(1, c.settings.generator);
        Playground q = new Playground("");
        Notes n = q.keeping().importFile(old);
        assertEquals(List.of(), n.lines, "the settings regenerate the file's points: no note");
        assertFalse(q.session().fromFile());
        assertEquals(SPIRAL_V1, points(q));
        assertEquals(p.link(), q.link());
        // The same points said to be version 2 are not what version 2 makes: they stay the file's own.
        Notes wrong = q.keeping().importFile(file.replace("gen=1", "gen=2"));
        assertTrue(q.session().fromFile());
        assertTrue(wrong.lines.get(0).startsWith("the imported data is not the settings' generated data"), wrong.lines.toString());
        // A file with no settings at all is as old.
        String bare = old.replaceFirst("\"settings\":\"[^\"]*\",", "");
        assertFalse(bare.contains("\"settings\""), bare.substring(0, 100));
        assertEquals(1, ModelFile.read(bare.replace("spiral", "moons")).settings.generator);
    }

    @Test
    void anOldKeptSessionRestoresItsPoints() {
        Playground p = new Playground("#data=spiral&gen=1");
        p.step();
        String oldLink = p.link().replace("&gen=1", "");
        String oldFile = p.keeping().exportFile().replace("\\u0026gen=1", "");
        String saved = Autosave.write(oldLink, false, oldFile, null);
        assertFalse(saved.contains("gen="));
        assertTrue(Keeping.resumes(saved, ""));
        assertTrue(Keeping.resumes(saved, oldLink), "a reload of the old link resumes it");
        Playground q = new Playground(oldLink);
        Notes n = q.keeping().restore(saved);
        assertEquals(1, n.lines.size(), n.lines.toString()); // only "restored your last session ..."
        assertEquals(1, q.settings().generator);
        assertEquals(SPIRAL_V1, points(q));
        assertEquals(1, q.steps());
        assertEquals(p.link(), q.link());
    }
}
