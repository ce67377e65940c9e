package scratchnet.browser;

import scratchnet.playground.inspect.ClassicExample;
import scratchnet.playground.inspect.ComputationGraph;
import scratchnet.playground.inspect.Inspection;
import scratchnet.playground.inspect.Names;
import scratchnet.playground.picture.View;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.nn.MLP;
import scratchnet.train.GradientCheck;
import scratchnet.io.Format;

/**
 * The "inside the network" panel in both engines: a clicked point's computation graph, the neuron
 * inspector and its bias, step by phase, the gradient check and the classic example. Every number
 * the page shows is compared with the same seeded computation on the JVM, formatted the same way.
 */
class InspectorIT extends PageTest {

    /** Clicks the boundary picture where the plane's point (x, y) is drawn. */
    private static void clickPlane(View view, double x, double y) {
        WebElement canvas = driver().findElement(By.id("boundary"));
        ((JavascriptExecutor) driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", canvas);
        double w = ((Number) ((JavascriptExecutor) driver()).executeScript("return arguments[0].clientWidth", canvas)).doubleValue();
        double h = ((Number) ((JavascriptExecutor) driver()).executeScript("return arguments[0].clientHeight", canvas)).doubleValue();
        double fx = view.pixelX(x, 1);
        double fy = view.pixelY(y, 1);
        // Offsets from the element's centre.
        new Actions(driver()).moveToElement(canvas, (int) Math.round((fx - 0.5) * w), (int) Math.round((fy - 0.5) * h))
                .click().perform();
    }

    private static String summary(int index, Point p, ComputationGraph g) {
        return "point #" + index + " (" + Format.fixed(p.x, 3) + ", " + Format.fixed(p.y, 3) + "), label "
                + (p.label > 0 ? "+1" : "-1") + " · output " + Format.fixed(g.output, 4) + " · loss (out − y)² "
                + Format.fixed(g.loss, 4);
    }

    private static String nodeText(ComputationGraph g, String label) {
        ComputationGraph.Node n = g.nodes.stream().filter(k -> k.label.equals(label)).findFirst().orElseThrow();
        return label + ": data " + Format.compact(n.data) + ", grad " + Format.compact(n.grad);
    }

    /** How many boxes the graph draws, as the page says beside its hint. */
    private static String drawnBoxes() {
        return driver().findElement(By.id("graph-nodes")).getAttribute("data-count");
    }

    private static void find(String label) {
        WebElement find = driver().findElement(By.id("graph-find"));
        find.sendKeys(Keys.chord(Keys.CONTROL, "a"), label, Keys.ENTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aClickedPointsGraphHasTheJvmsNodesAndNumbers(String engine) {
        open(engine, "");
        Session session = new Session(new Settings());
        List<Point> points = session.train().points;
        int i = isolatedPoint(points);
        Point p = points.get(i);
        clickPlane(session.view(), p.x, p.y);
        ComputationGraph g = Inspection.graph(session.model(), new double[] {p.x, p.y}, p.label);
        awaitText("graph-summary", summary(i, p, g));
        // ~500 values cannot be read at "fit": one box per neuron at first.
        assertEquals(Integer.toString(g.byNeuron().nodes.size()), drawnBoxes());
        assertEquals(g.nodes.size() + " nodes, shown as 17 neurons — untick to see every value", text("graph-nodes"));
        // A weight is only in the whole graph: finding it shows every value.
        find("w[1][3][0]");
        awaitText("graph-node", nodeText(g, "w[1][3][0]"));
        assertEquals(Integer.toString(g.nodes.size()), drawnBoxes());
        assertEquals(g.nodes.size() + " nodes", text("graph-nodes"));
        assertTrue(!driver().findElement(By.id("graph-by-neuron")).isSelected());
        find("b[2][0]");
        awaitText("graph-node", nodeText(g, "b[2][0]"));

        // A training step moves the numbers: the graph follows the model.
        click("step");
        awaitText("step-count", "1");
        session.step();
        ComputationGraph after = Inspection.graph(session.model(), new double[] {p.x, p.y}, p.label);
        awaitText("graph-summary", summary(i, p, after));
        find("w[1][3][0]");
        awaitText("graph-node", nodeText(after, "w[1][3][0]"));
    }

    @Test
    void aClickMeantForEditingTheDataSelectsNothing() {
        open("wasm", "");
        Session session = new Session(new Settings());
        List<Point> points = session.train().points;
        int i = isolatedPoint(points);
        String before = text("graph-summary");
        assertTrue(before.startsWith("point #0 "), "the first point is selected at first: " + before);
        // In an editing mode the click adds a point (the data editor's job) and selects nothing.
        new Select(driver().findElement(By.id("click-mode"))).selectByValue("add");
        new Select(driver().findElement(By.id("paint-class"))).selectByValue("1");
        View v = session.view();
        clickPlane(v, v.planeX(0.05, 1), v.planeY(0.05, 1));
        click("step"); // a frame is painted
        awaitText("step-count", "1");
        assertTrue(text("graph-summary").startsWith("point #0 "), text("graph-summary"));
        assertTrue(text("data-counts").startsWith("161 training"), "the click added a point: " + text("data-counts"));
        new Select(driver().findElement(By.id("click-mode"))).selectByValue("inspect");
        clickPlane(session.view(), points.get(i).x, points.get(i).y);
        await("the clicked point", () -> text("graph-summary").startsWith("point #" + i + " "));
    }

    @Test
    void aBigNetworksGraphCollapsesToOneNodePerNeuron() {
        open("wasm", "layers=16,16");
        Session session = new Session(Settings.fromHash("layers=16,16").settings);
        Point p = session.train().points.get(0);
        ComputationGraph g = Inspection.graph(session.model(), new double[] {p.x, p.y}, p.label);
        assertTrue(g.collapsed);
        awaitText("graph-nodes", g.wholeSize + " nodes, shown as 33 neurons — more than 600 are too many to draw one by one");
        assertEquals(Integer.toString(g.nodes.size()), drawnBoxes());
        WebElement byNeuron = driver().findElement(By.id("graph-by-neuron"));
        assertTrue(byNeuron.isSelected() && !byNeuron.isEnabled(), "no whole graph to switch to");
        awaitText("graph-summary", summary(0, p, g));
        find("n[1][5] tanh");
        awaitText("graph-node", nodeText(g, "n[1][5] tanh"));
        // A weight has no box of its own here: its neuron's is chosen, and the page says so.
        find("w[1][5][3]");
        awaitText("graph-node", "w[1][5][3] is inside this neuron's box (the whole graph is too big to draw): "
                + nodeText(g, "n[1][5] tanh"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theGradientCheckFindsBackwardRight(String engine) {
        open(engine, "");
        click("tab-gradcheck"); // the view under the diagram
        click("gradcheck");
        await("the gradient check", () -> driver().findElement(By.id("gradcheck-result")).getAttribute("data-error") != null);
        double error = Double.parseDouble(driver().findElement(By.id("gradcheck-result")).getAttribute("data-error"));
        System.out.println(engine + " gradient check on the page: " + text("gradcheck-result"));
        assertTrue(error < 1e-6, text("gradcheck-result"));
        assertTrue(text("gradcheck-result").contains("backward() agrees"), text("gradcheck-result"));
        assertTrue(text("gradcheck-result").contains("largest relative error ") && text("gradcheck-result").contains("e-"),
                "in scientific notation: " + text("gradcheck-result"));
        awaitText("step-count", "0");
    }

    @Test
    void aBigNetworkStaysResponsive() {
        String hash = "layers=32,32,32&points=1000";
        open("wasm", hash);
        Session session = new Session(Settings.fromHash(hash).settings);
        int parameters = session.model().parameters().size();
        int points = Inspection.pointsToCheck(parameters, session.train().size());
        assertTrue(points < session.train().size());
        click("tab-gradcheck"); // the view under the diagram
        click("gradcheck");
        await("the gradient check", () -> driver().findElement(By.id("gradcheck-result")).getAttribute("data-error") != null);
        assertTrue(text("gradcheck-result").contains("backward() agrees") && text("gradcheck-result")
                .contains("the first " + points + " of " + session.train().size() + " training points"), text("gradcheck-result"));
        // The check went one slice per frame, as many slices as the same check takes on the JVM.
        GradientCheck.Job job = new GradientCheck.Job(session.model(),
                new Dataset(session.train().points.subList(0, points)), session.trainer().loss, session.trainer().l2);
        int slices = 0;
        while (!job.done()) {
            job.advance();
            slices++;
        }
        assertTrue(slices > 10, "slices: " + slices);
        assertEquals(Integer.toString(slices), driver().findElement(By.id("gradcheck-result")).getAttribute("data-slices"));

        // Half way down the scroll bar are the middle parameters: the spacers stand for the right number of rows.
        String middle = Names.parameters(session.model())[parameters / 2];
        ((JavascriptExecutor) driver()).executeScript(
                "const s = document.getElementById('param-scroll'); s.scrollIntoView({block: 'center'});"
                        + " s.scrollTop = (s.scrollHeight - s.clientHeight) / 2;");
        await("the middle rows", () -> (Boolean) ((JavascriptExecutor) driver()).executeScript(
                "return Array.from(document.querySelectorAll('#param-rows tr.param th')).some(th => th.textContent === arguments[0]);",
                middle));
        double perRow = ((Number) ((JavascriptExecutor) driver()).executeScript(
                "const s = document.getElementById('param-scroll');"
                        + " return s.scrollHeight / document.querySelector('#param-rows tr.param').offsetHeight;")).doubleValue();
        assertEquals(parameters, perRow, parameters * 0.03, "the scroll height is that of a row per parameter");
        // Rows scrolled into view are filled in, the last parameter's too.
        ((JavascriptExecutor) driver()).executeScript(
                "const s = document.getElementById('param-scroll'); s.scrollIntoView({block: 'center'}); s.scrollTop = s.scrollHeight;");
        String last = Names.parameters(session.model())[parameters - 1] + " "
                + Format.compact(session.model().parameters().get(parameters - 1).data);
        await("the last row", () -> last.equals(((JavascriptExecutor) driver()).executeScript(
                "const rows = document.querySelectorAll('#param-rows tr.param'); const r = rows[rows.length - 1];"
                        + " return r.querySelector('th').textContent + ' ' + r.querySelector('td').textContent;")));
        assertEquals(parameters, tableRows());
        // Only the rows around the view exist: the page stays small however big the network.
        assertTrue(driver().findElements(By.cssSelector("#param-rows tr")).size() < 50);
    }

    /** The grad column of the parameter table's first rows (those in view: rows out of view wait until scrolled to). */
    @SuppressWarnings("unchecked")
    private static List<String> gradColumn() {
        return (List<String>) ((JavascriptExecutor) driver()).executeScript(
                "return Array.from(document.querySelectorAll('#param-rows tr.param td:nth-of-type(2)')).slice(0, 12).map(td => td.textContent);");
    }

    /** How many parameters the table holds (its rows are made as they scroll into view). */
    private static int tableRows() {
        return Integer.parseInt(driver().findElement(By.id("param-rows")).getAttribute("data-parameters"));
    }

    private static String lit() {
        return (String) ((JavascriptExecutor) driver()).executeScript(
                "const l = document.querySelector('.phases li.lit'); return l ? l.id : '';");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void stepByPhaseCountsTheStepOnlyAfterTheUpdate(String engine) {
        open(engine, "");
        Session session = new Session(new Settings());
        int parameters = session.model().parameters().size();
        assertEquals(parameters, tableRows(), "a row per parameter");
        assertEquals(Integer.toString(parameters), text("params-count"));
        assertEquals("", lit());

        click("tab-phases"); // the view under the diagram
        click("phase-next"); // forward
        await("forward lit", () -> lit().equals("phase-forward"));
        await("grads zeroed", () -> gradColumn().stream().allMatch(t -> t.equals("0.0000")));
        assertEquals("0", text("step-count"));
        session.trainer().forward();
        assertTrue(text("phase-note").contains(Format.fixed(session.trainer().step().loss, 4)), text("phase-note"));
        assertEquals("backward", driver().findElement(By.id("phase-next")).getAttribute("data-next"));

        click("phase-next"); // backward
        await("backward lit", () -> lit().equals("phase-backward"));
        await("grads filled", () -> gradColumn().stream().filter(t -> !t.equals("0.0000")).count() > 6);
        assertEquals("0", text("step-count"));
        String lossBefore = text("train-loss");

        click("phase-next"); // update
        await("update lit", () -> lit().equals("phase-update"));
        awaitText("step-count", "1");
        assertNotEquals(lossBefore, text("train-loss"));
        awaitText("train-loss", Format.fixed(session.readout().trainLoss, 4));

        // A step begun by phase is finished by the step button, never left half done.
        click("phase-next");
        await("forward lit again", () -> lit().equals("phase-forward"));
        click("step");
        awaitText("step-count", "2");
        session.step();
        awaitText("train-loss", Format.fixed(session.readout().trainLoss, 4));
        assertEquals("forward", driver().findElement(By.id("phase-next")).getAttribute("data-next"));
    }

    /** Clicks neuron {@code row} of diagram column {@code column} (0 = inputs): its button over its thumbnail. */
    private static void clickNeuron(int[] widths, int column, int row) {
        assertTrue(row < widths[column]);
        WebElement neuron = driver().findElement(By.cssSelector(
                "#network-neurons [data-column='" + column + "'][data-row='" + row + "']"));
        ((JavascriptExecutor) driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", neuron);
        neuron.click();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void editingABiasChangesTheModelAsOnTheJvm(String engine) {
        open(engine, "");
        Session session = new Session(new Settings());
        MLP model = session.model();
        Point p = session.train().points.get(0);
        double[] x = {p.x, p.y};
        awaitText("neuron-title", "the output neuron (layer 2)");
        awaitText("neuron-formula", Inspection.formula(model, 2, 0, x));

        WebElement bias = driver().findElement(By.id("neuron-bias"));
        bias.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.5", Keys.TAB);
        model.layers.get(2).neurons.get(0).b.data = 0.5;
        awaitText("train-loss", Format.fixed(session.readout().trainLoss, 4));
        awaitText("train-accuracy", Format.percent(session.readout().trainAccuracy));
        awaitText("graph-summary", summary(0, p, Inspection.graph(model, x, p.label)));
        awaitText("neuron-formula", Inspection.formula(model, 2, 0, x));

        // A hidden neuron: its formula reads the inputs, and its bias is editable too.
        clickNeuron(new int[] {2, 8, 8, 1}, 1, 3);
        awaitText("neuron-title", "layer 0, neuron 3");
        awaitText("neuron-formula", Inspection.formula(model, 0, 3, x));
        assertEquals(2, driver().findElements(By.cssSelector("#neuron-weights tr")).size());
        bias = driver().findElement(By.id("neuron-bias"));
        bias.sendKeys(Keys.chord(Keys.CONTROL, "a"), "-1.25", Keys.TAB);
        model.layers.get(0).neurons.get(3).b.data = -1.25;
        awaitText("train-loss", Format.fixed(session.readout().trainLoss, 4));
        awaitText("neuron-formula", Inspection.formula(model, 0, 3, x));
        // Not a number: the bias stays.
        bias.sendKeys(Keys.chord(Keys.CONTROL, "a"), "abc", Keys.TAB);
        awaitText("train-loss", Format.fixed(session.readout().trainLoss, 4));
        assertEquals("-1.25", driver().findElement(By.id("neuron-bias")).getAttribute("data-value"));
        // A weight is edited as the bias is, with the same validation.
        WebElement weight = driver().findElement(By.cssSelector("#neuron-weights input[aria-label='w[0][3][1]']"));
        assertEquals(Format.number(model.layers.get(0).neurons.get(3).w.get(1).data), weight.getAttribute("data-value"),
                "the field holds the weight exactly");
        weight.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.75", Keys.TAB);
        model.layers.get(0).neurons.get(3).w.get(1).data = 0.75;
        awaitText("train-loss", Format.fixed(session.readout().trainLoss, 4));
        awaitText("neuron-formula", Inspection.formula(model, 0, 3, x));
        weight = driver().findElement(By.cssSelector("#neuron-weights input[aria-label='w[0][3][1]']"));
        weight.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1e999", Keys.TAB);
        await("the weight put back", () -> driver().findElement(By.cssSelector("#neuron-weights input[aria-label='w[0][3][1]']"))
                .getAttribute("data-value").equals("0.75"));
        assertEquals(Format.fixed(session.readout().trainLoss, 4), text("train-loss"), "an infinite weight is refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theLessonsExampleIsItsOwnNetworkInEveryView(String engine) {
        open(engine, "lesson=1");
        ClassicExample classic = new ClassicExample();
        // the first screen: 41 parameters summed by layer, the four examples in the picture's place
        awaitText("param-count", "41");
        assertEquals("3·4+4 + 4·4+4 + 4·1+1 = 41", text("param-sum"));
        assertTrue(text("network-layers").startsWith("x0, x1, x2 → 4 tanh → 4 tanh → 1 tanh (output)"), text("network-layers"));
        assertTrue(driver().findElement(By.id("lesson-examples")).isDisplayed());
        assertTrue(!driver().findElement(By.id("boundary")).isDisplayed(), "no plane to picture");
        for (int k = 0; k < 4; k++) {
            String row = String.join(" ", classic.row(k));
            String shown = driver().findElement(By.cssSelector("#lesson-rows tr:nth-child(" + (k + 1) + ")")).getText();
            assertEquals(k + " " + row, shown.replace('\n', ' '), "example " + k);
        }
        // the graph of the chosen example is the scalar engine's
        click("lesson-example-2");
        ComputationGraph g2 = classic.graph(2);
        await("example 2's graph", () -> text("graph-summary").startsWith("example 2: x = (0.5, 1.0, 1.0), y = -1 · output "
                + Format.fixed(g2.output, 4)));
        assertEquals(String.valueOf(g2.byNeuron().nodes.size()), driver().findElement(By.id("graph-nodes")).getAttribute("data-count"),
                "one box per neuron: 120 nodes are too small to read at fit");
        // the toolbar's Step trains the lesson: p.data -= 0.1 * p.grad on Σ (out − y)²
        for (int s = 1; s <= 3; s++) {
            click("step");
            classic.step();
            awaitText("step-count", Integer.toString(s));
            awaitText("train-loss", Format.fixed(classic.loss(), 4));
        }
        awaitText("lesson-total", "3·4+4 + 4·4+4 + 4·1+1 = 41 parameters · step 3 · loss Σ over the 4 examples "
                + Format.fixed(classic.loss(), 4));
        find("w[0][1][2]");
        awaitText("graph-node", nodeText(classic.graph(2), "w[0][1][2]"));
        // the parameter table: 41 rows; a row's Δ opens the nudge on it
        click("open-params");
        await("41 rows", () -> "41".equals(driver().findElement(By.id("param-rows")).getAttribute("data-parameters")));
        String row = "#param-rows button[aria-label='nudge w[1][2][3]']";
        ((JavascriptExecutor) driver()).executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", row);
        // the table keeps only the rows in view, relabelling its buttons as it scrolls: find and press at once
        ((JavascriptExecutor) driver()).executeScript("document.querySelector(arguments[0]).click()", row);
        await("the nudge view on w[1][2][3]", () -> driver().findElement(By.id("view-nudge")).isDisplayed()
                && "w[1][2][3]".equals(new Select(driver().findElement(By.id("nudge-param"))).getFirstSelectedOption().getAttribute("value")));
        click("nudge-apply");
        int k = java.util.Arrays.asList(Names.parameters(classic.model)).indexOf("w[1][2][3]");
        scratchnet.train.Nudge expected = scratchnet.train.Nudge.of(classic.trainer, k, 0.01);
        await("the nudge's numbers", () -> text("nudge-summary").contains("a change of "
                + Format.significant(expected.change(0), 4) + "; its gradient predicts grad × Δ = "
                + Format.significant(expected.grad, 4)));
        click("nudge-undo");
        // the gradient check runs on the lesson's network and its four examples
        click("tab-gradcheck");
        click("gradcheck");
        await("the check", () -> text("gradcheck-result").contains("41 parameters, all 4 examples · at step 3"));
        // untick: the data's network as it was, untrained
        click("set-lesson");
        awaitText("param-count", "105");
        assertEquals("0", text("step-count"), "the data's network waited");
        assertTrue(driver().findElement(By.id("boundary")).isDisplayed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theClassicGraphReadsAtFitOneBoxPerNeuronAndEveryValueOnDemand(String engine) {
        open(engine, "");
        new Select(driver().findElement(By.id("graph-source"))).selectByValue("classic");
        click("graph-fit");
        ComputationGraph whole = new ClassicExample().graph(0);
        ComputationGraph boxes = whole.byNeuron();
        // 120 values at "fit" would be text of a pixel or two: the 9 neurons, their 3 inputs and the loss instead.
        awaitText("graph-nodes", "120 nodes, shown as 9 neurons — untick to see every value");
        assertEquals("13", drawnBoxes());
        assertEquals(3 + 9 + 1, boxes.nodes.size());
        WebElement byNeuron = driver().findElement(By.id("graph-by-neuron"));
        assertTrue(byNeuron.isSelected() && byNeuron.isEnabled());
        assertEquals("one box per neuron", driver().findElement(By.cssSelector("label:has(#graph-by-neuron)")).getText().trim());
        // A neuron's box reads as a node does: its output and d(loss)/d(output), the JVM's numbers.
        find("n[1][3]");
        ComputationGraph.Node box = boxes.nodes.get(boxes.find("n[1][3]"));
        awaitText("graph-node", "n[1][3] tanh: data " + Format.compact(box.data) + ", grad " + Format.compact(box.grad));
        // Unticked: every value, the same neuron's output still selected, with the same numbers.
        byNeuron.click();
        awaitText("graph-nodes", "120 nodes");
        assertEquals("120", drawnBoxes());
        awaitText("graph-node", "tanh: data " + Format.compact(box.data) + ", grad " + Format.compact(box.grad));
        // The person's choice holds while the network is the same: a step, another example.
        click("classic-step");
        new Select(driver().findElement(By.id("classic-example"))).selectByIndex(1);
        await("example 1", () -> text("graph-summary").startsWith("example 1:"));
        assertEquals("120 nodes", text("graph-nodes"));
        // Ticked again from the keyboard.
        byNeuron.sendKeys(Keys.SPACE);
        awaitText("graph-nodes", "120 nodes, shown as 9 neurons — untick to see every value");
        byNeuron.sendKeys(Keys.SPACE);
        awaitText("graph-nodes", "120 nodes");
        // Another network decides afresh: the selected point's ~500 values, one box per neuron.
        new Select(driver().findElement(By.id("graph-source"))).selectByValue("point");
        await("the point's graph by neuron", () -> text("graph-nodes").contains(", shown as 17 neurons — "));
        assertTrue(driver().findElement(By.id("graph-by-neuron")).isSelected());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aNudgedWeightChangesTheLossByAboutGradTimesDeltaAndIsPutBack(String engine) {
        open(engine, "");
        Session session = new Session(new Settings());
        String before = Format.fixed(session.readout().trainLoss, 4);
        awaitText("train-loss", before);
        click("tab-nudge");
        new Select(driver().findElement(By.id("nudge-param"))).selectByValue("w[2][0][3]");
        WebElement delta = driver().findElement(By.id("nudge-delta"));
        delta.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.5", Keys.TAB);
        click("nudge-apply");
        session.model().layers.get(2).neurons.get(0).w.get(3).data += 0.5;
        awaitText("train-loss", Format.fixed(session.readout().trainLoss, 4));
        assertTrue(text("nudge-summary").startsWith("w[2][0][3] raised by 0.5, from "), text("nudge-summary"));
        List<WebElement> rows = driver().findElements(By.cssSelector("#nudge-rows tr"));
        assertEquals(3, rows.size());
        double far = Double.parseDouble(rows.get(0).findElements(By.tagName("td")).get(3).getText());
        double near = Double.parseDouble(rows.get(2).findElements(By.tagName("td")).get(3).getText());
        assertTrue(Math.abs(near - 1) < Math.abs(far - 1), "closer to 1 as Δ shrinks: " + far + " then " + near);
        click("nudge-undo");
        awaitText("train-loss", before);
        // Not a Δ: nothing moves, and the page says what a Δ is.
        delta.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0", Keys.TAB);
        click("nudge-apply");
        awaitText("nudge-summary", "Δ must be a number other than 0 (e.g. 0.01), and there must be training points.");
        assertEquals(before, text("train-loss"));
    }
}
