package dev.aapl.bench;

import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.ModelSettings;
import dev.aapl.core.port.out.ForecastModel;
import dev.aapl.core.port.out.ProgressListener;
import dev.aapl.features.FeatureBuilder;
import dev.aapl.features.FeatureSpec;
import dev.aapl.model.adapter.out.tribuo.TribuoForestTrainer;
import dev.aapl.model.forest.FastForestModel;
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

/**
 * One forecast from a fast forest trained with the default settings on the synthetic sample:
 * the bare {@code predict(double[])} of a feature row, and {@code forecastCloses} for the latest
 * origin, which also builds that origin's features from the bars, as {@code predict} does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ForecastLatencyBenchmark {

    private BarSeries bars;
    private int lastOrigin;
    private FastForestModel forest;
    private double[] row;
    private ForecastModel model;

    /** Trains both forms of the model once, and builds the latest origin's row. */
    @Setup
    public void prepare() {
        ModelSettings settings = ModelSettings.defaults();
        FeatureSpec spec = FeatureSpec.defaults();
        bars = BenchData.sample(BenchData.DEFAULT_AS_OF);
        int holdoutStart = BenchData.holdoutStart(bars, BenchData.DEFAULT_HOLDOUT_DAYS);
        lastOrigin = bars.size() - 1;

        forest = BenchData.fastTrainer(settings).train(BenchData.dataset(
                BenchData.rows(bars, spec, 0, holdoutStart)));
        row = ModelRows.inModelOrder(forest, spec, FeatureBuilder.row(bars, spec, lastOrigin));
        model = new TribuoForestTrainer(spec).train(bars, holdoutStart, settings,
                ProgressListener.NONE);
    }

    /** @return the forest's prediction for a feature row at hand */
    @Benchmark
    public double predictRow() {
        return forest.predict(row);
    }

    /** @return the forecast close after the latest bar, features included */
    @Benchmark
    public double forecastLatestOrigin() {
        return model.forecastCloses(bars, lastOrigin, lastOrigin + 1)[0];
    }
}
