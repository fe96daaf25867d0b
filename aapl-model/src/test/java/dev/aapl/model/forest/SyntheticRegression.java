package dev.aapl.model.forest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Synthetic, seeded regression data: features uniform on [-1, 1], a target that is a noisy
 * nonlinear function of the first five features, and the rest pure noise. Feature names are
 * {@code f00}, {@code f01} and so on; the strongest signal is in {@code f00}.
 */
final class SyntheticRegression {

    static final String TARGET = "synthetic-target";

    private final String[] names;
    private final double[][] rows;
    private final double[] targets;

    private SyntheticRegression(String[] names, double[][] rows, double[] targets) {
        this.names = names;
        this.rows = rows;
        this.targets = targets;
    }

    /**
     * @param rowCount rows to draw
     * @param featureCount features per row, at least 5
     * @param noise standard deviation of the Gaussian noise on the target
     * @param seed seed of the draw
     * @return the data
     */
    static SyntheticRegression draw(int rowCount, int featureCount, double noise, long seed) {
        Random random = new Random(seed);
        String[] names = new String[featureCount];
        for (int f = 0; f < featureCount; f++) {
            names[f] = String.format("f%02d", f);
        }
        double[][] rows = new double[rowCount][featureCount];
        double[] targets = new double[rowCount];
        for (int i = 0; i < rowCount; i++) {
            for (int f = 0; f < featureCount; f++) {
                rows[i][f] = 2 * random.nextDouble() - 1;
            }
            double[] x = rows[i];
            targets[i] = 3 * Math.sin(Math.PI * x[0]) + 2 * x[1] * x[1] + x[2] * x[3]
                    + (x[4] > 0 ? 1 : -1) + noise * random.nextGaussian();
        }
        return new SyntheticRegression(names, rows, targets);
    }

    /**
     * Rounds one feature to a few levels, so that it holds many equal values.
     *
     * @param feature the feature to round
     * @param levels how many levels per unit
     * @return this data, changed
     */
    SyntheticRegression coarsen(int feature, int levels) {
        for (double[] row : rows) {
            row[feature] = Math.round(row[feature] * levels) / (double) levels;
        }
        return this;
    }

    /** @return the data as a Tribuo dataset */
    MutableDataset<Regressor> dataset() {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("synthetic regression", factory), factory);
        for (Example<Regressor> example : examples()) {
            dataset.add(example);
        }
        return dataset;
    }

    /** @return one Tribuo example per row */
    List<Example<Regressor>> examples() {
        List<Example<Regressor>> examples = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            examples.add(new ArrayExample<>(new Regressor(TARGET, targets[i]), names, rows[i]));
        }
        return examples;
    }

    String[] names() {
        return names.clone();
    }

    /** @return the rows, feature values in the order of {@link #names()}; shared */
    double[][] rows() {
        return rows;
    }

    /** @return the targets; shared */
    double[] targets() {
        return targets;
    }

    /**
     * @param featureOrder feature names in the order wanted
     * @return the rows with their values in that order
     */
    double[][] rowsInOrder(List<String> featureOrder) {
        List<String> own = List.of(names);
        double[][] reordered = new double[rows.length][featureOrder.size()];
        for (int i = 0; i < rows.length; i++) {
            for (int f = 0; f < featureOrder.size(); f++) {
                reordered[i][f] = rows[i][own.indexOf(featureOrder.get(f))];
            }
        }
        return reordered;
    }
}
