package scratchnet.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/** Share anywhere: the embed view for iframes (OfflineIT: the site offline). */
class ShareIT extends PageTest {
    private static boolean shown(String css) {
        return driver().findElements(By.cssSelector(css)).stream().anyMatch(e -> e.isDisplayed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theEmbedViewShowsThePicturePlayAndTheReadoutsOnly(String engine) {
        openFolded(engine, "data=spiral&embed=1"); // the diagram is not shown, so never drawn
        for (String css : new String[] {"#boundary", "#play", "#step", "#reset", "#readouts", "#embed-full"}) {
            assertTrue(shown(css), css + " is shown");
        }
        for (String css : new String[] {".panel.data", ".panel.network", ".panel.training", ".panel.share", "#inspector",
            ".masthead", "footer", ".click-tools"}) {
            assertFalse(shown(css), css + " is hidden");
        }
        click("step");
        awaitText("step-count", "1");
        String full = driver().findElement(By.id("embed-full")).getAttribute("href");
        assertTrue(full.contains("data=spiral") && full.contains("embed=0"), full);
        // The full page, from the embed's link, shows everything again.
        open(engine, full.substring(full.indexOf('#') + 1));
        assertTrue(shown(".panel.data") && shown("#inspector"));
    }
}
