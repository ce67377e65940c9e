package scratchnet.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core finds no violation on the page in either engine: with every panel open (the first
 * visit's tour invitation showing), and again with the tour open.
 */
class AccessibilityIT extends PageTest {

    /** Opens a {@code <details>} element if it is closed. */
    private static void openDetails(String id) {
        ((JavascriptExecutor) driver()).executeScript("document.getElementById(arguments[0]).open = true", id);
    }

    /** Each violation: its rule id, impact and the nodes it names, one line per node. */
    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
                        + rule.getNodes().stream().map(CheckedNode::getTarget).map(t -> "    " + t)
                                .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static void assertNoViolations(String engine, String state) {
        Results results = new AxeBuilder().analyze(driver());
        List<Rule> violations = results.getViolations();
        assertTrue(violations.isEmpty(),
                engine + ", " + state + ": " + violations.size() + " axe violations\n" + describe(violations));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void noViolationsWithEveryPanelOpenAndInTheTour(String engine) {
        openFolded(engine, "");
        assertNoViolations(engine, "as the page opens, its groups folded");
        open(engine, "");
        openDetails("inspector");
        openDetails("params-panel");
        assertTrue(driver().findElement(By.id("param-rows")).isDisplayed(), "the parameter table is shown");
        assertNoViolations(engine, "every panel open");
        click("tab-nudge");
        click("nudge-apply");
        await("the nudge's table", () -> !driver().findElements(By.cssSelector("#nudge-rows tr")).isEmpty());
        assertNoViolations(engine, "a nudge shown");

        click("tour-open");
        assertTrue(driver().findElement(By.id("tour")).isDisplayed(), "the tour is open");
        assertNoViolations(engine, "the tour open");
        for (int i = 0; i < 4; i++) {
            click("tour-next"); // backward's gradients on the diagram, update's weight in the neuron view
        }
        assertNoViolations(engine, "the tour's last step");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void noViolationsWhileComparingTwoRuns(String engine) {
        open(engine, "compare=1&b.lr=0.1");
        assertTrue(driver().findElement(By.id("boundary-b")).isDisplayed(), "run B's picture is shown");
        click("edit-b");
        await("B's learning rate outlined", () -> driver().findElement(By.id("set-lr")).getAttribute("class").contains("differs"));
        assertNoViolations(engine, "comparing, the controls editing B");
    }
}
