package dev.aapl.model.forest;

import java.util.Arrays;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.regression.Regressor;

/**
 * The rows of a training set as dense columns, each column's rows presorted by value once, so
 * every tree of a forest can derive its own sorted order in linear time instead of sorting.
 */
final class TrainingTable {

    private final double[][] columns;
    private final double[] targets;
    private final int[][] sortedRows;

    private TrainingTable(double[][] columns, double[] targets) {
        this.columns = columns;
        this.targets = targets;
        this.sortedRows = new int[columns.length][];
        for (int f = 0; f < columns.length; f++) {
            sortedRows[f] = sortedOrder(columns[f]);
        }
    }

    /**
     * Reads a Tribuo dataset. A feature an example lacks is zero, as Tribuo's sparse examples
     * mean it; example weights are ignored, every row counts once.
     *
     * @param dataset a single-output regression dataset with at least one row and feature
     * @return the table
     * @throws IllegalArgumentException when a feature value or a target is not finite
     */
    static TrainingTable from(Dataset<Regressor> dataset) {
        ImmutableFeatureMap featureMap = dataset.getFeatureIDMap();
        int rows = dataset.size();
        double[][] columns = new double[featureMap.size()][rows];
        double[] targets = new double[rows];
        int row = 0;
        for (Example<Regressor> example : dataset) {
            for (Feature feature : example) {
                int id = featureMap.getID(feature.getName());
                if (id >= 0) {
                    columns[id][row] += feature.getValue();
                }
            }
            targets[row] = example.getOutput().getValues()[0];
            row++;
        }
        return of(columns, targets);
    }

    /**
     * @param columns feature values, {@code columns[feature][row]}; kept, not copied
     * @param targets one target per row; kept, not copied
     * @return the table
     * @throws IllegalArgumentException when a value is not finite or the shapes disagree
     */
    static TrainingTable of(double[][] columns, double[] targets) {
        for (int row = 0; row < targets.length; row++) {
            if (!Double.isFinite(targets[row])) {
                throw new IllegalArgumentException(
                        "target of row " + row + " is not finite: " + targets[row]);
            }
        }
        for (int f = 0; f < columns.length; f++) {
            if (columns[f].length != targets.length) {
                throw new IllegalArgumentException("feature " + f + " has " + columns[f].length
                        + " values for " + targets.length + " rows");
            }
            for (int row = 0; row < targets.length; row++) {
                if (!Double.isFinite(columns[f][row])) {
                    throw new IllegalArgumentException("feature " + f + " of row " + row
                            + " is not finite: " + columns[f][row]);
                }
            }
        }
        return new TrainingTable(columns, targets);
    }

    /** @return feature values, {@code columns()[feature][row]}; shared, do not modify */
    double[][] columns() {
        return columns;
    }

    /** @return the targets, one per row; shared, do not modify */
    double[] targets() {
        return targets;
    }

    /** @return per feature, the rows in ascending order of value, equal values by row */
    int[][] sortedRows() {
        return sortedRows;
    }

    int rowCount() {
        return targets.length;
    }

    int featureCount() {
        return columns.length;
    }

    /**
     * Sorts rows by value with primitive sorts only: each value is replaced by its rank among
     * the distinct values, and rank and row are packed into one long.
     */
    private static int[] sortedOrder(double[] values) {
        double[] distinct = values.clone();
        Arrays.sort(distinct);
        int distinctCount = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || Double.compare(distinct[i], distinct[distinctCount - 1]) != 0) {
                distinct[distinctCount++] = distinct[i];
            }
        }
        long[] keys = new long[values.length];
        for (int row = 0; row < values.length; row++) {
            long rank = Arrays.binarySearch(distinct, 0, distinctCount, values[row]);
            keys[row] = rank << 32 | row;
        }
        Arrays.sort(keys);
        int[] order = new int[values.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }
}
