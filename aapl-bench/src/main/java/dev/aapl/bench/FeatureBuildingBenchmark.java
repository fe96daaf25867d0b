package dev.aapl.bench;

import dev.aapl.core.domain.BarSeries;
import dev.aapl.features.FeatureBuilder;
import dev.aapl.features.FeatureMatrix;
import dev.aapl.features.FeatureSpec;
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

/** Building the default features of every origin of the synthetic sample (about 3,500 bars). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class FeatureBuildingBenchmark {

    private final FeatureSpec spec = FeatureSpec.defaults();
    private BarSeries bars;

    /** Reads the sample once. */
    @Setup
    public void prepare() {
        bars = BenchData.sample(BenchData.DEFAULT_AS_OF);
    }

    /** @return the rows of every origin */
    @Benchmark
    public FeatureMatrix buildWholeSample() {
        return FeatureBuilder.build(bars, spec, 0, bars.size());
    }
}
