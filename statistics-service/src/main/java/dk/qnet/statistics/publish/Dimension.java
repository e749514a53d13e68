package dk.qnet.statistics.publish;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One dimension of a cube: nodes in a forest, each a sum of its children (a year of its quarters,
 * a quarter of its months; the country of its regions, a region of its networks; all sources of
 * each source). A node without a parent and without children stands alone: no sum holds across it.
 */
public final class Dimension {

    private final List<String> keys = new ArrayList<>();
    private final List<Integer> parents = new ArrayList<>();
    private final List<List<Integer>> children = new ArrayList<>();

    /** Adds a node under {@code parent} (-1 for none) and returns its index. */
    public int add(String key, int parent) {
        keys.add(key);
        parents.add(parent);
        children.add(new ArrayList<>());
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

    public boolean isLeaf(int node) {
        return children.get(node).isEmpty();
    }

    public Optional<Integer> find(String key) {
        int i = keys.indexOf(key);
        return i < 0 ? Optional.empty() : Optional.of(i);
    }
}
