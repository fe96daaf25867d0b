package dev.aapl.model.forest;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.Regressor;

/**
 * A random forest for one regression output, trained by {@link FastForestTrainer}. A Tribuo
 * model like any other, and also a fast path that predicts from a plain array of feature values
 * in the order of {@link #featureNames()}. Its trees live in flat primitive arrays, so Java
 * serialization and {@link #writeTo} stay small and quick. Immutable and safe to share between
 * threads.
 *
 * <p>Tribuo's protobuf form ({@link Model#serialize()}) is not supported: it needs a protobuf
 * message type for the trees that this project does not generate. Use Java serialization or
 * {@link #writeTo}.
 */
public final class FastForestModel extends Model<Regressor> {

    private static final long serialVersionUID = 1L;

    private final FlatForest forest;
    private final double[] importances;
    private final double outOfBagMse;
    private final List<String> featureNames;
    private final String outputName;

    FastForestModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
            ImmutableOutputInfo<Regressor> outputIDInfo, FlatForest forest,
            double[] importances, double outOfBagMse) {
        super(name, provenance, featureIDMap, outputIDInfo, false);
        if (featureIDMap.size() != forest.featureCount()
                || importances.length != forest.featureCount()) {
            throw new IllegalArgumentException("the forest has " + forest.featureCount()
                    + " features, the feature map " + featureIDMap.size()
                    + " and the importances " + importances.length);
        }
        if (outputIDInfo.size() != 1) {
            throw new IllegalArgumentException(
                    "a forest model predicts one output, the output domain has "
                    + outputIDInfo.size());
        }
        this.forest = forest;
        this.importances = importances.clone();
        this.outOfBagMse = outOfBagMse;
        List<String> names = new ArrayList<>(featureIDMap.size());
        for (int id = 0; id < featureIDMap.size(); id++) {
            names.add(featureIDMap.get(id).getName());
        }
        this.featureNames = List.copyOf(names);
        this.outputName = outputIDInfo.getOutput(0).getNames()[0];
    }

    /** @return the names of the features, in the order {@link #predict(double[])} expects */
    public List<String> featureNames() {
        return featureNames;
    }

    /** @return the number of trees */
    public int treeCount() {
        return forest.treeCount();
    }

    /**
     * Predicts one row without building a Tribuo example.
     *
     * @param row one value per feature, in the order of {@link #featureNames()}; a NaN value
     *     goes to the right of every split on its feature
     * @return the forest's prediction, the mean over the trees
     * @throws IllegalArgumentException when the row has the wrong length
     */
    public double predict(double[] row) {
        if (row.length != forest.featureCount()) {
            throw new IllegalArgumentException("a row needs " + forest.featureCount()
                    + " feature values, got " + row.length);
        }
        return forest.predict(row);
    }

    /**
     * @param rows rows as {@link #predict(double[])} takes them
     * @return one prediction per row, in order
     * @throws IllegalArgumentException when a row has the wrong length
     */
    public double[] predict(double[][] rows) {
        double[] predictions = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            predictions[i] = predict(rows[i]);
        }
        return predictions;
    }

    /**
     * Predicts through the feature map: features the model does not know are ignored and the
     * ones an example lacks are zero, as in Tribuo's own trees.
     *
     * @param example the example
     * @return the prediction, as a regressor named like the training output
     * @throws IllegalArgumentException when the example has none of the model's features
     */
    @Override
    public Prediction<Regressor> predict(Example<Regressor> example) {
        double[] row = new double[forest.featureCount()];
        int used = 0;
        for (Feature feature : example) {
            int id = featureIDMap.getID(feature.getName());
            if (id >= 0) {
                row[id] += feature.getValue();
                used++;
            }
        }
        if (used == 0) {
            throw new IllegalArgumentException(
                    "the example has none of the model's features: " + example);
        }
        return new Prediction<>(new Regressor(outputName, forest.predict(row)), used, example);
    }

    /**
     * Impurity importances: for each feature, the decrease in squared error of all splits on
     * it, summed per tree and averaged over the trees, then scaled to sum to 1. All zero when
     * no tree split at all.
     *
     * @return importance by feature name, in the order of {@link #featureNames()}
     */
    public Map<String, Double> featureImportances() {
        Map<String, Double> byName = new LinkedHashMap<>();
        for (int id = 0; id < importances.length; id++) {
            byName.put(featureNames.get(id), importances[id]);
        }
        return Collections.unmodifiableMap(byName);
    }

    /**
     * @return the mean squared error over the training rows that at least one tree left out of
     *     its bootstrap sample, each predicted by those trees only; NaN without bootstrap
     */
    public double outOfBagMse() {
        return outOfBagMse;
    }

    /**
     * @param n how many features to list, all of them when negative
     * @return under {@link Model#ALL_OUTPUTS}, the features by descending importance
     */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        List<Pair<String, Double>> ranked = new ArrayList<>();
        for (int id = 0; id < importances.length; id++) {
            ranked.add(new Pair<>(featureNames.get(id), importances[id]));
        }
        ranked.sort(Comparator.comparing(Pair<String, Double>::getB).reversed());
        int limit = n < 0 ? ranked.size() : Math.min(n, ranked.size());
        return Map.of(Model.ALL_OUTPUTS, List.copyOf(ranked.subList(0, limit)));
    }

    /**
     * @param example ignored
     * @return always empty: a forest gives no per-example explanation
     */
    @Override
    public Optional<Excuse<Regressor>> getExcuse(Example<Regressor> example) {
        return Optional.empty();
    }

    @Override
    protected FastForestModel copy(String newName, ModelProvenance newProvenance) {
        return new FastForestModel(newName, newProvenance, featureIDMap, outputIDInfo, forest,
                importances, outOfBagMse);
    }

    /**
     * Writes the model in the project's versioned binary format: provenance, feature and
     * output domains and the flat trees, under a header and a checksum. The stream is not
     * closed.
     *
     * @param out the destination
     * @throws java.io.UncheckedIOException when writing fails
     */
    public void writeTo(OutputStream out) {
        ForestFormat.write(this, out);
    }

    /**
     * Reads a model that {@link #writeTo} wrote. The stream is not closed.
     *
     * @param in the source, positioned at the start of the model
     * @return the model, predicting exactly as the one written
     * @throws FastForestFormatException when the stream is not such a model, comes from an
     *     unknown format version, or is damaged
     * @throws java.io.UncheckedIOException when reading fails
     */
    public static FastForestModel readFrom(InputStream in) {
        return ForestFormat.read(in);
    }

    FlatForest forest() {
        return forest;
    }

    double[] importancesById() {
        return importances.clone();
    }
}
