package scratchnet.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A node of a computation graph as the topological sort sees it: the inputs of the operation that
 * made it, and a mark saying whether the sort under way has visited it. {@link Value} and
 * {@link Tensor} are both nodes, so both engines share {@link #topologicalSort}.
 */
abstract class GraphNode<N extends GraphNode<N>> {
    private static int lastMark;
    // The number of the last sort that reached this node: one int compare instead of a hash set.
    // Package-private, not private: the sort reads it through the type variable N.
    int visitMark;

    /** Input {@code i} of the operation that made this node, or null past the last (a leaf has none). */
    abstract N input(int i);

    /**
     * Every node {@code root} depends on, {@code root} last, each after all of its inputs. Iterative
     * (an explicit stack of nodes and the index of each one's next input), so a graph 100,000 nodes
     * deep cannot overflow the call stack.
     */
    static <N extends GraphNode<N>> List<N> topologicalSort(N root) {
        int mark = ++lastMark;
        List<N> order = new ArrayList<>();
        GraphNode<?>[] nodes = new GraphNode<?>[64];
        int[] next = new int[64];
        int depth = 0;
        nodes[depth++] = root;
        root.visitMark = mark;
        while (depth > 0) {
            @SuppressWarnings("unchecked")
            N node = (N) nodes[depth - 1];
            N input = node.input(next[depth - 1]++);
            if (input == null) {
                depth--;
                order.add(node); // all of its inputs are in the order already
            } else if (input.visitMark != mark) {
                input.visitMark = mark;
                if (depth == nodes.length) {
                    nodes = Arrays.copyOf(nodes, depth * 2);
                    next = Arrays.copyOf(next, depth * 2);
                }
                nodes[depth] = input;
                next[depth] = 0;
                depth++;
            }
        }
        return order;
    }
}
