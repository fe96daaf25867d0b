package dev.aapl.model.adapter.out.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aapl.core.domain.Bar;
import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.ModelSettings;
import dev.aapl.core.domain.NotEnoughBarsException;
import dev.aapl.core.domain.TargetKind;
import dev.aapl.core.port.out.ForecastModel;
import dev.aapl.core.port.out.ProgressListener;
import dev.aapl.features.FeatureSpec;
import dev.aapl.features.Targets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tribuo.regression.rtree.CARTRegressionTrainer;

class TribuoForestTrainerTest {

    static final ModelSettings TINY = new ModelSettings(ModelSettings.TRIBUO_CART, 10, 4, 5, 0.5,
            true, 42L, TargetKind.RETURN);

    private static final BarSeries BARS = SyntheticBars.walk(400, 7);
    private static final int TARGET_END = 350;

    private final TribuoForestTrainer trainer = new TribuoForestTrainer(FeatureSpec.defaults());

    static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    @Nested
    class LeakFreedom {

        @Test
        void trainsOnEveryOriginWhoseNextBarLiesBeforeTheTargetEnd() {
            TribuoForestTrainer.TrainingRows rows =
                    trainer.trainingRows(BARS, TARGET_END, TargetKind.RETURN);

            int[] origins = rows.features().origins();
            assertThat(origins[0]).isEqualTo(FeatureSpec.defaults().warmupBars());
            assertThat(origins[origins.length - 1] + 1).isEqualTo(TARGET_END - 1);
            assertThat(origins).hasSize(TARGET_END - 1 - FeatureSpec.defaults().warmupBars());
            for (int i = 0; i < origins.length; i++) {
                assertThat(rows.targets()[i])
                        .isEqualTo(Targets.nextLogReturn(BARS, origins[i]));
            }
        }

        @Test
        void labelsPriceRowsWithTheNextClose() {
            TribuoForestTrainer.TrainingRows rows =
                    trainer.trainingRows(BARS, TARGET_END, TargetKind.PRICE);

            int last = rows.targets().length - 1;
            assertThat(rows.targets()[last]).isEqualTo(BARS.get(TARGET_END - 1).close());
        }

        @Test
        void changingTheBarsFromTheTargetEndOnChangesNothingBeforeIt() {
            List<Bar> changed = new ArrayList<>(BARS.bars().subList(0, TARGET_END));
            for (int i = TARGET_END; i < BARS.size(); i++) {
                changed.add(SyntheticBars.bar(i, 500 + i, 1));
            }
            BarSeries other = SyntheticBars.of(changed);
            int from = FeatureSpec.defaults().warmupBars();

            double[] original = trainer.train(BARS, TARGET_END, TINY, ProgressListener.NONE)
                    .forecastCloses(BARS, from, TARGET_END);
            double[] afterChange = trainer.train(other, TARGET_END, TINY, ProgressListener.NONE)
                    .forecastCloses(other, from, TARGET_END);

            assertThat(afterChange).isEqualTo(original);
        }
    }

    @Nested
    class Forecasts {

        @Test
        void returnModelsForecastPositiveClosesNearTheLastClose() {
            ForecastModel model = trainer.train(BARS, TARGET_END, TINY, ProgressListener.NONE);

            double[] closes = model.forecastCloses(BARS, TARGET_END, BARS.size());

            assertThat(closes).hasSize(BARS.size() - TARGET_END);
            for (int i = 0; i < closes.length; i++) {
                double last = BARS.get(TARGET_END + i).close();
                // Synthetic hourly returns have a deviation of about 0.4%.
                assertThat(closes[i]).isPositive().isCloseTo(last, within(last * 0.03));
            }
        }

        @Test
        void priceModelsForecastPositiveClosesInTheRangeTheyWereTrainedOn() {
            ForecastModel model = trainer.train(BARS, TARGET_END,
                    TINY.withTarget(TargetKind.PRICE), ProgressListener.NONE);
            double[] seen = Arrays.copyOf(BARS.closes(), TARGET_END);
            double low = Arrays.stream(seen).min().orElseThrow();
            double high = Arrays.stream(seen).max().orElseThrow();

            double[] closes = model.forecastCloses(BARS, TARGET_END, BARS.size());

            // A tree's leaf is a mean of training targets, so it cannot leave their range.
            assertThat(boxed(closes)).allSatisfy(close -> assertThat(close).isBetween(low, high));
        }

        @Test
        void theSameDataAndSeedGiveIdenticalForecasts() {
            double[] first = trainer.train(BARS, TARGET_END, TINY, ProgressListener.NONE)
                    .forecastCloses(BARS, TARGET_END, BARS.size());
            double[] second = new TribuoForestTrainer(FeatureSpec.defaults())
                    .train(BARS, TARGET_END, TINY, ProgressListener.NONE)
                    .forecastCloses(BARS, TARGET_END, BARS.size());

            assertThat(second).isEqualTo(first);
        }

        @Test
        void anotherSeedGivesAnotherForest() {
            double[] first = trainer.train(BARS, TARGET_END, TINY, ProgressListener.NONE)
                    .forecastCloses(BARS, TARGET_END, BARS.size());
            double[] second = trainer.train(BARS, TARGET_END, TINY.withSeed(43),
                    ProgressListener.NONE).forecastCloses(BARS, TARGET_END, BARS.size());

            assertThat(second).isNotEqualTo(first);
        }

        @Test
        void aForecastMayBeMadeFromTheLastBar() {
            ForecastModel model = trainer.train(BARS, TARGET_END, TINY, ProgressListener.NONE);

            double[] next = model.forecastCloses(BARS, BARS.size() - 1, BARS.size());
            double[] all = model.forecastCloses(BARS, TARGET_END, BARS.size());

            assertThat(next).containsExactly(all[all.length - 1]);
        }

        @Test
        void rejectsOriginsWithoutEnoughHistory() {
            ForecastModel model = trainer.train(BARS, TARGET_END, TINY, ProgressListener.NONE);

            assertThatThrownBy(() -> model.forecastCloses(BARS, 3, 10))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("35");
        }
    }

    @Nested
    class Settings {

        @Test
        void reportsEveryTreeToTheProgressListener() {
            List<Long> done = new ArrayList<>();

            trainer.train(BARS, TARGET_END, TINY, (task, count, total) -> {
                assertThat(task).isEqualTo("trees trained");
                assertThat(total).isEqualTo(10);
                done.add(count);
            });

            assertThat(done).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }

        @Test
        void trainsWithAllFeaturesAndWithoutBootstrap() {
            ModelSettings bagging = TINY.withFeatureFraction(1.0);
            ModelSettings allRows = TINY.withBootstrap(false);

            double[] bagged = trainer.train(BARS, TARGET_END, bagging, ProgressListener.NONE)
                    .forecastCloses(BARS, TARGET_END, BARS.size());
            double[] unsampled = trainer.train(BARS, TARGET_END, allRows, ProgressListener.NONE)
                    .forecastCloses(BARS, TARGET_END, BARS.size());

            assertThat(boxed(bagged)).allSatisfy(close -> assertThat(close).isPositive());
            assertThat(boxed(unsampled)).allSatisfy(close -> assertThat(close).isPositive());
        }

        @Test
        void theBuiltInFastForestReportsEveryTreeAndMeasuresItself() {
            ModelSettings fast = TINY.withAlgorithm(ModelSettings.FAST_FOREST);
            List<Long> done = new ArrayList<>();

            ForecastModel model = trainer.train(BARS, TARGET_END, fast,
                    (task, count, total) -> done.add(count));

            assertThat(done).contains(0L, (long) fast.trees());
            assertThat(model.outOfBagError()).isPresent();
            assertThat(model.featureImportances().values().stream()
                    .mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
            assertThat(boxed(model.forecastCloses(BARS, TARGET_END, BARS.size())))
                    .allSatisfy(close -> assertThat(close).isPositive());
        }

        @Test
        void theFastForestUsesThePluggedInTrainerAndReportsStartAndEnd() {
            List<ModelSettings> asked = new ArrayList<>();
            TribuoForestTrainer withFactory = new TribuoForestTrainer(FeatureSpec.defaults(),
                    settings -> {
                        asked.add(settings);
                        return new CARTRegressionTrainer(settings.maxDepth());
                    });
            ModelSettings fast = TINY.withAlgorithm(ModelSettings.FAST_FOREST);
            List<Long> done = new ArrayList<>();

            ForecastModel model = withFactory.train(BARS, TARGET_END, fast,
                    (task, count, total) -> done.add(count));

            assertThat(asked).containsExactly(fast);
            assertThat(done).containsExactly(0L, 10L);
            assertThat(model.params()).containsEntry("algorithm", "forest");
            assertThat(boxed(model.forecastCloses(BARS, TARGET_END, BARS.size())))
                    .allSatisfy(close -> assertThat(close).isPositive());
        }

        @Test
        void refusesTooFewRows() {
            assertThatThrownBy(() -> trainer.train(BARS, 40, TINY, ProgressListener.NONE))
                    .isInstanceOf(NotEnoughBarsException.class)
                    .hasMessageContaining("only 4 training rows");
        }
    }

    @Nested
    class Description {

        @Test
        void paramsHoldTheSettingsThenTheFeatureSpec() {
            ForecastModel model = trainer.train(BARS, TARGET_END, TINY, ProgressListener.NONE);

            List<String> expected = new ArrayList<>(TINY.asParams().keySet());
            expected.addAll(FeatureSpec.defaults().asParams().keySet());
            assertThat(model.params().keySet()).containsExactlyElementsOf(expected);
            assertThat(model.params()).containsEntry("target", "return")
                    .containsEntry("feature.volume_window", "35");
            assertThat(model.featureNames()).isEqualTo(FeatureSpec.defaults().featureNames());
            assertThat(model.warmupBars()).isEqualTo(35);
            assertThat(model.outOfBagError()).isEmpty();
        }

        @Test
        void featureImportancesCoverEveryFeatureAndSumToOne() {
            ForecastModel model = trainer.train(BARS, TARGET_END, TINY, ProgressListener.NONE);

            var importances = model.featureImportances();

            assertThat(importances.keySet())
                    .containsExactlyInAnyOrderElementsOf(FeatureSpec.defaults().featureNames());
            assertThat(importances.values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1.0, within(1e-9));
            List<Double> values = new ArrayList<>(importances.values());
            for (int i = 1; i < values.size(); i++) {
                assertThat(values.get(i)).isLessThanOrEqualTo(values.get(i - 1));
            }
        }

        @Test
        void theFeatureSpecJsonReadsBackAsTheSpec() {
            ForecastModel model = trainer.train(BARS, TARGET_END, TINY, ProgressListener.NONE);

            assertThat(FeatureSpecJson.read(model.featureSpecJson()))
                    .isEqualTo(FeatureSpec.defaults());
            assertThat(model.featureSpecJson()).contains("\"return_lags\"")
                    .contains("\"ret_lag_1\"");
        }
    }
}
