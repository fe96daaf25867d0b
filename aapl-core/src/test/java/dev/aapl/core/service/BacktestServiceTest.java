package dev.aapl.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aapl.core.domain.BuildInfo;
import dev.aapl.core.domain.HoldoutSplit;
import dev.aapl.core.domain.Interval;
import dev.aapl.core.domain.ModelSettings;
import dev.aapl.core.domain.NyseCalendar;
import dev.aapl.core.domain.Ticker;
import dev.aapl.core.port.in.BacktestCommand;
import dev.aapl.core.port.in.BacktestResult;
import dev.aapl.core.port.out.ProgressListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestServiceTest {

    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    @TempDir
    Path root;

    @Test
    void forecastsEveryBarOfTheSpanOnceWithOneFoldPerRefit() {
        InMemoryPorts world = new InMemoryPorts(root, 40);
        BacktestService service = new BacktestService(world.ports(), NyseCalendar.instance(),
                new BuildInfo("test", ""), ProgressListener.NONE, Clock.fixed(NOW,
                ZoneOffset.UTC));

        BacktestResult result = service.backtest(new BacktestCommand(Ticker.AAPL,
                Interval.ONE_HOUR, ModelSettings.defaults(), 12, 5, NOW));

        List<Integer> dayStarts = HoldoutSplit.dayStarts(world.series, NyseCalendar.instance());
        int firstTarget = dayStarts.get(dayStarts.size() - 12);
        assertThat(result.forecasts().size()).isEqualTo(world.series.size() - firstTarget);
        Set<Instant> targets = new HashSet<>(result.forecasts().targetStarts());
        assertThat(targets).hasSize(result.forecasts().size());
        assertThat(result.folds()).hasSize(3);
        assertThat(result.folds().get(0).firstTarget())
                .isEqualTo(world.series.get(firstTarget).start());
        assertThat(result.folds().get(1).trainRows())
                .isGreaterThan(result.folds().get(0).trainRows());
        InMemoryPorts.FakeRun run = world.tracking.runs.get(0);
        assertThat(run.status).isEqualTo("FINISHED");
        assertThat(run.metrics.get("fold_rmse")).hasSize(3);
        assertThat(run.metrics).containsKeys("rmse", "naive_rmse", "skill");
    }
}
