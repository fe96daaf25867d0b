package dev.aapl.core.service;

import dev.aapl.core.domain.BarSeries;
import dev.aapl.core.domain.BuildInfo;
import dev.aapl.core.domain.DataSummary;
import dev.aapl.core.domain.Evaluation;
import dev.aapl.core.domain.ForecastTable;
import dev.aapl.core.domain.HoldoutSplit;
import dev.aapl.core.domain.ModelNames;
import dev.aapl.core.domain.NotEnoughBarsException;
import dev.aapl.core.domain.TradingCalendar;
import dev.aapl.core.port.in.BacktestCommand;
import dev.aapl.core.port.in.BacktestFold;
import dev.aapl.core.port.in.BacktestResult;
import dev.aapl.core.port.in.BacktestUseCase;
import dev.aapl.core.port.out.EvaluationArtifactsPort;
import dev.aapl.core.port.out.ForecastModel;
import dev.aapl.core.port.out.LoadBarsPort;
import dev.aapl.core.port.out.ProgressListener;
import dev.aapl.core.port.out.TrackedRun;
import dev.aapl.core.port.out.TrackingPort;
import dev.aapl.core.port.out.TrainModelPort;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walk-forward backtest: the span of the latest trading days is cut into folds of
 * {@code refitEvery} days; before each fold a model is trained on every target before it (an
 * expanding window) and forecasts each bar of the fold from the bar before. Every bar of the
 * span gets exactly one out-of-sample forecast.
 */
public final class BacktestService implements BacktestUseCase {

    private final LoadBarsPort bars;
    private final TrainModelPort trainer;
    private final EvaluationArtifactsPort artifacts;
    private final TrackingPort tracking;
    private final TradingCalendar calendar;
    private final BuildInfo build;
    private final ProgressListener progress;
    private final Clock clock;

    /**
     * @param ports the adapters the service works through
     * @param calendar the exchange calendar
     * @param build the version of the product, recorded with every run
     * @param progress told as folds are done
     * @param clock the clock for run timestamps
     */
    public BacktestService(ServicePorts ports, TradingCalendar calendar, BuildInfo build,
            ProgressListener progress, Clock clock) {
        this.bars = ports.bars();
        this.trainer = ports.trainer();
        this.artifacts = ports.artifacts();
        this.tracking = ports.tracking();
        this.calendar = calendar;
        this.build = build;
        this.progress = progress;
        this.clock = clock;
    }

    @Override
    public BacktestResult backtest(BacktestCommand command) {
        BarSeries series = bars.loadBars(command.ticker(), command.interval(), command.now());
        List<Integer> foldStarts = foldStarts(series, command);
        DataSummary data = DataSummary.of(series);

        TrackedRun run = tracking.startRun(
                ModelNames.experiment(command.ticker(), command.interval()),
                RunNames.of("backtest", command.ticker().symbol(), clock.instant()),
                TrainModelService.runTags("backtest", data, build));
        try {
            BacktestResult result = walkForward(command, series, foldStarts, data, run);
            run.finish();
            return result;
        } catch (RuntimeException e) {
            run.fail(TrainModelService.describe(e));
            throw e;
        }
    }

    private BacktestResult walkForward(BacktestCommand command, BarSeries series,
            List<Integer> foldStarts, DataSummary data, TrackedRun run) {
        Map<String, String> params = new LinkedHashMap<>(command.settings().asParams());
        params.put("backtest_days", Integer.toString(command.days()));
        params.put("refit_every", Integer.toString(command.refitEvery()));
        params.put("folds", Integer.toString(foldStarts.size() - 1));
        run.logParams(params);

        List<BacktestFold> folds = new ArrayList<>();
        List<ForecastTable> tables = new ArrayList<>();
        ForecastModel last = null;
        for (int f = 0; f + 1 < foldStarts.size(); f++) {
            int start = foldStarts.get(f);
            int end = foldStarts.get(f + 1);
            ForecastModel model = trainer.train(series, start, command.settings(),
                    ProgressListener.NONE);
            ForecastTable table = OutOfSample.forecast(model, series, start, end);
            Evaluation evaluation = table.evaluate();
            int trainRows = start - 1 - model.warmupBars();
            folds.add(new BacktestFold(f + 1, table.targetStarts().get(0),
                    table.targetStarts().get(table.size() - 1), trainRows, evaluation));
            tables.add(table);
            Map<String, Double> foldMetrics = new LinkedHashMap<>(evaluation.asMap("fold_"));
            foldMetrics.put("fold_train_rows", (double) trainRows);
            run.logMetrics(foldMetrics, f + 1);
            progress.progress("folds done", f + 1, foldStarts.size() - 1);
            last = model;
        }
        if (last != null) {
            run.logParams(TrainModelService.newParams(params, last.params()));
        }

        ForecastTable all = OutOfSample.concat(tables);
        Evaluation overall = all.evaluate();
        Map<String, Double> metrics = new LinkedHashMap<>(overall.asMap());
        metrics.put("forecasts", (double) all.size());
        run.logMetrics(metrics, 0);
        logArtifacts(run, all, last, data);
        return new BacktestResult(run.runId(), run.runName(), data, folds, overall, all);
    }

    private void logArtifacts(TrackedRun run, ForecastTable all, ForecastModel model,
            DataSummary data) {
        Path folder = TemporaryFolders.create("aapl-backtest-");
        try {
            artifacts.write(folder, all, model, data.ticker() + " " + data.interval()
                    + " walk-forward backtest" + (data.synthetic() ? " (synthetic data)" : ""));
            run.logArtifacts(folder, "backtest");
        } finally {
            TemporaryFolders.delete(folder);
        }
    }

    /** Positions where each fold's targets start, and the end of the series last. */
    private List<Integer> foldStarts(BarSeries series, BacktestCommand command) {
        List<Integer> dayStarts = HoldoutSplit.dayStarts(series, calendar);
        if (dayStarts.size() <= command.days()) {
            throw new NotEnoughBarsException("the data covers " + dayStarts.size()
                    + " trading days, not enough for a backtest of " + command.days()
                    + " days and a training set before it",
                    "load a longer history or lower --days");
        }
        List<Integer> starts = new ArrayList<>();
        for (int day = dayStarts.size() - command.days(); day < dayStarts.size();
                day += command.refitEvery()) {
            starts.add(dayStarts.get(day));
        }
        starts.add(series.size());
        return starts;
    }
}
