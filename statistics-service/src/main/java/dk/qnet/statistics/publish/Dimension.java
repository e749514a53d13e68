package dk.qnet.statistics.publish;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One dimension of a cube: nodes in a forest, each a sum of its children (a year of its quarters,
 * a quarter of its months; the country of its regions, a region of its networks; all sources of
 * each source). A node without a parent and without children stands alone: no sum holds across it.
 *
 * <p>A node may be the sum of more than one set of parts: all rejections are the sum of the
 * sources and also the sum of the reasons, and each source's rejections the sum of its reasons
 * ({@link #addSum}). Then the dimension is a lattice, not a tree: a part may have a second parent.
 * Totals are filled from the first set of parts; every set is a line for suppression.
 */
public final class Dimension {

    private final List<String> keys = new ArrayList<>();
    private final List<Integer> parents = new ArrayList<>();
    private final List<List<Integer>> children = new ArrayList<>();
    private final List<List<List<Integer>>> otherSums = new ArrayList<>();

    /** Adds a node under {@code parent} (-1 for none) and returns its index. */
    public int add(String key, int parent) {
        keys.add(key);
        parents.add(parent);
        children.add(new ArrayList<>());
        otherSums.add(new ArrayList<>());
        int index = keys.size() - 1;
        if (parent >= 0) {
            children.get(parent).add(index);
        }
        return index;
    }

    public int size() {
        return keys.size();
    }

    public String key(int node) {
        return keys.get(node);
    }

    public int parent(int node) {
        return parents.get(node);
    }

    public List<Integer> children(int node) {
        return Collections.unmodifiableList(children.get(node));
    }

    /** Records that {@code node} is also the sum of {@code parts} (nodes added before). */
    public void addSum(int node, List<Integer> parts) {
        if (parts.isEmpty() || parts.contains(node)) {
            throw new IllegalArgumentException("a sum needs parts other than the node itself");
        }
        otherSums.get(node).add(List.copyOf(parts));
    }

    /** Every set of parts the node is the sum of: its children first, where it has any. */
    public List<List<Integer>> sums(int node) {
        List<List<Integer>> sums = new ArrayList<>();
        if (!children.get(node).isEmpty()) {
            sums.add(children(node));
        }
        sums.addAll(otherSums.get(node));
        return sums;
    }

    public boolean isLeaf(int node) {
        return children.get(node).isEmpty() && otherSums.get(node).isEmpty();
    }

    public Optional<Integer> find(String key) {
        int i = keys.indexOf(key);
        return i < 0 ? Optional.empty() : Optional.of(i);
    }
}
