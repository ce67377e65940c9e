package scratchnet.nn;

import java.util.List;
import scratchnet.engine.Value;

/** Anything with trainable parameters. */
public interface Module {
    /** Every trainable value, in a fixed order (layer by layer, neuron by neuron, weights then bias). */
    List<Value> parameters();

    /** Resets every parameter's gradient to zero; call before each backward pass. */
    default void zeroGrad() {
        for (Value p : parameters()) {
            p.grad = 0;
        }
    }
}
