package scratchnet.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Screenshots of the page for a person to look at, not a test (scripts/screenshots; nothing here
 * can pass or fail). At a desktop and a phone size: two points added by hand, 100 steps trained,
 * an import error and the tour open; then the whole page at phone width. Writes PNGs to the
 * folder given as the first argument, default target/screenshots.
 */
public final class Screenshots {
    private Screenshots() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Path bad = Files.createTempDirectory("scratchnet-shots-").resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"scratchnet-model\", \"version\": 1, \"layers\": []}");
        try (BrowserSupport browser = BrowserSupport.start()) {
            for (int[] size : new int[][] {{1280, 800}, {390, 844}}) {
                browser.driver().manage().window().setSize(new Dimension(size[0], size[1]));
                browser.openPage("wasm", "layers=4&test=1&add=-1,-1,1;-0.8,-1.1,1");
                browser.click("play");
                new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                        .until(d -> Integer.parseInt(browser.text("step-count")) > 100);
                browser.click("play");
                browser.driver().findElement(By.id("import-file")).sendKeys(bad.toString());
                new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                        .until(d -> browser.text("import-error").contains("bad.json"));
                browser.click("tour-open");
                browser.click("tour-next");
                save(browser, out.resolve("data-" + size[0] + "x" + size[1] + ".png"));
                browser.click("tour-close");
            }
            browser.driver().manage().window().setSize(new Dimension(390, 2600));
            browser.openPage("wasm", "layers=4");
            save(browser, out.resolve("data-390-full.png"));
        } finally {
            Files.delete(bad);
            Files.delete(bad.getParent());
        }
    }

    private static void save(BrowserSupport browser, Path png) throws IOException {
        browser.screenshot(png);
        System.out.println("wrote " + png);
    }
}
