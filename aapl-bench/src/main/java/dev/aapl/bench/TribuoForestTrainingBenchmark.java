package dev.aapl.bench;

import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.ModelSettings;
import dev.aapl.core.port.out.ForecastModel;
import dev.aapl.core.port.out.ProgressListener;
import dev.aapl.features.FeatureSpec;
import dev.aapl.model.adapter.out.tribuo.TribuoForestTrainer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training Tribuo's own forest ({@code RandomForestTrainer} over {@code CARTRegressionTrainer},
 * algorithm {@code tribuo-cart}) at the fast forest's default settings on the same rows as
 * {@link FastForestTrainingBenchmark}.
 *
 * <p>Slow: Tribuo trains one tree after another on one thread and its split search grows about
 * quadratically with the rows, so one training of 100 trees takes 75 to 85 s on two cores. It
 * is therefore a single shot without warm-up, one measured training per fork; pass
 * {@code -p trees=20} for a quicker look (the time grows linearly with the trees).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(1)
@State(Scope.Benchmark)
public class TribuoForestTrainingBenchmark {

    /** Number of trees; 100 is the product's default. */
    @Param("100")
    public int trees;

    private BarSeries bars;
    private int holdoutStart;
    private ModelSettings settings;
    private TribuoForestTrainer port;

    /** Reads the sample once. */
    @Setup
    public void prepare() {
        BenchData.quietTribuo();
        bars = BenchData.sample(BenchData.DEFAULT_AS_OF);
        holdoutStart = BenchData.holdoutStart(bars, BenchData.DEFAULT_HOLDOUT_DAYS);
        settings = ModelSettings.defaults().withAlgorithm(ModelSettings.TRIBUO_CART)
                .withTrees(trees);
        port = new TribuoForestTrainer(FeatureSpec.defaults());
    }

    /** @return Tribuo's forest, trained as {@code train --algorithm tribuo-cart} trains it */
    @Benchmark
    public ForecastModel trainThroughPort() {
        return port.train(bars, holdoutStart, settings, ProgressListener.NONE);
    }
}
