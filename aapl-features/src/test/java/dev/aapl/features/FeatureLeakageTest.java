package dev.aapl.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The features of an origin never depend on a later bar: whatever happens to the bars after
 * {@code t} (new prices, new volumes, new start times, or no bars at all), the rows of every
 * origin up to {@code t} stay bit for bit the same. Bars are synthetic and random.
 */
class FeatureLeakageTest {

    private static final List<FeatureSpec> SPECS = List.of(FeatureSpec.defaults(),
            new FeatureSpec(List.of(1, 3), List.of(2, 5), List.of(2, 4), 3, true));

    /** How the bars after the cut are changed. */
    enum Change { REPRICE_ALL, REPRICE_ONE, TRUNCATE, SHIFT_LATER }

    record Scenario(List<Double> closes, List<Long> volumes, double cutShare,
            List<Double> newCloses, List<Long> newVolumes, Change change, int specIndex) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.integers().between(40, 160).flatMap(n -> Combinators.combine(
                Arbitraries.doubles().between(20, 200).list().ofSize(n),
                Arbitraries.longs().between(0, 2_000_000).list().ofSize(n),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(20, 200).list().ofSize(n),
                Arbitraries.longs().between(0, 2_000_000).list().ofSize(n),
                Arbitraries.of(Change.class),
                Arbitraries.integers().between(0, SPECS.size() - 1))
                .as(Scenario::new));
    }

    @Property(tries = 300, seed = "20240304", edgeCases = EdgeCasesMode.NONE)
    void changingBarsAfterAnOriginNeverChangesItsFeatures(
            @ForAll("scenarios") Scenario scenario) {
        FeatureSpec spec = SPECS.get(scenario.specIndex());
        List<Bar> original = bars(scenario.closes(), scenario.volumes());
        int n = original.size();
        int t = (int) Math.min(n - 2, Math.floor(scenario.cutShare() * (n - 1)));
        BarSeries before = SyntheticBars.of(original);
        BarSeries after = SyntheticBars.of(change(original, t, scenario));

        FeatureMatrix expected = FeatureBuilder.build(before, spec, 0, t + 1);
        FeatureMatrix upToCut = FeatureBuilder.build(after, spec, 0, t + 1);
        FeatureMatrix whole = FeatureBuilder.build(after, spec, 0, after.size());

        assertThat(upToCut.origins()).isEqualTo(expected.origins());
        assertThat(upToCut.rows()).isDeepEqualTo(expected.rows());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(whole.origin(i)).isEqualTo(expected.origin(i));
            assertThat(whole.row(i)).isEqualTo(expected.row(i));
        }
    }

    private static List<Bar> bars(List<Double> closes, List<Long> volumes) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < closes.size(); i++) {
            bars.add(SyntheticBars.bar(SyntheticBars.start(i), closes.get(i), volumes.get(i)));
        }
        return bars;
    }

    private static List<Bar> change(List<Bar> bars, int t, Scenario scenario) {
        List<Bar> changed = new ArrayList<>(bars.subList(0, t + 1));
        int n = bars.size();
        int one = t + 1 + (int) (scenario.newVolumes().get(0) % (n - t - 1));
        for (int i = t + 1; i < n; i++) {
            Bar bar = bars.get(i);
            switch (scenario.change()) {
                case REPRICE_ALL -> changed.add(SyntheticBars.bar(bar.start(),
                        scenario.newCloses().get(i), scenario.newVolumes().get(i)));
                case REPRICE_ONE -> changed.add(i == one
                        ? SyntheticBars.bar(bar.start(), scenario.newCloses().get(i),
                                scenario.newVolumes().get(i))
                        : bar);
                case TRUNCATE -> {
                    return changed;
                }
                case SHIFT_LATER -> changed.add(SyntheticBars.bar(
                        bar.start().plus(Duration.ofDays(3)), scenario.newCloses().get(i),
                        bar.volume()));
                default -> throw new IllegalStateException("unknown change");
            }
        }
        return changed;
    }
}
