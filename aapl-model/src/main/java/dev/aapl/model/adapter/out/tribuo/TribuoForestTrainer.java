package dev.aapl.model.adapter.out.tribuo;

import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.ModelSettings;
import dev.aapl.core.domain.NotEnoughBarsException;
import dev.aapl.core.domain.TargetKind;
import dev.aapl.core.port.out.ForecastModel;
import dev.aapl.core.port.out.ProgressListener;
import dev.aapl.core.port.out.TrainModelPort;
import dev.aapl.features.FeatureBuilder;
import dev.aapl.features.FeatureMatrix;
import dev.aapl.features.FeatureSpec;
import dev.aapl.model.forest.FastForestTrainer;
import dev.aapl.features.Targets;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Trains a random forest on the features of a {@link FeatureSpec}: one row per origin bar whose
 * next bar lies before the target end, labelled with that next bar's log return or close.
 * {@link ModelSettings#TRIBUO_CART} trains Tribuo's own forest, the reference;
 * {@link ModelSettings#FAST_FOREST} trains the project's multi-threaded {@link FastForestTrainer},
 * or whatever {@code Trainer<Regressor>} a factory given at construction makes.
 */
public final class TribuoForestTrainer implements TrainModelPort {

    /** The name of the single output dimension of the datasets. */
    public static final String OUTPUT_NAME = "target";

    /** Fewest training rows accepted, whatever the settings. */
    static final int MIN_TRAINING_ROWS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(TribuoForestTrainer.class);

    private final FeatureSpec spec;
    private final Function<ModelSettings, Trainer<Regressor>> fastTrainers;

    /**
     * A trainer with both forests: the project's fast forest and Tribuo's own.
     *
     * @param spec the features to train on
     */
    public TribuoForestTrainer(FeatureSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.fastTrainers = null;
    }

    /**
     * @param spec the features to train on
     * @param fastTrainers makes the trainer for {@link ModelSettings#FAST_FOREST} from the
     *     settings; its model must be serializable to be saved by {@link ModelFolder}
     */
    public TribuoForestTrainer(FeatureSpec spec,
            Function<ModelSettings, Trainer<Regressor>> fastTrainers) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.fastTrainers = Objects.requireNonNull(fastTrainers, "fastTrainers");
    }

    /** @return the features this trainer trains on */
    public FeatureSpec spec() {
        return spec;
    }

    /**
     * Trains on the origins from the spec's warm-up to {@code targetEnd - 2}, so that every
     * target bar lies before {@code targetEnd}. Tribuo's forest reports each finished tree to
     * {@code progress}; a plugged-in trainer is reported when it starts and when it ends.
     *
     * @throws IllegalArgumentException when {@code targetEnd} is outside the series
     * @throws IllegalStateException when the fast forest is asked for and no factory was given
     * @throws NotEnoughBarsException when too few rows remain after the warm-up
     */
    @Override
    public ForecastModel train(BarSeries bars, int targetEnd, ModelSettings settings,
            ProgressListener progress) {
        MutableDataset<Regressor> dataset = dataset(bars, targetEnd, settings);
        Trainer<Regressor> trainer = trainer(settings, progress);

        long started = System.nanoTime();
        progress.progress(TribuoForests.TASK, 0, settings.trees());
        Model<Regressor> model = trainer.train(dataset);
        if (!settings.algorithm().equals(ModelSettings.TRIBUO_CART) && fastTrainers != null) {
            progress.progress(TribuoForests.TASK, settings.trees(), settings.trees());
        }
        LOG.info("trained {} with {} trees on {} rows of {} features in {} ms",
                settings.algorithm(), settings.trees(), dataset.size(), spec.featureCount(),
                (System.nanoTime() - started) / 1_000_000);

        return new TribuoForecastModel(model, spec, settings.target(), settings.asParams());
    }

    /**
     * @param bars the bars
     * @param targetEnd position of the first bar that must not be a target
     * @param target what the rows are labelled with
     * @return the rows and their labels
     */
    TrainingRows trainingRows(BarSeries bars, int targetEnd, TargetKind target) {
        if (targetEnd < 0 || targetEnd > bars.size()) {
            throw new IllegalArgumentException("target end " + targetEnd + " must be in 0.."
                    + bars.size() + " (the bar count)");
        }
        FeatureMatrix features = FeatureBuilder.build(bars, spec, 0, Math.max(0, targetEnd - 1));
        double[] targets = new double[features.size()];
        for (int i = 0; i < targets.length; i++) {
            int origin = features.origin(i);
            targets[i] = target == TargetKind.RETURN
                    ? Targets.nextLogReturn(bars, origin) : Targets.nextClose(bars, origin);
        }
        return new TrainingRows(features, targets);
    }

    MutableDataset<Regressor> dataset(BarSeries bars, int targetEnd, ModelSettings settings) {
        TrainingRows rows = trainingRows(bars, targetEnd, settings.target());
        int needed = Math.max(MIN_TRAINING_ROWS, (int) Math.ceil(2 * settings.minChildWeight()));
        if (rows.features().size() < needed) {
            throw new NotEnoughBarsException("only " + rows.features().size()
                    + " training rows before bar " + targetEnd + " of " + bars
                    + ", at least " + needed + " needed (the features use "
                    + spec.warmupBars() + " bars of history)",
                    "load a longer history, shorten the holdout, or use smaller feature windows "
                    + "or a smaller min child weight");
        }
        RegressionFactory factory = new RegressionFactory();
        String[] names = spec.featureNames().toArray(new String[0]);
        MutableDataset<Regressor> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(bars.ticker() + " " + bars.interval()
                        + " features from " + bars.source(), factory), factory);
        for (int i = 0; i < rows.features().size(); i++) {
            dataset.add(new ArrayExample<>(new Regressor(OUTPUT_NAME, rows.targets()[i]), names,
                    rows.features().row(i)));
        }
        return dataset;
    }

    private Trainer<Regressor> trainer(ModelSettings settings, ProgressListener progress) {
        if (settings.algorithm().equals(ModelSettings.TRIBUO_CART)) {
            return TribuoForests.create(settings, progress);
        }
        if (fastTrainers == null) {
            return FastForestTrainer.builder().trees(settings.trees())
                    .maxDepth(settings.maxDepth()).minChildWeight(settings.minChildWeight())
                    .featureFraction(settings.featureFraction()).bootstrap(settings.bootstrap())
                    .seed(settings.seed())
                    .progress(done -> progress.progress(TribuoForests.TASK, done,
                            settings.trees()))
                    .build();
        }
        return Objects.requireNonNull(fastTrainers.apply(settings),
                "the fast forest factory returned no trainer");
    }

    /**
     * The rows a model trains on.
     *
     * @param features one row per origin
     * @param targets the label of each row
     */
    record TrainingRows(FeatureMatrix features, double[] targets) {
    }
}
