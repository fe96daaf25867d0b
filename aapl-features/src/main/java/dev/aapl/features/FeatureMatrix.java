package dev.aapl.features;

import java.util.List;

/**
 * Rows of features, one per origin bar, in the order of {@link FeatureSpec#featureNames()}.
 * Immutable: every accessor that hands out an array hands out a copy.
 */
public final class FeatureMatrix {

    private final List<String> names;
    private final double[][] rows;
    private final int[] origins;

    /**
     * Takes ownership of the arrays; only {@link FeatureBuilder} makes matrices.
     *
     * @param names the feature names
     * @param rows one row per origin, each as long as {@code names}
     * @param origins the bar position each row belongs to, ascending
     */
    FeatureMatrix(List<String> names, double[][] rows, int[] origins) {
        if (rows.length != origins.length) {
            throw new IllegalArgumentException("feature matrix has " + rows.length
                    + " rows but " + origins.length + " origins");
        }
        this.names = List.copyOf(names);
        this.rows = rows;
        this.origins = origins;
    }

    /** @return the feature names, in the order of the values in a row */
    public List<String> names() {
        return names;
    }

    /** @return the number of rows */
    public int size() {
        return rows.length;
    }

    /** @return whether there are no rows */
    public boolean isEmpty() {
        return rows.length == 0;
    }

    /** @return the number of features in a row */
    public int width() {
        return names.size();
    }

    /**
     * @param index row position, from 0
     * @return a copy of that row
     */
    public double[] row(int index) {
        return rows[index].clone();
    }

    /**
     * @param index row position, from 0
     * @param feature feature position, from 0
     * @return that value
     */
    public double value(int index, int feature) {
        return rows[index][feature];
    }

    /** @return a copy of all rows */
    public double[][] rows() {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /**
     * @param index row position, from 0
     * @return the bar position that row belongs to
     */
    public int origin(int index) {
        return origins[index];
    }

    /** @return a copy of the bar position of every row */
    public int[] origins() {
        return origins.clone();
    }
}
