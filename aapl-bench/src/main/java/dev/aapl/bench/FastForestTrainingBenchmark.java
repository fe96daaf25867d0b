package dev.aapl.bench;

import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.ModelSettings;
import dev.aapl.core.port.out.ForecastModel;
import dev.aapl.core.port.out.ProgressListener;
import dev.aapl.features.FeatureSpec;
import dev.aapl.model.adapter.out.tribuo.TribuoForestTrainer;
import dev.aapl.model.forest.FastForestModel;
import dev.aapl.model.forest.FastForestTrainer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tribuo.MutableDataset;
import org.tribuo.regression.Regressor;

/**
 * Training the project's fast forest with the default settings (100 trees of depth 8, 20 rows
 * per leaf, half the features per split, bootstrap, seed 42) on the default features of the
 * synthetic sample, on the rows before the last 20 trading days, as {@code train} does. One
 * training takes about a second on two cores, so the iterations are few and long.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class FastForestTrainingBenchmark {

    private final ModelSettings settings = ModelSettings.defaults();
    private BarSeries bars;
    private int holdoutStart;
    private MutableDataset<Regressor> dataset;
    private FastForestTrainer trainer;
    private TribuoForestTrainer port;

    /** Reads the sample and builds the training rows once. */
    @Setup
    public void prepare() {
        BenchData.quietTribuo();
        bars = BenchData.sample(BenchData.DEFAULT_AS_OF);
        holdoutStart = BenchData.holdoutStart(bars, BenchData.DEFAULT_HOLDOUT_DAYS);
        dataset = BenchData.dataset(BenchData.rows(bars, FeatureSpec.defaults(), 0,
                holdoutStart));
        trainer = BenchData.fastTrainer(settings);
        port = new TribuoForestTrainer(FeatureSpec.defaults());
    }

    /** @return the forest fitted on a dataset built beforehand: the trainer alone */
    @Benchmark
    public FastForestModel fitOnDataset() {
        return trainer.train(dataset);
    }

    /** @return the forest trained as the product trains it: features, dataset and fit */
    @Benchmark
    public ForecastModel trainThroughPort() {
        return port.train(bars, holdoutStart, settings, ProgressListener.NONE);
    }
}
