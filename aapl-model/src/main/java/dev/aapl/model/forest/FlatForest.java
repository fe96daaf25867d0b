package dev.aapl.model.forest;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * All trees of a forest in one set of flat arrays indexed by node, so a forest of any size is
 * a handful of objects and a prediction is a tight loop over primitives. Tree {@code t} starts
 * at node {@code roots[t]}; children always come after their parent. Immutable.
 */
final class FlatForest implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Bounds what a stream may ask to allocate, so a corrupt count fails fast. */
    private static final int MAX_NODES = 1 << 26;

    private final int featureCount;
    private final int[] roots;
    private final int[] feature;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final double[] value;

    private FlatForest(int featureCount, int[] roots, int[] feature, double[] threshold,
            int[] left, int[] right, double[] value) {
        this.featureCount = featureCount;
        this.roots = roots;
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.value = value;
    }

    /**
     * @param trees the trees, in order
     * @param featureCount how many features a row has
     * @return the trees' arrays concatenated, child indices shifted to the shared arrays
     */
    static FlatForest of(List<GrownTree> trees, int featureCount) {
        int total = 0;
        for (GrownTree tree : trees) {
            total += tree.size();
        }
        int[] roots = new int[trees.size()];
        int[] feature = new int[total];
        double[] threshold = new double[total];
        int[] left = new int[total];
        int[] right = new int[total];
        double[] value = new double[total];
        int offset = 0;
        for (int t = 0; t < trees.size(); t++) {
            GrownTree tree = trees.get(t);
            roots[t] = offset;
            for (int n = 0; n < tree.size(); n++) {
                boolean leaf = tree.feature()[n] < 0;
                feature[offset + n] = tree.feature()[n];
                threshold[offset + n] = tree.threshold()[n];
                left[offset + n] = leaf ? -1 : tree.left()[n] + offset;
                right[offset + n] = leaf ? -1 : tree.right()[n] + offset;
                value[offset + n] = tree.value()[n];
            }
            offset += tree.size();
        }
        return new FlatForest(featureCount, roots, feature, threshold, left, right, value);
    }

    /**
     * @param row feature values in the model's order; a NaN value goes right at every split
     * @return the mean of the trees' leaf values
     */
    double predict(double[] row) {
        double sum = 0;
        for (int root : roots) {
            int node = root;
            int f;
            while ((f = feature[node]) >= 0) {
                node = row[f] <= threshold[node] ? left[node] : right[node];
            }
            sum += value[node];
        }
        return sum / roots.length;
    }

    int featureCount() {
        return featureCount;
    }

    int treeCount() {
        return roots.length;
    }

    int nodeCount() {
        return feature.length;
    }

    int root(int tree) {
        return roots[tree];
    }

    /** @return the node's split feature, or -1 for a leaf */
    int splitFeature(int node) {
        return feature[node];
    }

    double threshold(int node) {
        return threshold[node];
    }

    int left(int node) {
        return left[node];
    }

    int right(int node) {
        return right[node];
    }

    /** @return the mean target of the node's training rows */
    double value(int node) {
        return value[node];
    }

    /**
     * Writes the arrays column by column.
     *
     * @param out the destination
     * @throws IOException when writing fails
     */
    void write(DataOutput out) throws IOException {
        out.writeInt(featureCount);
        out.writeInt(roots.length);
        out.writeInt(feature.length);
        writeInts(out, roots);
        writeInts(out, feature);
        writeDoubles(out, threshold);
        writeInts(out, left);
        writeInts(out, right);
        writeDoubles(out, value);
    }

    /**
     * Reads what {@link #write} wrote and checks that it forms valid trees, so a damaged stream
     * can never send a prediction out of bounds or round in a loop.
     *
     * @param in the source
     * @return the forest
     * @throws IOException when reading fails
     * @throws FastForestFormatException when the arrays do not form valid trees
     */
    static FlatForest read(DataInput in) throws IOException {
        int featureCount = in.readInt();
        int treeCount = in.readInt();
        int nodeCount = in.readInt();
        if (featureCount < 1 || treeCount < 1 || nodeCount < treeCount
                || nodeCount > MAX_NODES) {
            throw new FastForestFormatException("forest sizes are impossible: " + featureCount
                    + " features, " + treeCount + " trees, " + nodeCount + " nodes", null);
        }
        int[] roots = readInts(in, treeCount);
        int[] feature = readInts(in, nodeCount);
        double[] threshold = readDoubles(in, nodeCount);
        int[] left = readInts(in, nodeCount);
        int[] right = readInts(in, nodeCount);
        double[] value = readDoubles(in, nodeCount);
        FlatForest forest = new FlatForest(featureCount, roots, feature, threshold, left, right,
                value);
        forest.checkStructure();
        return forest;
    }

    private void checkStructure() {
        for (int t = 0; t < roots.length; t++) {
            int end = t + 1 < roots.length ? roots[t + 1] : feature.length;
            if (roots[t] < 0 || roots[t] >= end || end > feature.length) {
                throw new FastForestFormatException("tree " + t + " has a bad root", null);
            }
            for (int node = roots[t]; node < end; node++) {
                boolean leaf = feature[node] < 0;
                boolean childrenInTree = left[node] > node && left[node] < end
                        && right[node] > node && right[node] < end;
                if (!leaf && (feature[node] >= featureCount || !childrenInTree)) {
                    throw new FastForestFormatException("node " + node + " of tree " + t
                            + " points outside its tree", null);
                }
            }
        }
    }

    private static void writeInts(DataOutput out, int[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES);
        buffer.asIntBuffer().put(values);
        out.write(buffer.array());
    }

    private static void writeDoubles(DataOutput out, double[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Double.BYTES);
        buffer.asDoubleBuffer().put(values);
        out.write(buffer.array());
    }

    private static int[] readInts(DataInput in, int count) throws IOException {
        byte[] bytes = new byte[count * Integer.BYTES];
        in.readFully(bytes);
        int[] values = new int[count];
        ByteBuffer.wrap(bytes).asIntBuffer().get(values);
        return values;
    }

    private static double[] readDoubles(DataInput in, int count) throws IOException {
        byte[] bytes = new byte[count * Double.BYTES];
        in.readFully(bytes);
        double[] values = new double[count];
        ByteBuffer.wrap(bytes).asDoubleBuffer().get(values);
        return values;
    }
}
