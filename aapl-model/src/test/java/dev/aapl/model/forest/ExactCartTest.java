package dev.aapl.model.forest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * One tree grown on every row with every feature at every split must be exactly the tree a
 * brute-force CART builds: the reference below tries every feature and every midpoint between
 * neighbouring distinct values, and computes each side's squared error from scratch.
 */
class ExactCartTest {

    private static final int ROWS = 150;
    private static final int FEATURES = 6;
    private static final int MAX_DEPTH = 5;
    private static final int MIN_LEAF = 4;

    private final SyntheticRegression data =
            SyntheticRegression.draw(ROWS, FEATURES, 0.5, 11L).coarsen(2, 3);

    @Test
    void growsTheSameSplitsAsBruteForceCart() {
        FastForestModel model = singleTree().train(data.dataset());
        double[][] x = data.rowsInOrder(model.featureNames());

        ReferenceNode reference = reference(x, data.targets(), allRows(), 0);

        FlatForest forest = model.forest();
        assertSameTree(forest, forest.root(0), reference);
        assertThat(countSplits(reference)).isGreaterThan(10);
    }

    @Test
    void predictsLikeBruteForceCartOnUnseenRows() {
        FastForestModel model = singleTree().train(data.dataset());
        double[][] x = data.rowsInOrder(model.featureNames());
        ReferenceNode reference = reference(x, data.targets(), allRows(), 0);
        SyntheticRegression unseen = SyntheticRegression.draw(200, FEATURES, 0.5, 12L);

        double[][] rows = unseen.rowsInOrder(model.featureNames());
        double[] predictions = model.predict(rows);

        for (int i = 0; i < rows.length; i++) {
            assertThat(predictions[i]).isCloseTo(reference.predict(rows[i]), within(1e-12));
        }
    }

    private static FastForestTrainer singleTree() {
        return FastForestTrainer.builder().trees(1).bootstrap(false).featureFraction(1.0)
                .maxDepth(MAX_DEPTH).minChildWeight(MIN_LEAF).threads(1).build();
    }

    private static void assertSameTree(FlatForest forest, int node, ReferenceNode expected) {
        assertThat(forest.value(node)).isCloseTo(expected.value, within(1e-12));
        assertThat(forest.splitFeature(node)).isEqualTo(expected.feature);
        if (expected.feature >= 0) {
            assertThat(forest.threshold(node)).isEqualTo(expected.threshold);
            assertSameTree(forest, forest.left(node), expected.left);
            assertSameTree(forest, forest.right(node), expected.right);
        }
    }

    private static int[] allRows() {
        int[] rows = new int[ROWS];
        Arrays.setAll(rows, i -> i);
        return rows;
    }

    private static ReferenceNode reference(double[][] x, double[] y, int[] rows, int depth) {
        ReferenceNode node = new ReferenceNode();
        node.value = mean(y, rows);
        if (depth == MAX_DEPTH || squaredError(y, rows) == 0) {
            return node;
        }
        double parentError = squaredError(y, rows);
        double bestGain = 0;
        for (int f = 0; f < x[0].length; f++) {
            TreeSet<Double> values = new TreeSet<>();
            for (int row : rows) {
                values.add(x[row][f]);
            }
            Double previous = null;
            for (double value : values) {
                if (previous != null) {
                    double threshold = (previous + value) / 2;
                    int[] left = side(x, rows, f, threshold, true);
                    int[] right = side(x, rows, f, threshold, false);
                    if (left.length >= MIN_LEAF && right.length >= MIN_LEAF) {
                        double gain = parentError - squaredError(y, left)
                                - squaredError(y, right);
                        if (gain > bestGain) {
                            bestGain = gain;
                            node.feature = f;
                            node.threshold = threshold;
                        }
                    }
                }
                previous = value;
            }
        }
        if (node.feature >= 0) {
            node.left = reference(x, y, side(x, rows, node.feature, node.threshold, true),
                    depth + 1);
            node.right = reference(x, y, side(x, rows, node.feature, node.threshold, false),
                    depth + 1);
        }
        return node;
    }

    private static int[] side(double[][] x, int[] rows, int feature, double threshold,
            boolean left) {
        return Arrays.stream(rows).filter(row -> (x[row][feature] <= threshold) == left)
                .toArray();
    }

    private static double mean(double[] y, int[] rows) {
        double sum = 0;
        for (int row : rows) {
            sum += y[row];
        }
        return sum / rows.length;
    }

    private static double squaredError(double[] y, int[] rows) {
        double mean = mean(y, rows);
        double sum = 0;
        for (int row : rows) {
            sum += (y[row] - mean) * (y[row] - mean);
        }
        return sum;
    }

    private static int countSplits(ReferenceNode node) {
        return node.feature < 0 ? 0 : 1 + countSplits(node.left) + countSplits(node.right);
    }

    /** A node of the reference tree; a leaf has feature -1. */
    private static final class ReferenceNode {
        private int feature = -1;
        private double threshold;
        private double value;
        private ReferenceNode left;
        private ReferenceNode right;

        double predict(double[] row) {
            if (feature < 0) {
                return value;
            }
            return row[feature] <= threshold ? left.predict(row) : right.predict(row);
        }
    }
}
