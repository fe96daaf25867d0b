package dev.aapl.model.adapter.out.tribuo;

import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.ModelSettings;
import dev.aapl.core.domain.TargetKind;
import dev.aapl.core.port.out.ForecastModel;
import dev.aapl.features.FeatureBuilder;
import dev.aapl.features.FeatureMatrix;
import dev.aapl.features.FeatureSpec;
import dev.aapl.model.forest.FastForestModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A trained Tribuo regression model with the feature spec it was trained on and what it learned:
 * the next log return, turned into a close as {@code close * exp(r)}, or the next close itself.
 */
final class TribuoForecastModel implements ForecastModel {

    /** The key of the target kind in the params. */
    static final String TARGET_PARAM = "target";

    private final Model<Regressor> model;
    private final FeatureSpec spec;
    private final TargetKind target;
    private final Map<String, String> params;
    private final String[] featureNames;

    /**
     * @param model the trained model, whose features are those of {@code spec}
     * @param spec the features it was trained on
     * @param target what it learned
     * @param modelParams the settings it was trained with; {@code feature.} keys are replaced by
     *     the spec's own
     */
    TribuoForecastModel(Model<Regressor> model, FeatureSpec spec, TargetKind target,
            Map<String, String> modelParams) {
        this.model = Objects.requireNonNull(model, "model");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.target = Objects.requireNonNull(target, "target");
        this.params = orderedParams(modelParams, spec);
        this.featureNames = spec.featureNames().toArray(new String[0]);
    }

    Model<Regressor> tribuoModel() {
        return model;
    }

    FeatureSpec spec() {
        return spec;
    }

    TargetKind target() {
        return target;
    }

    @Override
    public int warmupBars() {
        return spec.warmupBars();
    }

    @Override
    public double[] forecastCloses(BarSeries bars, int fromOrigin, int toOrigin) {
        if (fromOrigin < warmupBars() || fromOrigin > toOrigin || toOrigin > bars.size()) {
            throw new IllegalArgumentException("forecast origins " + fromOrigin + ".." + toOrigin
                    + " must lie in " + warmupBars() + ".." + bars.size()
                    + ": the features need " + warmupBars() + " earlier bars");
        }
        if (fromOrigin == toOrigin) {
            return new double[0];
        }
        FeatureMatrix matrix = FeatureBuilder.build(bars, spec, fromOrigin, toOrigin);
        double[] predicted = predict(matrix);
        double[] closes = new double[matrix.size()];
        for (int i = 0; i < closes.length; i++) {
            double lastClose = bars.get(matrix.origin(i)).close();
            closes[i] = target == TargetKind.RETURN
                    ? lastClose * Math.exp(predicted[i]) : predicted[i];
        }
        return closes;
    }

    private double[] predict(FeatureMatrix matrix) {
        if (model instanceof FastForestModel fast) {
            return fast.predict(inModelOrder(fast, matrix));
        }
        List<Example<Regressor>> examples = new ArrayList<>(matrix.size());
        for (int i = 0; i < matrix.size(); i++) {
            examples.add(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, featureNames,
                    matrix.row(i)));
        }

        List<Prediction<Regressor>> predictions = model.predict(examples);
        double[] values = new double[predictions.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = predictions.get(i).getOutput().getValues()[0];
        }
        return values;
    }

    /** The fast forest numbers its features its own way; rows are reordered to match. */
    private double[][] inModelOrder(FastForestModel fast, FeatureMatrix matrix) {
        List<String> modelNames = fast.featureNames();
        List<String> specNames = spec.featureNames();
        int[] column = new int[modelNames.size()];
        for (int j = 0; j < column.length; j++) {
            column[j] = specNames.indexOf(modelNames.get(j));
        }
        double[][] rows = new double[matrix.size()][column.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < column.length; j++) {
                rows[i][j] = column[j] < 0 ? 0 : matrix.value(i, column[j]);
            }
        }
        return rows;
    }

    @Override
    public Map<String, String> params() {
        return params;
    }

    @Override
    public List<String> featureNames() {
        return spec.featureNames();
    }

    /**
     * The fast forest gives the mean decrease in squared error each feature brought. Tribuo's
     * forest measures a tree's use of a feature by how many splits test it, averaged over the
     * trees; the shares here are those counts divided by their total. Split counts ignore how
     * much each split reduced the error, so they rank features only roughly.
     */
    @Override
    public Map<String, Double> featureImportances() {
        if (model instanceof FastForestModel fast) {
            return sortedShares(fast.featureImportances());
        }
        Map<String, Double> counts = new TreeMap<>();
        Map<String, List<Pair<String, Double>>> top = model.getTopFeatures(-1);
        Collection<List<Pair<String, Double>>> lists = top.containsKey(Model.ALL_OUTPUTS)
                ? List.of(top.get(Model.ALL_OUTPUTS)) : top.values();
        lists.forEach(list -> list.forEach(
                pair -> counts.merge(pair.getA(), Math.abs(pair.getB()), Double::sum)));
        return sortedShares(counts);
    }

    /** Every feature of the spec with its share of the total, largest first. */
    private Map<String, Double> sortedShares(Map<String, Double> counts) {
        double total = counts.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!(total > 0)) {
            return Map.of();
        }
        List<String> names = new ArrayList<>(spec.featureNames());
        names.sort(Comparator.comparing((String name) -> -counts.getOrDefault(name, 0.0))
                .thenComparing(Comparator.naturalOrder()));
        Map<String, Double> shares = new LinkedHashMap<>();
        names.forEach(name -> shares.put(name, counts.getOrDefault(name, 0.0) / total));
        return shares;
    }

    /**
     * The fast forest measures the out-of-bag MSE of the target when it bootstraps; Tribuo's
     * forests keep no out-of-bag rows, so they give no estimate.
     */
    @Override
    public OptionalDouble outOfBagError() {
        if (model instanceof FastForestModel fast && Double.isFinite(fast.outOfBagMse())) {
            return OptionalDouble.of(fast.outOfBagMse());
        }
        return OptionalDouble.empty();
    }

    @Override
    public String featureSpecJson() {
        return FeatureSpecJson.write(spec);
    }

    /**
     * The settings' params in {@link ModelSettings#asParams()} order, then any other params by
     * name, then the spec's; the order survives a save and load.
     */
    static Map<String, String> orderedParams(Map<String, String> modelParams, FeatureSpec spec) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String key : ModelSettings.defaults().asParams().keySet()) {
            if (modelParams.containsKey(key)) {
                ordered.put(key, modelParams.get(key));
            }
        }
        new TreeMap<>(modelParams).forEach((key, value) -> {
            if (!key.startsWith(FeatureSpec.PARAM_PREFIX)) {
                ordered.putIfAbsent(key, value);
            }
        });
        ordered.putAll(spec.asParams());
        return Collections.unmodifiableMap(ordered);
    }
}
