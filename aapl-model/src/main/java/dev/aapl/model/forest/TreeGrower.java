package dev.aapl.model.forest;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows regression trees by exact CART on squared error, one at a time, reusing its buffers.
 * One grower serves one thread; nothing but the random generator passed in decides a tree, so
 * a tree does not depend on which grower or thread builds it.
 *
 * <p>Each feature keeps the sampled rows in ascending order of its value, and every node owns
 * the same contiguous range in all of those orders. A split search is then one pass over the
 * node's range per candidate feature with running sums, and a split stably partitions each
 * range in one pass, so no sorting happens after the table's presort. Splits are exact, so a
 * feature with many distinct values costs no more than one with few.
 */
final class TreeGrower {

    private static final int NO_FEATURE = -1;

    private final double[][] columns;
    private final double[] targets;
    private final int[][] sortedRows;
    private final int maxDepth;
    private final double minLeafRows;
    private final int featuresPerSplit;

    private final int[][] order;
    private final int[] counts;
    private final boolean[] goesLeft;
    private final int[] scratch;
    private final int[] featurePool;
    private final int[] candidates;

    private NodeArrays nodes;
    private double[] importance;
    private int bestFeature;
    private double bestThreshold;
    private double bestGain;

    /**
     * @param table the training rows
     * @param maxDepth the depth below which no node splits; the root has depth 0
     * @param minLeafRows the fewest sampled rows, counting bootstrap copies, a child may hold
     * @param featuresPerSplit how many features, drawn at random per node, a split may use
     */
    TreeGrower(TrainingTable table, int maxDepth, double minLeafRows, int featuresPerSplit) {
        this.columns = table.columns();
        this.targets = table.targets();
        this.sortedRows = table.sortedRows();
        this.maxDepth = maxDepth;
        this.minLeafRows = minLeafRows;
        this.featuresPerSplit = featuresPerSplit;
        int rows = table.rowCount();
        int features = table.featureCount();
        this.order = new int[features][rows];
        this.counts = new int[rows];
        this.goesLeft = new boolean[rows];
        this.scratch = new int[rows];
        this.featurePool = new int[features];
        this.candidates = new int[featuresPerSplit];
    }

    /**
     * @param random the tree's own generator, drawn on for the sample and the feature subsets
     * @param bootstrap whether the tree learns from a bootstrap sample or from every row once
     * @return the tree, with its importances and, with bootstrap, its out-of-bag predictions
     */
    GrownTree grow(SplittableRandom random, boolean bootstrap) {
        int sampled = sampleRows(random, bootstrap);
        for (int f = 0; f < featurePool.length; f++) {
            featurePool[f] = f;
        }
        nodes = new NodeArrays();
        importance = new double[columns.length];

        growNode(0, sampled, 0, random);

        GrownTree tree = nodes.toTree(importance, null);
        if (bootstrap) {
            tree = tree.withOutOfBag(outOfBagPredictions(tree));
        }
        nodes = null;
        return tree;
    }

    /** Fills the counts and every feature's order; returns how many distinct rows were drawn. */
    private int sampleRows(SplittableRandom random, boolean bootstrap) {
        int rows = counts.length;
        if (bootstrap) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < rows; i++) {
                counts[random.nextInt(rows)]++;
            }
        } else {
            Arrays.fill(counts, 1);
        }
        int sampled = 0;
        for (int f = 0; f < order.length; f++) {
            int[] presorted = sortedRows[f];
            int[] sorted = order[f];
            sampled = 0;
            for (int row : presorted) {
                if (counts[row] > 0) {
                    sorted[sampled++] = row;
                }
            }
        }
        return sampled;
    }

    /** Grows the node over positions {@code [start, end)} and its subtree; returns its index. */
    private int growNode(int start, int end, int depth, SplittableRandom random) {
        int[] rows = order[0];
        int weight = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = start; i < end; i++) {
            int row = rows[i];
            double y = targets[row];
            weight += counts[row];
            sum += counts[row] * y;
            min = Math.min(min, y);
            max = Math.max(max, y);
        }
        double mean = sum / weight;
        int node = nodes.add(mean);
        if (depth >= maxDepth || weight < 2 * minLeafRows || min == max) {
            return node;
        }

        findBestSplit(start, end, weight, mean, random);
        if (bestFeature == NO_FEATURE) {
            return node;
        }
        int feature = bestFeature;
        double threshold = bestThreshold;
        importance[feature] += bestGain;
        int middle = partition(start, end, feature, threshold, depth + 1 < maxDepth);

        int left = growNode(start, middle, depth + 1, random);
        int right = growNode(middle, end, depth + 1, random);
        nodes.setSplit(node, feature, threshold, left, right);
        return node;
    }

    /**
     * Scans every threshold of every candidate feature once. The gain of a split is the drop in
     * squared error, computed from sums of targets centred on the node mean so that large
     * target levels do not cancel away small differences. Features are tried in ascending
     * order and thresholds from low to high, and only a strictly larger gain replaces the best,
     * so ties go to the lowest feature index, then the lowest threshold.
     */
    private void findBestSplit(int start, int end, int weight, double mean,
            SplittableRandom random) {
        bestFeature = NO_FEATURE;
        bestThreshold = Double.NaN;
        bestGain = 0;
        double centredTotal = 0;
        for (int i = start; i < end; i++) {
            int row = order[0][i];
            centredTotal += counts[row] * (targets[row] - mean);
        }
        double parentTerm = centredTotal * centredTotal / weight;

        int candidateCount = drawCandidates(random);
        for (int c = 0; c < candidateCount; c++) {
            scanFeature(candidates[c], start, end, weight, mean, centredTotal, parentTerm);
        }
    }

    /** Scores every threshold of one feature over the node's range, keeping the best. */
    private void scanFeature(int feature, int start, int end, int weight, double mean,
            double centredTotal, double parentTerm) {
        double[] x = columns[feature];
        int[] rows = order[feature];
        if (x[rows[start]] == x[rows[end - 1]]) {
            return;
        }
        int leftWeight = 0;
        double leftSum = 0;
        for (int i = start; i < end - 1; i++) {
            int row = rows[i];
            leftWeight += counts[row];
            leftSum += counts[row] * (targets[row] - mean);
            int rightWeight = weight - leftWeight;
            if (rightWeight < minLeafRows) {
                return;
            }
            double value = x[row];
            double next = x[rows[i + 1]];
            if (value == next || leftWeight < minLeafRows) {
                continue;
            }
            double rightSum = centredTotal - leftSum;
            double gain = leftSum * leftSum / leftWeight + rightSum * rightSum / rightWeight
                    - parentTerm;
            if (gain > bestGain) {
                bestGain = gain;
                bestFeature = feature;
                bestThreshold = midpoint(value, next);
            }
        }
    }

    /** Puts the features this node may split on, ascending, in {@code candidates}. */
    private int drawCandidates(SplittableRandom random) {
        int features = featurePool.length;
        if (featuresPerSplit == features) {
            for (int f = 0; f < features; f++) {
                candidates[f] = f;
            }
            return features;
        }
        for (int i = 0; i < featuresPerSplit; i++) {
            int j = i + random.nextInt(features - i);
            int chosen = featurePool[j];
            featurePool[j] = featurePool[i];
            featurePool[i] = chosen;
            candidates[i] = chosen;
        }
        Arrays.sort(candidates, 0, featuresPerSplit);
        return featuresPerSplit;
    }

    /**
     * A threshold strictly between two neighbouring distinct values, so that the lower one goes
     * left. When the values are adjacent doubles the midpoint rounds onto the upper one, and
     * the lower one is the only threshold that still separates them.
     */
    static double midpoint(double lower, double upper) {
        double middle = lower * 0.5 + upper * 0.5;
        return middle < upper ? middle : lower;
    }

    /**
     * Moves the rows going left to the front of the range in every order, keeping each side
     * sorted. Children that will certainly be leaves need only the first order, which the node
     * statistics read.
     *
     * @return the position where the right child starts
     */
    private int partition(int start, int end, int feature, double threshold,
            boolean childrenMaySplit) {
        double[] x = columns[feature];
        int[] splitRows = order[feature];
        int leftCount = 0;
        for (int i = start; i < end; i++) {
            int row = splitRows[i];
            boolean left = x[row] <= threshold;
            goesLeft[row] = left;
            if (left) {
                leftCount++;
            }
        }
        int features = childrenMaySplit ? order.length : 1;
        for (int f = 0; f < features; f++) {
            int[] rows = order[f];
            int next = start;
            int moved = 0;
            for (int i = start; i < end; i++) {
                int row = rows[i];
                if (goesLeft[row]) {
                    rows[next++] = row;
                } else {
                    scratch[moved++] = row;
                }
            }
            System.arraycopy(scratch, 0, rows, next, moved);
        }
        return start + leftCount;
    }

    private double[] outOfBagPredictions(GrownTree tree) {
        double[] predictions = new double[counts.length];
        Arrays.fill(predictions, Double.NaN);
        int[] feature = tree.feature();
        for (int row = 0; row < counts.length; row++) {
            if (counts[row] == 0) {
                int node = 0;
                while (feature[node] != NO_FEATURE) {
                    node = columns[feature[node]][row] <= tree.threshold()[node]
                            ? tree.left()[node] : tree.right()[node];
                }
                predictions[row] = tree.value()[node];
            }
        }
        return predictions;
    }

    /** Growable per-node arrays of the tree being built. */
    private static final class NodeArrays {

        private int size;
        private int[] feature = new int[64];
        private double[] threshold = new double[64];
        private int[] left = new int[64];
        private int[] right = new int[64];
        private double[] value = new double[64];

        int add(double mean) {
            if (size == feature.length) {
                int capacity = size * 2;
                feature = Arrays.copyOf(feature, capacity);
                threshold = Arrays.copyOf(threshold, capacity);
                left = Arrays.copyOf(left, capacity);
                right = Arrays.copyOf(right, capacity);
                value = Arrays.copyOf(value, capacity);
            }
            feature[size] = NO_FEATURE;
            threshold[size] = Double.NaN;
            left[size] = -1;
            right[size] = -1;
            value[size] = mean;
            return size++;
        }

        void setSplit(int node, int splitFeature, double splitThreshold, int leftChild,
                int rightChild) {
            feature[node] = splitFeature;
            threshold[node] = splitThreshold;
            left[node] = leftChild;
            right[node] = rightChild;
        }

        GrownTree toTree(double[] importance, double[] outOfBag) {
            return new GrownTree(Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size),
                    Arrays.copyOf(left, size), Arrays.copyOf(right, size),
                    Arrays.copyOf(value, size), importance, outOfBag);
        }
    }
}
