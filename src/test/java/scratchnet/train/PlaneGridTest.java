package scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import scratchnet.data.Rng;
import scratchnet.nn.Layer;
import scratchnet.nn.MLP;
import scratchnet.nn.Neuron;

/** Filter-normalised directions (Li et al. 2018) and the whole network's plane of losses. */
class PlaneGridTest {
    @Test
    void eachNeuronsRowHasTheNormOfItsWeightsAndBiasesStayPut() {
        Trainer t = LandscapeTest.trainers().get(1);
        MLP model = t.model;
        double[] d = PlaneGrid.direction(model, new Rng(11));
        assertArrayEquals(d, PlaneGrid.direction(model, new Rng(11)), 0, "seeded: the same direction again");
        int k = 0;
        double worst = 0;
        for (Layer layer : model.layers) {
            for (Neuron neuron : layer.neurons) {
                double row = 0;
                double own = 0;
                for (int i = 0; i < neuron.w.size(); i++) {
                    row += d[k] * d[k];
                    own += neuron.w.get(i).data * neuron.w.get(i).data;
                    k++;
                }
                assertEquals(Math.sqrt(own), Math.sqrt(row), 1e-12);
                worst = Math.max(worst, Math.abs(Math.sqrt(own) - Math.sqrt(row)));
                assertEquals(0, d[k++], 0, "the bias's direction is 0");
            }
        }
        assertEquals(d.length, k);
        System.out.printf("filter-normalised rows against their neurons' norms: largest difference %.1e%n", worst);
    }

    @Test
    void eachCellIsTheLossOnThePlane() {
        Trainer t = LandscapeTest.trainers().get(0);
        Landscape land = Landscape.of(t);
        PlaneGrid g = PlaneGrid.of(land, new Rng(2), 11);
        PlaneGrid sliced = new PlaneGrid(land, g.first(), g.second(), 11, 1);
        sliced.slice(3);
        g.finish();
        sliced.finish();
        assertArrayEquals(g.values(), sliced.values(), 0, "sliced or not, the same bits");
        assertEquals(land.value, g.values()[5 * 11 + 5], 0, "the middle cell is the current weights");
        double[] d1 = g.first();
        double[] d2 = g.second();
        for (int[] cell : new int[][] {{0, 0}, {2, 9}, {10, 10}}) {
            double[] theta = land.at();
            for (int p = 0; p < theta.length; p++) {
                theta[p] += g.a(cell[1]) * d1[p] + g.b(cell[0]) * d2[p];
            }
            assertEquals(land.lossAt(theta), g.values()[cell[0] * 11 + cell[1]], 0);
        }
        assertEquals(-1, g.a(0), 0);
        assertEquals(1, g.b(10), 0);
        assertTrue(g.levels().levels.length > 0);
    }

    @Test
    void aRectangleOfAnyTwoDirections() {
        Trainer t = LandscapeTest.trainers().get(2);
        Landscape land = Landscape.of(t);
        double[] d1 = PlaneGrid.direction(t.model, new Rng(8));
        double[] d2 = land.gradient(); // with biases: any direction will do
        PlaneGrid g = PlaneGrid.rectangle(land, d1, d2, 9, -0.2, 1.4, -0.05, 0.3);
        g.finish();
        assertEquals(-0.2, g.a(0), 1e-15);
        assertEquals(1.4, g.a(8), 1e-15);
        assertEquals(0.3, g.b(8), 1e-15);
        double worst = 0;
        for (int row = 0; row < 9; row++) {
            for (int col = 0; col < 9; col++) {
                double[] theta = land.at();
                for (int p = 0; p < theta.length; p++) {
                    theta[p] += g.a(col) * d1[p] + g.b(row) * d2[p];
                }
                double l = land.lossAt(theta);
                assertEquals(l, g.cell(row, col), 1e-12 * Math.max(1, l));
                worst = Math.max(worst, Math.abs(l - g.cell(row, col)));
            }
        }
        assertEquals(0.8, g.span, 1e-15, "half the a side");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PlaneGrid.rectangle(land, d1, d2, 9, 1, 1, 0, 1));
        System.out.printf("a 9×9 rectangle of the plane: cells against lossAt, largest difference %.1e%n", worst);
    }
}
