package dev.aapl.bench;

import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.HoldoutSplit;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.ModelSettings;
import dev.aapl.core.domain.NyseCalendar;
import dev.aapl.core.domain.Ticker;
import dev.aapl.data.adapter.out.csv.CsvBarSource;
import dev.aapl.data.adapter.out.sample.SampleBarSource;
import dev.aapl.features.FeatureBuilder;
import dev.aapl.features.FeatureMatrix;
import dev.aapl.features.FeatureSpec;
import dev.aapl.features.Targets;
import dev.aapl.model.adapter.out.tribuo.TribuoForestTrainer;
import dev.aapl.model.forest.FastForestTrainer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * The data every benchmark works on: the synthetic sample as of a fixed instant (or a CSV file),
 * cut into training rows and the holdout of the latest trading days, as the product cuts it.
 */
final class BenchData {

    /**
     * A Monday evening after the close, so the sample's two-year window ends on a complete
     * session; any fixed instant would do, fixing it makes every run see the same bars.
     */
    static final Instant DEFAULT_AS_OF = Instant.parse("2025-06-02T21:00:00Z");

    /** The holdout the product scores models on by default, in trading days. */
    static final int DEFAULT_HOLDOUT_DAYS = 20;

    private BenchData() {
    }

    /**
     * @param asOf the instant the sample is read at
     * @return the synthetic AAPL hourly bars of the two years before it
     */
    static BarSeries sample(Instant asOf) {
        return SampleBarSource.withDefaultSeed().loadBars(Ticker.AAPL, Interval.ONE_HOUR, asOf);
    }

    /**
     * @param file a CSV file in one of the layouts {@link CsvBarSource} reads
     * @param ticker the symbol the file holds
     * @return its complete hourly bars as of now
     */
    static BarSeries csv(Path file, Ticker ticker) {
        return CsvBarSource.of(file).loadBars(ticker, Interval.ONE_HOUR, Instant.now());
    }

    /**
     * @param bars the series
     * @param holdoutDays how many of the latest trading days are the holdout
     * @return the position of the first holdout bar
     */
    static int holdoutStart(BarSeries bars, int holdoutDays) {
        return HoldoutSplit.lastTradingDays(bars, holdoutDays, NyseCalendar.instance());
    }

    /**
     * The rows whose target bar lies in {@code [firstTarget, endTarget)}, labelled with the next
     * bar's log return: the rows the product's trainer builds for {@code targetEnd = endTarget}.
     *
     * @param bars the series
     * @param spec the features
     * @param firstTarget position of the first target bar
     * @param endTarget position after the last target bar
     * @return the rows and their labels
     */
    static Rows rows(BarSeries bars, FeatureSpec spec, int firstTarget, int endTarget) {
        FeatureMatrix features = FeatureBuilder.build(bars, spec, Math.max(0, firstTarget - 1),
                endTarget - 1);
        double[] targets = new double[features.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = Targets.nextLogReturn(bars, features.origin(i));
        }
        return new Rows(features, targets);
    }

    /**
     * @param rows the rows
     * @return them as a Tribuo dataset, named and labelled as the product's trainer does
     */
    static MutableDataset<Regressor> dataset(Rows rows) {
        RegressionFactory factory = new RegressionFactory();
        String[] names = rows.features().names().toArray(new String[0]);
        MutableDataset<Regressor> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("benchmark rows", factory), factory);
        for (int i = 0; i < rows.size(); i++) {
            dataset.add(new ArrayExample<>(new Regressor(TribuoForestTrainer.OUTPUT_NAME,
                    rows.targets()[i]), names, rows.features().row(i)));
        }
        return dataset;
    }

    /**
     * @param settings the hyperparameters
     * @return the project's fast forest with them, on every core
     */
    static FastForestTrainer fastTrainer(ModelSettings settings) {
        return FastForestTrainer.builder().trees(settings.trees()).maxDepth(settings.maxDepth())
                .minChildWeight(settings.minChildWeight())
                .featureFraction(settings.featureFraction()).bootstrap(settings.bootstrap())
                .seed(settings.seed()).build();
    }

    /** Tribuo logs every tree through java.util.logging; a benchmark's output should not. */
    static void quietTribuo() {
        Logger.getLogger("").setLevel(Level.WARNING);
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    }

    /**
     * Feature rows with the log return each one is labelled with.
     *
     * @param features one row per origin
     * @param targets the next bar's log return of each row
     */
    record Rows(FeatureMatrix features, double[] targets) {

        /** @return the number of rows */
        int size() {
            return targets.length;
        }
    }
}
