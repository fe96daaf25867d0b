package dev.aapl.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aapl.core.domain.AaplException;
import dev.aapl.core.domain.BuildInfo;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.ModelSettings;
import dev.aapl.core.domain.NotEnoughBarsException;
import dev.aapl.core.domain.NyseCalendar;
import dev.aapl.core.domain.PromotionPolicy;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.port.in.TrainCommand;
import dev.aapl.core.port.in.TrainingResult;
import dev.aapl.core.port.out.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainModelServiceTest {

    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    @TempDir
    Path root;

    private InMemoryPorts world;
    private TrainModelService service;

    @BeforeEach
    void setUp() {
        world = new InMemoryPorts(root, 60);
        service = new TrainModelService(world.ports(), NyseCalendar.instance(),
                new BuildInfo("test", "abc"), ProgressListener.NONE,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private TrainingResult trainWithWeight(double weight) {
        world.nextWeight = weight;
        return service.train(new TrainCommand(Ticker.AAPL, Interval.ONE_HOUR,
                ModelSettings.defaults(), 10, new PromotionPolicy(5), NOW));
    }

    @Test
    void firstModelThatBeatsNaiveBecomesChampion() {
        TrainingResult result = trainWithWeight(0.3);

        assertThat(result.decision().promoted()).isTrue();
        assertThat(world.registry.champion).isEqualTo(1);
        assertThat(result.holdoutRows()).isEqualTo(70);
        assertThat(result.evaluation().skill()).isPositive();
        assertThat(world.tracking.runs.get(0).status).isEqualTo("FINISHED");
        assertThat(world.tracking.runs.get(0).tags)
                .containsEntry("aapl.promotion.decision", "promoted")
                .containsEntry("aapl.data.synthetic", "true")
                .containsEntry("mlflow.source.git.commit", "abc");
        assertThat(world.tracking.runs.get(0).params).containsKeys("trees", "holdout_days",
                "weight");
    }

    @Test
    void betterChallengerReplacesChampion() {
        trainWithWeight(0.3);

        TrainingResult second = trainWithWeight(0.6);

        assertThat(second.decision().promoted()).isTrue();
        assertThat(second.championEvaluation()).isPresent();
        assertThat(world.registry.champion).isEqualTo(2);
    }

    @Test
    void worseChallengerIsRegisteredButNotPromoted() {
        trainWithWeight(0.6);

        TrainingResult second = trainWithWeight(0.3);

        assertThat(second.decision().promoted()).isFalse();
        assertThat(second.version().version()).isEqualTo(2);
        assertThat(world.registry.champion).isEqualTo(1);
        assertThat(world.registry.versions.get(1).tags())
                .containsEntry("aapl.promotion.decision", "not promoted")
                .containsEntry("aapl.promotion.previous_champion", "1");
    }

    @Test
    void modelFarWorseThanNaiveIsNeverPromoted() {
        TrainingResult result = trainWithWeight(-0.8);

        assertThat(result.decision().promoted()).isFalse();
        assertThat(world.registry.champion).isNull();
        assertThat(result.decision().summary()).contains("worse than the naive forecast");
    }

    @Test
    void failedTrainingMarksRunFailedAndKeepsChampion() {
        trainWithWeight(0.5);
        world.failTrainingWith = new AaplException("disk on fire", "");

        assertThatThrownBy(() -> trainWithWeight(0.9)).hasMessage("disk on fire");

        assertThat(world.tracking.runs.get(1).status).isEqualTo("FAILED");
        assertThat(world.tracking.runs.get(1).tags).containsEntry("error", "disk on fire");
        assertThat(world.registry.champion).isEqualTo(1);
        assertThat(world.registry.versions).hasSize(1);
    }

    @Test
    void unreadableChampionIsRecordedAndChallengerJudgedAgainstNaive() throws Exception {
        trainWithWeight(0.5);
        Files.writeString(
                Path.of(world.registry.versions.get(0).source()).resolve("weight"), "garbage");

        TrainingResult second = trainWithWeight(0.2);

        assertThat(second.championEvaluation()).isEmpty();
        assertThat(second.decision().promoted()).isTrue();
        assertThat(world.tracking.runs.get(1).tags).containsKey("aapl.champion.error");
    }

    @Test
    void rejectsHoldoutLongerThanTheData() {
        world.series = InMemoryPorts.syntheticSeries(8);

        assertThatThrownBy(() -> trainWithWeight(0.5))
                .isInstanceOf(NotEnoughBarsException.class)
                .hasMessageContaining("8 trading days");
        assertThat(world.tracking.runs).isEmpty();
    }

    @Test
    void takesTheRegistryLockForEveryTraining() {
        trainWithWeight(0.5);
        trainWithWeight(0.5);

        assertThat(world.registry.locksTaken).isEqualTo(2);
    }
}
