package dev.aapl.bench;

import dev.aapl.features.FeatureSpec;
import dev.aapl.model.forest.FastForestModel;
import java.util.List;

/**
 * Feature rows in the order a fast forest numbers its features, which is Tribuo's feature map
 * order and not the spec's.
 */
final class ModelRows {

    private ModelRows() {
    }

    /**
     * @param forest the model
     * @param spec the spec the row was built with
     * @param specRow one value per feature of the spec, in its order
     * @return the same values in the order {@link FastForestModel#predict(double[])} takes
     * @throws IllegalArgumentException when the model has a feature the spec lacks
     */
    static double[] inModelOrder(FastForestModel forest, FeatureSpec spec, double[] specRow) {
        List<String> specNames = spec.featureNames();
        List<String> modelNames = forest.featureNames();
        double[] row = new double[modelNames.size()];
        for (int j = 0; j < row.length; j++) {
            int column = specNames.indexOf(modelNames.get(j));
            if (column < 0) {
                throw new IllegalArgumentException("the model's feature " + modelNames.get(j)
                        + " is not in the spec " + specNames);
            }
            row[j] = specRow[column];
        }
        return row;
    }
}
