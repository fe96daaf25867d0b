package dev.aapl.model.forest;

/**
 * One grown tree in flat arrays indexed by node, root first. A leaf has feature -1; a split
 * sends a row left when its value is at most the threshold. Value holds the mean target of the
 * node's rows, the prediction when the node is a leaf.
 *
 * @param feature the feature a node splits on, or -1 for a leaf
 * @param threshold the split threshold, NaN for a leaf
 * @param left the node's left child, or -1
 * @param right the node's right child, or -1
 * @param value the mean target of the node's training rows
 * @param importance per feature, the decrease in squared error of this tree's splits on it
 * @param outOfBag per training row, this tree's prediction when the row was left out of its
 *     bootstrap sample and NaN otherwise; null without bootstrap or once collected
 */
record GrownTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value,
        double[] importance, double[] outOfBag) {

    /**
     * @param predictions per training row, the out-of-bag prediction or NaN
     * @return this tree with those predictions
     */
    GrownTree withOutOfBag(double[] predictions) {
        return new GrownTree(feature, threshold, left, right, value, importance, predictions);
    }

    /** @return the number of nodes */
    int size() {
        return feature.length;
    }
}
